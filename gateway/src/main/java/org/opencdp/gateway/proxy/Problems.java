package org.opencdp.gateway.proxy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;
import java.util.Map;
import org.opencdp.common.problem.Problem;
import org.opencdp.common.request.RequestIds;

/** Answers from Vert.x handlers in the same problem+json shape as the JAX-RS exception mappers. */
@Singleton
public class Problems {
    private final ObjectMapper mapper;

    public Problems(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public void send(RoutingContext ctx, int status, String detail) {
        send(ctx, status, detail, Map.of());
    }

    public void send(RoutingContext ctx, int status, String detail, Map<String, String> headers) {
        HttpServerResponse response = ctx.response();
        if (response.ended() || response.closed()) {
            return;
        }
        if (response.headWritten()) {
            response.reset();
            return;
        }
        Object requestId = ctx.get(RequestIds.MDC_KEY);
        Problem problem = Problem.of(status, detail, ctx.normalizedPath(), requestId == null ? null : requestId.toString());
        response.setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        if (requestId != null) {
            response.putHeader(RequestIds.HEADER, requestId.toString());
        }
        headers.forEach(response::putHeader);
        response.end(Buffer.buffer(json(problem)));
    }

    /**
     * 413. On HTTP/1.x the connection is closed afterwards: the rest of an oversized body is not worth reading. An
     * HTTP/2 connection carries other streams, so it stays open (the rest of this stream is discarded).
     */
    public void tooLarge(RoutingContext ctx, long limit) {
        String detail = "The request body exceeds the limit of " + limit + " bytes for this path";
        if (ctx.request().version() == HttpVersion.HTTP_2) {
            send(ctx, 413, detail);
            return;
        }
        ctx.response().endHandler(v -> ctx.request().connection().close());
        send(ctx, 413, detail, Map.of(HttpHeaders.CONNECTION.toString(), "close"));
    }

    private byte[] json(Problem problem) {
        try {
            return mapper.writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a problem", e);
        }
    }
}
