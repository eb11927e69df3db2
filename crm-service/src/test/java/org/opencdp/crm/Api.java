package org.opencdp.crm;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Calls as a secret key of a workspace, the way the gateway forwards them. */
public final class Api {
    private Api() {}

    public static RequestSpecification as(String workspace) {
        return given().header("Authorization", org.opencdp.localstores.testing.TestTokens.secret(workspace))
                .contentType(ContentType.JSON);
    }

    /** Creates a contact and returns its id. */
    public static String contact(String ws, String json) {
        return as(ws).body(json).post("/api/crm/contacts").then().statusCode(201).extract().path("id");
    }
}
