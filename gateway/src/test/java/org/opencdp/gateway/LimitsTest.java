package org.opencdp.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opencdp.gateway.Fixtures.basic;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencdp.common.problem.Problem;
import org.opencdp.gateway.repository.ApiKeyRepository;
import org.opencdp.gateway.service.KeySecrets;
import org.opencdp.localstores.testing.PostgresTestResource;
import org.opencdp.localstores.testing.TokenTestResource;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TokenTestResource.class)
@QuarkusTestResource(StubServicesResource.class)
class LimitsTest {
    /** application.properties gives this key id a bucket of 2 tokens refilled at 1 per second. */
    static final UUID SMALL_BUCKET_KEY = UUID.fromString("0f0e0d0c-0000-4000-8000-000000000429");
    static String writeKey;

    @Inject
    ApiKeyRepository keys;

    @TestHTTPResource("/")
    URI root;

    @BeforeEach
    void key() {
        if (writeKey != null) {
            return;
        }
        writeKey = Fixtures.key(Fixtures.workspace("limits"), "write")[1];
    }

    @Test
    void oversizedTrackingCallsAre413() {
        given().header("Authorization", basic(writeKey)).contentType(ContentType.JSON).body(json(33 * 1024))
                .when().post("/v1/track")
                .then().statusCode(413).contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo(Problem.TYPE_BASE + "payload-too-large"))
                .body("detail", containsString("32768"));
        given().header("Authorization", basic(writeKey)).contentType(ContentType.JSON).body(json(31 * 1024))
                .when().post("/v1/track")
                .then().statusCode(200);
    }

    @Test
    void oversizedBatchesAre413() {
        given().header("Authorization", basic(writeKey)).contentType(ContentType.JSON).body(json(501 * 1024))
                .when().post("/v1/batch")
                .then().statusCode(413).contentType(Problem.MEDIA_TYPE);
        given().header("Authorization", basic(writeKey)).contentType(ContentType.JSON).body(json(400 * 1024))
                .when().post("/v1/batch")
                .then().statusCode(200);
    }

    @Test
    void chunkedBodiesAreCountedWhileStreaming() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<String> tooLarge = client.send(unsized("/v1/track", json(40 * 1024)),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(413, tooLarge.statusCode());
        assertEquals(Problem.MEDIA_TYPE, tooLarge.headers().firstValue("Content-Type").orElse(""));

        byte[] fine = json(20 * 1024);
        HttpResponse<String> streamed = client.send(unsized("/v1/track", fine), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, streamed.statusCode());
        JsonObject echo = new JsonObject(streamed.body());
        assertArrayEquals(fine, Base64.getDecoder().decode(echo.getString("body")));
        assertEquals("chunked", echo.getJsonObject("headers").getString("transfer-encoding"));
    }

    @Test
    void http2BodiesWithoutLengthAreStreamedAndCounted() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        client.send(HttpRequest.newBuilder(root.resolve("/q/health/live")).build(), HttpResponse.BodyHandlers.ofString());
        byte[] fine = json(20 * 1024);
        HttpResponse<String> streamed = client.send(unsized("/v1/track", fine), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, streamed.statusCode(), streamed.body());
        assertEquals(HttpClient.Version.HTTP_2, streamed.version());
        assertArrayEquals(fine, Base64.getDecoder().decode(new JsonObject(streamed.body()).getString("body")));
        assertEquals(413, client.send(unsized("/v1/track", json(40 * 1024)), HttpResponse.BodyHandlers.ofString())
                .statusCode());
    }

    @Test
    void aKeyOverItsRateIs429WithRetryAfter() {
        String key = KeySecrets.generate(KeyType.WRITE);
        String workspace = Fixtures.workspace("rate limited");
        QuarkusTransaction.requiringNew().run(() -> {
            keys.deleteById(SMALL_BUCKET_KEY);
            keys.persist(new ApiKey(SMALL_BUCKET_KEY, UUID.fromString(workspace), KeyType.WRITE, "small bucket",
                    KeySecrets.hash(key), KeySecrets.last4(key), Instant.now()));
        });
        int limited = 0;
        for (int i = 0; i < 10 && limited == 0; i++) {
            var response = given().header("Authorization", basic(key)).contentType(ContentType.JSON).body("{}")
                    .when().post("/v1/track").then().extract();
            if (response.statusCode() == 429) {
                limited++;
                assertEquals(Problem.MEDIA_TYPE, response.contentType());
                assertTrue(Integer.parseInt(response.header("Retry-After")) >= 1);
                assertEquals(429, response.<Integer>path("status"));
            } else {
                assertEquals(200, response.statusCode());
            }
        }
        assertEquals(1, limited, "a bucket of 2 tokens refilled at 1/s runs dry within 10 quick calls");
        // other keys keep their own bucket
        given().header("Authorization", basic(writeKey)).contentType(ContentType.JSON).body("{}")
                .when().post("/v1/track").then().statusCode(200);
    }

    private HttpRequest unsized(String path, byte[] body) {
        return HttpRequest.newBuilder(root.resolve(path))
                .header("Authorization", basic(writeKey))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();
    }

    private static byte[] json(int size) {
        char[] filler = new char[size - 12];
        Arrays.fill(filler, 'x');
        return ("{\"pad\":\"" + new String(filler) + "\"}  ").getBytes();
    }
}
