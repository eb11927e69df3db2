package org.opencdp.profile.rest;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import org.opencdp.localstores.testing.TestTokens;

/** Calls of the tracking and profile APIs for tests, with a workspace's write or secret token. */
final class Tracking {
    private Tracking() {}

    static Response send(String ws, String call, Object body) {
        return given().header("Authorization", TestTokens.write(ws)).contentType(ContentType.JSON).body(body)
                .post("/v1/" + call);
    }

    static ValidatableResponse accepted(String ws, String call, Object body) {
        return send(ws, call, body).then().statusCode(200);
    }

    static ValidatableResponse batch(String ws, List<Map<String, Object>> messages) {
        return send(ws, "batch", Map.of("batch", messages)).then();
    }

    static ValidatableResponse lookup(String ws, String type, String value) {
        return given().header("Authorization", TestTokens.secret(ws)).queryParam("type", type)
                .queryParam("value", value).get("/api/profiles/lookup").then();
    }

    static String profileIdOf(String ws, String type, String value) {
        return lookup(ws, type, value).statusCode(200).extract().path("id");
    }

    static ValidatableResponse get(String ws, String path) {
        return given().header("Authorization", TestTokens.secret(ws)).get(path).then();
    }
}
