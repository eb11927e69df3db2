package org.opencdp.gateway;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A stub of the services behind the gateway, on a random port: profile, crm and segment point at it, dmp at a
 * closed port. It echoes every request as JSON (method, path, query, headers, body in base64), answers
 * /api/segments/slow after 5 s, /api/crm/contacts/import after 1.5 s, and serves an OpenAPI document at /q/openapi.
 */
public class StubServicesResource implements QuarkusTestResourceLifecycleManager {
    static final String OPENAPI = """
            {"openapi":"3.1.0","info":{"title":"stub","version":"1"},
             "tags":[{"name":"Contacts","description":"stub contacts"}],
             "paths":{
               "/api/crm/contacts":{"get":{"operationId":"listContacts","tags":["Contacts"],"responses":{"200":{"description":"ok",
                 "content":{"application/json":{"schema":{"$ref":"#/components/schemas/Workspace"}}}}}}},
               "/v1/track":{"post":{"operationId":"track","responses":{"200":{"description":"ok"}}}},
               "/api/segments":{"get":{"operationId":"listSegments","responses":{"200":{"description":"ok",
                 "content":{"application/json":{"schema":{"$ref":"#/components/schemas/Contact"}}}}}}},
               "/internal/jobs":{"get":{"responses":{"200":{"description":"ok"}}}}},
             "components":{"schemas":{
               "Workspace":{"type":"object","properties":{"stubOnly":{"type":"string"}}},
               "Contact":{"type":"object","properties":{"email":{"type":"string"}}}},
               "securitySchemes":{"jwt":{"type":"http","scheme":"bearer"}}}}
            """;
    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        HttpServer server = vertx.createHttpServer().requestHandler(StubServicesResource::handle);
        int port;
        try {
            port = server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS)
                    .actualPort();
        } catch (Exception e) {
            throw new IllegalStateException("Stub services did not start", e);
        }
        String stub = "http://127.0.0.1:" + port;
        return Map.of(
                "cdp.gateway.services.profile", stub,
                "cdp.gateway.services.crm", stub,
                "cdp.gateway.services.segment", stub,
                "cdp.gateway.services.dmp", "http://127.0.0.1:" + closedPort());
    }

    private static void handle(HttpServerRequest request) {
        if (request.path().equals("/q/openapi")) {
            request.response().putHeader("Content-Type", "application/json").end(OPENAPI);
            return;
        }
        request.body().onSuccess(body -> {
            JsonObject headers = new JsonObject();
            request.headers().names().forEach(name -> headers.put(name.toLowerCase(), request.headers().get(name)));
            JsonObject echo = new JsonObject()
                    .put("method", request.method().name())
                    .put("path", request.path())
                    .put("query", request.query())
                    .put("headers", headers)
                    .put("body", Base64.getEncoder().encodeToString(body.getBytes()));
            long delay = switch (request.path()) {
                case "/api/segments/slow" -> 5_000;
                case "/api/crm/contacts/import" -> 1_500; // beyond the default timeout, within the import one
                default -> 0;
            };
            Runnable answer = () -> {
                if (!request.response().closed()) {
                    request.response().putHeader("Content-Type", "application/json").putHeader("X-Stub", "echo")
                            .putHeader("Keep-Alive", "timeout=5").end(echo.encode());
                }
            };
            if (delay > 0) {
                Vertx.currentContext().owner().setTimer(delay, id -> answer.run());
            } else {
                answer.run();
            }
        });
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close();
        }
    }
}
