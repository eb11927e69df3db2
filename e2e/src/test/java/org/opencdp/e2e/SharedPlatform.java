package org.opencdp.e2e;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.Map;
import org.opencdp.launcher.Platform;
import org.opencdp.launcher.PlatformOptions;
import org.opencdp.launcher.Service;

/**
 * One platform for every end-to-end test class: the packaged services started the way {@code ./cdp up} starts them
 * (child processes on embedded PostgreSQL and the Mongo wire server), on free ports, with a temporary data folder.
 * The gateway's rate limit is lowered so that a test can exceed it with a few dozen requests.
 */
final class SharedPlatform {
    static final int RATE_CAPACITY = 40;
    private static Platform platform;

    private SharedPlatform() {}

    static synchronized Platform get() {
        if (platform == null) {
            platform = Platform.start(PlatformOptions.ephemeral()
                    .readyTimeout(Duration.ofMinutes(3))
                    .serviceEnv(Service.GATEWAY, "CDP_GATEWAY_RATE_LIMIT_CAPACITY", Integer.toString(RATE_CAPACITY))
                    .serviceEnv(Service.GATEWAY, "CDP_GATEWAY_RATE_LIMIT_REFILL_PER_SECOND", "10"));
            Runtime.getRuntime().addShutdownHook(new Thread(platform::close));
            RestAssured.baseURI = platform.gatewayUrl();
            RestAssured.port = platform.port(Service.GATEWAY);
        }
        return platform;
    }

    /** A new workspace with a fresh write key and secret key, created through the admin API. */
    static Tenant newTenant(String name) {
        Platform p = get();
        String id = RestAssured.given().auth().oauth2(p.adminToken()).contentType(ContentType.JSON)
                .body(Map.of("name", name)).post("/api/workspaces")
                .then().statusCode(201).extract().path("id");
        return new Tenant(id, key(id, "write"), key(id, "secret"));
    }

    static String key(String workspaceId, String type) {
        return RestAssured.given().auth().oauth2(get().adminToken()).contentType(ContentType.JSON)
                .body(Map.of("type", type, "name", "e2e " + type)).post("/api/workspaces/" + workspaceId + "/keys")
                .then().statusCode(201).extract().path("key");
    }

    record Tenant(String workspaceId, String writeKey, String secretKey) {}
}
