package org.opencdp.dmp.rest;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.UUID;
import org.opencdp.localstores.testing.TestTokens;

/** Calls of the DMP's API as the gateway forwards them, for the resource tests. */
final class DmpTestClient {
    static final String IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 "
            + "Mobile/15E148 Safari/604.1";

    private DmpTestClient() {}

    /** A JSON number (read as a float by REST Assured) within 0.01 of {@code value}. */
    static org.hamcrest.Matcher<Float> near(float value) {
        return org.hamcrest.Matchers.both(org.hamcrest.Matchers.greaterThanOrEqualTo(value - 0.01f))
                .and(org.hamcrest.Matchers.lessThanOrEqualTo(value + 0.01f));
    }

    static String newWorkspace() {
        return UUID.randomUUID().toString();
    }

    static String newVisitor() {
        return "v-" + UUID.randomUUID();
    }

    static Response collect(String ws, String body) {
        return given().header("Authorization", TestTokens.write(ws)).contentType(ContentType.JSON).body(body)
                .post("/dmp/v1/collect");
    }

    /** A consented page view of {@code url}. */
    static String page(String anonymousId, String url) {
        return "{\"anonymousId\":\"" + anonymousId + "\",\"url\":\"" + url + "\",\"userAgent\":\"" + IPHONE
                + "\",\"ip\":\"81.2.69.142\",\"consent\":{\"advertising\":true}}";
    }

    static Response get(String ws, String path) {
        return given().header("Authorization", TestTokens.secret(ws)).get(path);
    }

    static Response send(String ws, String method, String path, String body) {
        var request = given().header("Authorization", TestTokens.secret(ws)).contentType(ContentType.JSON);
        if (body != null) {
            request.body(body);
        }
        return request.request(method, path);
    }
}
