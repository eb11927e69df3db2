package org.opencdp.gateway.proxy;

import io.quarkus.logging.Log;
import io.vertx.core.AsyncResult;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.MDC;
import org.opencdp.common.request.RequestIds;
import org.opencdp.gateway.KeyType;
import org.opencdp.gateway.service.Caller;
import org.opencdp.gateway.service.KeySecrets;

/**
 * The front door for /api, /v1 and /dmp: request id, API key authentication, scope check, rate limit and body size
 * limit; then either hands the request to JAX-RS (/api/workspaces) or streams it to the service that owns the path.
 */
@Singleton
public class GatewayHandler implements Handler<RoutingContext> {
    private static final String REALM = " realm=\"opencdp\"";
    private final KeyAuthenticator authenticator;
    private final RateLimiter rateLimiter;
    private final BodyLimits bodyLimits;
    private final DownstreamProxy proxy;
    private final Problems problems;

    public GatewayHandler(KeyAuthenticator authenticator, RateLimiter rateLimiter, BodyLimits bodyLimits,
            DownstreamProxy proxy, Problems problems) {
        this.authenticator = authenticator;
        this.rateLimiter = rateLimiter;
        this.bodyLimits = bodyLimits;
        this.proxy = proxy;
        this.problems = problems;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        if (!ServiceRoutes.isGatewayPath(path)) {
            ctx.next();
            return;
        }
        HttpServerRequest request = ctx.request();
        String requestId = RequestIds.acceptOrCreate(request.getHeader(RequestIds.HEADER));
        // JAX-RS's RequestIdFilter then keeps (and returns) the same id; Problems and the proxy return it otherwise
        request.headers().set(RequestIds.HEADER, requestId);
        ctx.put(RequestIds.MDC_KEY, requestId);
        MDC.put(RequestIds.MDC_KEY, requestId);

        Credential credential = Credential.of(request, path);
        if (credential == null) {
            unauthorized(ctx, path, ServiceRoutes.isManagement(path)
                    ? "Missing API key: send a secret key as 'Authorization: Bearer sk_...'"
                    : "Missing API key: send the write key as the HTTP Basic user name");
            return;
        }
        authenticator.authenticate(ctx.vertx(), credential.secret()).onComplete(ar -> {
            try {
                afterLookup(ctx, path, credential, ar);
            } catch (RuntimeException e) {
                ctx.fail(e); // never leave the client waiting: the failure handler answers 500
            }
        });
    }

    private void afterLookup(RoutingContext ctx, String path, Credential credential,
            AsyncResult<Optional<Caller>> lookup) {
        if (lookup.failed()) {
            Log.errorf(lookup.cause(), "Key lookup failed for %s", path);
            problems.send(ctx, 503, "Keys cannot be checked right now; retry shortly");
        } else if (lookup.result().isEmpty()) {
            boolean noAdmin = !authenticator.adminTokenConfigured() && !KeySecrets.looksLikeKey(credential.secret());
            unauthorized(ctx, path, noAdmin
                    ? "Unknown API key; no admin token is configured on this gateway (set CDP_ADMIN_TOKEN)"
                    : "Unknown or revoked API key");
        } else {
            authorized(ctx, path, lookup.result().get(), credential);
        }
    }

    private void authorized(RoutingContext ctx, String path, Caller caller, Credential credential) {
        boolean workspaces = ServiceRoutes.isWorkspaces(path);
        Optional<Service> service = ServiceRoutes.resolve(path);
        if (!workspaces && service.isEmpty()) {
            problems.send(ctx, 404, "No service serves " + path);
            return;
        }
        if (caller.admin() && !workspaces) {
            problems.send(ctx, 403, "The admin token only manages workspaces; use a key of the workspace");
            return;
        }
        if (!caller.admin() && caller.keyType() == KeyType.WRITE && ServiceRoutes.isManagement(path)) {
            problems.send(ctx, 403, "A write key can only send data; use a secret key for /api");
            return;
        }
        if (!caller.admin()) {
            long wait = rateLimiter.tryAcquire(caller.keyId());
            if (wait > 0) {
                problems.send(ctx, 429, "Rate limit of this API key exceeded; retry after " + wait + " s",
                        Map.of(HttpHeaders.RETRY_AFTER.toString(), Long.toString(wait)));
                return;
            }
        }
        long limit = bodyLimits.limitFor(path);
        long declared = declaredLength(ctx.request());
        if (declared == -2) {
            problems.send(ctx, 400, "Invalid Content-Length");
            return;
        }
        if (declared > limit) {
            problems.tooLarge(ctx, limit);
            return;
        }
        if (workspaces) {
            ctx.put(Caller.ROUTING_KEY, caller);
            ctx.next();
            return;
        }
        proxy.forward(ctx, service.get(), caller, limit, bodyLimits.isImport(path),
                forwardUri(ctx, path, credential));
    }

    private void unauthorized(RoutingContext ctx, String path, String detail) {
        String scheme = ServiceRoutes.isManagement(path) ? "Bearer" : "Basic";
        problems.send(ctx, 401, detail, Map.of("WWW-Authenticate", scheme + REALM));
    }

    /** -1 when absent, -2 when invalid. */
    private static long declaredLength(HttpServerRequest request) {
        String value = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (value == null) {
            return -1;
        }
        try {
            long length = Long.parseLong(value.strip());
            return length < 0 ? -2 : length;
        } catch (NumberFormatException e) {
            return -2;
        }
    }

    /** The normalised path and the query, without a write key that came in the query. */
    static String forwardUri(RoutingContext ctx, String path, Credential credential) {
        String query = ctx.request().query();
        if (query != null && credential.fromQuery()) {
            query = QueryStrings.without(query, Credential.QUERY_PARAM);
        }
        return query == null || query.isEmpty() ? path : path + "?" + query;
    }
}
