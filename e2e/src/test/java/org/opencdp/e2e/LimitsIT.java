package org.opencdp.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/** Request size limits (413) and the per-key rate limit (429 with Retry-After), as problem+json. */
class LimitsIT {

    @Test
    void oversizedTrackingCallsAre413() {
        SharedPlatform.Tenant t = SharedPlatform.newTenant("limits-size");
        String big = "x".repeat(40 * 1024);
        given().auth().preemptive().basic(t.writeKey(), "").contentType(ContentType.JSON)
                .body("{\"userId\":\"u1\",\"event\":\"e\",\"properties\":{\"p\":\"" + big + "\"}}").post("/v1/track")
                .then().statusCode(413).contentType("application/problem+json").body("status", equalTo(413));
        String huge = "x".repeat(510 * 1024);
        given().auth().preemptive().basic(t.writeKey(), "").contentType(ContentType.JSON)
                .body("{\"batch\":[{\"userId\":\"u1\",\"event\":\"e\",\"properties\":{\"p\":\"" + huge + "\"}}]}")
                .post("/v1/batch")
                .then().statusCode(413).contentType("application/problem+json");
    }

    @Test
    void burstBeyondTheKeysBucketIs429WithRetryAfter() {
        SharedPlatform.Tenant t = SharedPlatform.newTenant("limits-rate");
        Response limited = null;
        for (int i = 0; i < SharedPlatform.RATE_CAPACITY * 3 && limited == null; i++) {
            Response r = given().auth().oauth2(t.secretKey()).get("/api/dmp/settings");
            if (r.statusCode() == 429) {
                limited = r;
            } else {
                assertTrue(r.statusCode() == 200, "unexpected status " + r.statusCode());
            }
        }
        assertTrue(limited != null, "no 429 after " + SharedPlatform.RATE_CAPACITY * 3 + " requests");
        limited.then().contentType("application/problem+json").header("Retry-After", notNullValue())
                .body("status", equalTo(429));
        // another key of another workspace is not affected
        SharedPlatform.Tenant other = SharedPlatform.newTenant("limits-other");
        given().auth().oauth2(other.secretKey()).get("/api/dmp/settings").then().statusCode(200);
    }
}
