package org.opencdp.localstores.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every service promises, whatever its domain: health with its database, OpenAPI, Prometheus metrics,
 * problem+json errors with a request id, and no API call without a valid gateway token. Each service's test
 * extends this with its API prefix and runs it against its real store.
 */
public abstract class ServiceContractTest {

    /** A path prefix of this service's API, e.g. {@code /api/crm}. */
    protected abstract String apiPrefix();

    /** A word in the name of the readiness check of this service's database. */
    protected abstract String databaseCheckName();

    @Test
    void healthProbesAreUpAndReadinessIncludesTheDatabase() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/started").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString(databaseCheckName())));
    }

    @Test
    void openApiDocumentIsServed() {
        given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .body("openapi", startsWith("3."))
                .body("info.title", notNullValue());
    }

    @Test
    void prometheusMetricsAreServed() {
        given().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void apiWithoutTokenIsRejectedAsProblem() {
        given().get(apiPrefix() + "/anything").then().statusCode(401)
                .contentType("application/problem+json")
                .header("X-Request-Id", notNullValue())
                .body("status", equalTo(401))
                .body("type", containsString("unauthenticated"))
                .body("requestId", notNullValue())
                .body(not(containsString("Exception")));
    }

    @Test
    void tokenSignedByAnotherKeyIsRejected() {
        given().header("Authorization", TestTokens.forged("ws-1")).get(apiPrefix() + "/anything")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void expiredTokenIsRejected() {
        String expired = TestTokens.bearer("ws-1", Set.of("manage"), Duration.ofMinutes(-5));
        given().header("Authorization", expired).get(apiPrefix() + "/anything")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void writeKeyTokenMayNotManage() {
        given().header("Authorization", TestTokens.write("ws-1")).get(apiPrefix() + "/anything")
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("secret key"));
    }

    @Test
    void unknownPathIsProblemWithTheCallersRequestId() {
        String requestId = "test-" + UUID.randomUUID();
        given().header("Authorization", TestTokens.secret("ws-1")).header("X-Request-Id", requestId)
                .get(apiPrefix() + "/no-such-thing-" + UUID.randomUUID())
                .then().statusCode(404)
                .contentType("application/problem+json")
                .header("X-Request-Id", requestId)
                .body("status", equalTo(404))
                .body("requestId", equalTo(requestId));
    }
}
