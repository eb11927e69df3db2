package org.opencdp.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opencdp.gateway.Fixtures.basic;
import static org.opencdp.gateway.Fixtures.bearer;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencdp.common.auth.TokenKeys;
import org.opencdp.common.auth.WorkspaceToken;
import org.opencdp.common.auth.WorkspaceTokens;
import org.opencdp.common.problem.Problem;
import org.opencdp.localstores.testing.PostgresTestResource;
import org.opencdp.localstores.testing.TokenTestResource;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TokenTestResource.class)
@QuarkusTestResource(StubServicesResource.class)
class ProxyTest {
    static String workspace;
    static String writeKeyId;
    static String writeKey;
    static String secretKey;

    @BeforeEach
    void keys() {
        if (workspace != null) {
            return;
        }
        workspace = Fixtures.workspace("proxied");
        String[] write = Fixtures.key(workspace, "write");
        writeKeyId = write[0];
        writeKey = write[1];
        secretKey = Fixtures.key(workspace, "secret")[1];
    }

    @Test
    void forwardsATrackingCallWithAWorkspaceToken() {
        String body = "{\"type\":\"track\",\"event\":\"Order Completed\",\"userId\":\"u1\"}";
        ExtractableResponse<Response> echo = given().header("Authorization", basic(writeKey))
                .header("X-Request-Id", "client-request-0001")
                .urlEncodingEnabled(false)
                .contentType(ContentType.JSON).body(body)
                .when().post("/v1/track?source=web&note=a%20b")
                .then().statusCode(200)
                .header("X-Request-Id", "client-request-0001")
                .header("X-Stub", "echo")
                .header("Keep-Alive", nullValue())
                .body("method", equalTo("POST"))
                .body("path", equalTo("/v1/track"))
                .body("query", equalTo("source=web&note=a%20b"))
                .body("headers.x-request-id", equalTo("client-request-0001"))
                .body("headers.x-forwarded-for", notNullValue())
                .body("headers.x-forwarded-proto", equalTo("http"))
                .body("headers.x-forwarded-host", notNullValue())
                .extract();
        assertEquals(body, new String(Base64.getDecoder().decode(echo.<String>path("body")), StandardCharsets.UTF_8));

        WorkspaceToken token = verify(echo.path("headers.authorization"));
        assertEquals(workspace, token.workspaceId());
        assertEquals(writeKeyId, token.keyId());
        assertEquals(Set.of(WorkspaceToken.TRACK), token.scopes());
    }

    @Test
    void passesGzipBodiesThroughUntouched() throws Exception {
        byte[] json = "{\"batch\":[{\"type\":\"track\",\"event\":\"A\"}]}".getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
            gzip.write(json);
        }
        byte[] bytes = zipped.toByteArray();
        String echoed = given().header("Authorization", basic(writeKey))
                .header("Content-Encoding", "gzip").contentType(ContentType.JSON).body(bytes)
                .when().post("/v1/batch")
                .then().statusCode(200)
                .body("headers.content-encoding", equalTo("gzip"))
                .body("headers.content-length", equalTo(Integer.toString(bytes.length)))
                .extract().path("body");
        assertArrayEquals(bytes, Base64.getDecoder().decode(echoed));
    }

    @Test
    void aSecretKeyManagesThroughTheGateway() {
        ExtractableResponse<Response> echo = given().header("Authorization", bearer(secretKey))
                .when().get("/api/profiles/p-1")
                .then().statusCode(200)
                .header("X-Request-Id", notNullValue())
                .body("method", equalTo("GET"))
                .body("path", equalTo("/api/profiles/p-1"))
                .extract();
        assertEquals(echo.header("X-Request-Id"), echo.path("headers.x-request-id"));
        WorkspaceToken token = verify(echo.path("headers.authorization"));
        assertEquals(workspace, token.workspaceId());
        assertEquals(Set.of(WorkspaceToken.TRACK, WorkspaceToken.MANAGE), token.scopes());

        given().header("Authorization", bearer(secretKey)).contentType(ContentType.JSON).body("{\"a\":1}")
                .when().put("/api/crm/contacts/c-1")
                .then().statusCode(200).body("method", equalTo("PUT")).body("path", equalTo("/api/crm/contacts/c-1"));
        given().header("Authorization", bearer(secretKey)).when().delete("/api/segments/s-1")
                .then().statusCode(200).body("method", equalTo("DELETE"));
        given().header("Authorization", basic(secretKey)).contentType(ContentType.JSON).body("{}")
                .when().post("/v1/identify")
                .then().statusCode(200).body("path", equalTo("/v1/identify"));
    }

    @Test
    void reusesOneTokenPerKey() {
        String first = given().header("Authorization", basic(writeKey)).when().get("/v1/projects/a")
                .then().statusCode(200).extract().path("headers.authorization");
        String second = given().header("Authorization", basic(writeKey)).when().get("/v1/projects/b")
                .then().statusCode(200).extract().path("headers.authorization");
        assertEquals(first, second);
    }

    @Test
    void aServiceThatIsDownIs503() {
        given().header("Authorization", basic(writeKey)).contentType(ContentType.JSON).body("{}")
                .when().post("/dmp/v1/collect")
                .then().statusCode(503).contentType(Problem.MEDIA_TYPE)
                .header("X-Request-Id", notNullValue())
                .body("status", equalTo(503))
                .body("detail", containsString("dmp"));
        // a pixel may carry the write key in the query
        given().queryParam("writeKey", writeKey).when().get("/dmp/v1/pixel.gif")
                .then().statusCode(503);
        given().queryParam("writeKey", "wk_unknownunknownunknownunknown12").when().get("/dmp/v1/pixel.gif")
                .then().statusCode(401);
    }

    @Test
    void aSlowServiceIs504() {
        long start = System.nanoTime();
        given().header("Authorization", bearer(secretKey)).when().get("/api/segments/slow")
                .then().statusCode(504).contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo(Problem.TYPE_BASE + "timeout"));
        assertTrue(System.nanoTime() - start < 4_000_000_000L, "answers at the timeout, not when the service does");
    }

    @Test
    void anImportGetsTheLongerImportTimeout() {
        given().header("Authorization", bearer(secretKey)).contentType("text/csv").body("email\nann@example.com\n")
                .when().post("/api/crm/contacts/import")
                .then().statusCode(200).header("X-Stub", "echo").body("path", equalTo("/api/crm/contacts/import"));
    }

    private static WorkspaceToken verify(String authorization) {
        assertNotNull(authorization);
        assertTrue(authorization.startsWith("Bearer "), authorization);
        String publicKey = ConfigProvider.getConfig().getValue("cdp.token.public-key", String.class);
        WorkspaceToken token = WorkspaceTokens.verifier(TokenKeys.publicKey(publicKey)).verify(authorization.substring(7));
        assertNotNull(token, "the forwarded token verifies with the gateway's public key");
        return token;
    }
}
