package org.opencdp.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.quarkus.logging.Log;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import io.quarkus.smallrye.openapi.runtime.OpenApiDocumentService;
import io.smallrye.openapi.runtime.io.Format;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opencdp.gateway.config.GatewayConfig;
import org.opencdp.gateway.proxy.Problems;
import org.opencdp.gateway.proxy.Service;
import org.opencdp.gateway.proxy.ServiceRoutes;

/**
 * GET /q/openapi: the gateway's own API plus the public paths of every service, as one OpenAPI document, rebuilt
 * at most every {@code cdp.gateway.openapi.cache-ttl}. A service that does not answer is left out and named in
 * {@code x-unavailable-services}.
 */
@ApplicationScoped
public class AggregatedOpenApi implements Handler<RoutingContext> {
    private static final String OWN = "gateway";
    private final Vertx vertx;
    private final HttpClient client;
    private final ServiceRoutes routes;
    private final OpenApiDocumentService ownDocument;
    private final ObjectMapper mapper;
    private final YAMLMapper yaml = new YAMLMapper();
    private final GatewayConfig.OpenApi config;
    private final Problems problems;
    private Future<Document> cached;
    private long cachedAt;

    public AggregatedOpenApi(Vertx vertx, ServiceRoutes routes, OpenApiDocumentService ownDocument,
            ObjectMapper mapper, GatewayConfig config, Problems problems) {
        this.vertx = vertx;
        this.routes = routes;
        this.ownDocument = ownDocument;
        this.mapper = mapper;
        this.config = config.openapi();
        this.problems = problems;
        this.client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(false)
                .setConnectTimeout((int) this.config.fetchTimeout().toMillis()));
    }

    @PreDestroy
    void close() {
        client.close();
    }

    @Override
    public void handle(RoutingContext ctx) {
        boolean asYaml = "yaml".equalsIgnoreCase(ctx.request().getParam("format"))
                || "yml".equalsIgnoreCase(ctx.request().getParam("format"));
        document().onComplete(ar -> {
            if (ar.failed()) {
                Log.error("Cannot build the OpenAPI document", ar.cause());
                problems.send(ctx, 500, "The OpenAPI document cannot be built right now");
                return;
            }
            try {
                byte[] body = asYaml ? yaml.writeValueAsBytes(ar.result().tree()) : ar.result().json();
                ctx.response()
                        .putHeader(HttpHeaders.CONTENT_TYPE, (asYaml ? "application/yaml" : "application/json")
                                + ";charset=UTF-8")
                        .end(Buffer.buffer(body));
            } catch (Exception e) {
                problems.send(ctx, 500, "The OpenAPI document cannot be written");
            }
        });
    }

    /** The cached document, or a new one when the cache is older than the TTL (concurrent callers share it). */
    synchronized Future<Document> document() {
        long now = System.nanoTime();
        if (cached != null && (!cached.isComplete() || now - cachedAt < config.cacheTtl().toNanos())) {
            return cached;
        }
        cachedAt = now;
        Future<Document> building = build();
        building.onFailure(err -> forget(building));
        cached = building;
        return building;
    }

    private synchronized void forget(Future<Document> failed) {
        if (cached == failed) {
            cached = null;
        }
    }

    private Future<Document> build() {
        Map<Service, Future<Buffer>> fetches = new LinkedHashMap<>();
        for (Service service : Service.values()) {
            fetches.put(service, fetch(service));
        }
        List<Future<Buffer>> all = new ArrayList<>(fetches.values());
        return Future.join(all).transform(ignored -> vertx.executeBlocking(() -> {
            JsonNode merged = merge(fetches);
            return new Document(merged, mapper.writeValueAsBytes(merged));
        }, false));
    }

    private Future<Buffer> fetch(Service service) {
        ServiceRoutes.Endpoint target = routes.endpoint(service);
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET)
                .setHost(target.host()).setPort(target.port()).setSsl(target.ssl())
                .setURI(target.basePath() + "/q/openapi?format=json")
                .putHeader(HttpHeaders.ACCEPT, "application/json")
                .setIdleTimeout(config.fetchTimeout().toMillis());
        return client.request(options)
                .compose(request -> request.send())
                .compose(response -> response.statusCode() == 200 ? response.body()
                        : Future.failedFuture("HTTP " + response.statusCode()));
    }

    private JsonNode merge(Map<Service, Future<Buffer>> fetches) throws Exception {
        JsonNode own = mapper.readTree(ownDocument.getDocument(OpenApiFilter.DEFAULT_DOCUMENT_NAME, Format.JSON));
        OpenApiMerger merger = new OpenApiMerger(own.path("openapi").asText("3.1.0"), config.title(),
                config.version(), config.description());
        merger.add(OWN, own, ServiceRoutes::isWorkspaces);
        for (Map.Entry<Service, Future<Buffer>> fetch : fetches.entrySet()) {
            Service service = fetch.getKey();
            try {
                if (fetch.getValue().failed()) {
                    throw new IllegalStateException(fetch.getValue().cause());
                }
                JsonNode doc = mapper.readTree(fetch.getValue().result().getBytes());
                merger.add(service.key(), doc, path -> ServiceRoutes.resolve(path).orElse(null) == service);
            } catch (Exception e) {
                Log.warnf("OpenAPI document of the %s service is unavailable: %s", service.key(), e.getMessage());
                merger.unavailable(service.key());
            }
        }
        return merger.result();
    }

    /** The merged document and its JSON form, written once per rebuild. */
    record Document(JsonNode tree, byte[] json) {}
}
