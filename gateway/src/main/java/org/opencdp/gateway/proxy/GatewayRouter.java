package org.opencdp.gateway.proxy;

import io.quarkus.logging.Log;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.opencdp.common.problem.Problem;
import org.opencdp.gateway.openapi.AggregatedOpenApi;

/**
 * Puts the gateway on the HTTP router: its handler runs after CORS (so preflights need no key) and before the body
 * size check of Quarkus and Quarkus REST; /q/openapi serves the aggregated document; unknown paths get a 404
 * problem.
 */
@ApplicationScoped
public class GatewayRouter {
    /** Before Quarkus's own upload limit (-2) and everything after it; after CORS (-300). */
    static final int ORDER = RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1;

    void register(@Observes Router router, GatewayHandler gateway, AggregatedOpenApi openApi, Problems problems) {
        router.route().order(ORDER).handler(gateway);
        router.route().order(ORDER).failureHandler(ctx -> {
            if (!ServiceRoutes.isGatewayPath(ctx.normalizedPath()) || ctx.response().ended()) {
                ctx.next();
                return;
            }
            int status = ctx.statusCode() >= 400 && ctx.statusCode() < 500 ? ctx.statusCode() : 500;
            if (status == 500) {
                Log.errorf(ctx.failure(), "Unhandled error on %s %s", ctx.request().method(), ctx.normalizedPath());
            }
            problems.send(ctx, status, status == 500
                    ? "An unexpected error occurred; quote the request id when reporting it" : Problem.titleFor(status));
        });
        router.get("/q/openapi").order(ORDER).handler(openApi);
        router.errorHandler(404, ctx -> problems.send(ctx, 404, "No such resource: " + ctx.normalizedPath()));
    }
}
