package org.opencdp.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;

import io.restassured.http.ContentType;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencdp.launcher.Platform;
import org.opencdp.launcher.Service;

/**
 * Every public prefix reaches the service that owns it. A service answers unknown paths with its own 404
 * ("No such resource"); the gateway answers prefixes no service owns with "No service serves".
 */
class RoutingIT {
    private static SharedPlatform.Tenant tenant;

    @BeforeAll
    static void start() {
        tenant = SharedPlatform.newTenant("routing");
    }

    @Test
    void managementPrefixesReachTheirService() {
        given().auth().oauth2(tenant.secretKey()).get("/api/dmp/settings")
                .then().statusCode(200).body("workspaceId", equalTo(tenant.workspaceId()));
        given().auth().oauth2(tenant.secretKey()).get("/api/profiles/identity-rules")
                .then().statusCode(200).body("workspaceId", equalTo(tenant.workspaceId()));
        given().auth().oauth2(tenant.secretKey()).get("/api/crm/deal-reasons?outcome=lost")
                .then().statusCode(200).body("outcome", everyItem(equalTo("lost")));
        given().auth().oauth2(tenant.secretKey()).get("/api/segments/condition-catalog")
                .then().statusCode(200).body("operators.operator", hasItem("between"));
        for (String prefix : new String[] {"/api/crm", "/api/dmp", "/api/profiles", "/api/privacy", "/api/segments",
                "/api/destinations"}) {
            given().auth().oauth2(tenant.secretKey()).header("X-Request-Id", "e2e-routing-check-1")
                    .get(prefix + "/no-such/resource/at-all") // deep enough to match no {id} path
                    .then().statusCode(404).contentType("application/problem+json")
                    .header("X-Request-Id", "e2e-routing-check-1")
                    .body("detail", equalTo("No such resource"))
                    .body("instance", equalTo(prefix + "/no-such/resource/at-all"));
        }
    }

    @Test
    void trackingAndCollectionPrefixesReachTheirServiceWithAWriteKey() {
        for (String path : new String[] {"/v1/no-such-call", "/dmp/v1/no-such-call"}) {
            given().auth().preemptive().basic(tenant.writeKey(), "").contentType(ContentType.JSON).body("{}")
                    .post(path)
                    .then().statusCode(404).contentType("application/problem+json")
                    .body("detail", equalTo("No such resource"))
                    .body("instance", equalTo(path));
        }
    }

    @Test
    void prefixNoServiceOwnsIsAGateway404() {
        given().auth().oauth2(tenant.secretKey()).get("/api/nothing/here")
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", containsString("No service serves"));
    }

    @Test
    void serviceThatIsDownGivesA503ProblemQuickly() {
        Platform platform = SharedPlatform.get();
        platform.stopService(Service.SEGMENT);
        try {
            long start = System.nanoTime();
            given().auth().oauth2(tenant.secretKey()).get("/api/segments/anything")
                    .then().statusCode(503).contentType("application/problem+json");
            long millis = (System.nanoTime() - start) / 1_000_000;
            org.junit.jupiter.api.Assertions.assertTrue(millis < 10_000, "503 took " + millis + " ms");
        } finally {
            platform.startService(Service.SEGMENT, Duration.ofMinutes(2));
        }
        given().auth().oauth2(tenant.secretKey()).get("/api/segments/anything")
                .then().statusCode(404).contentType("application/problem+json");
    }
}
