package org.opencdp.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * First-party source records and second-party imports through the gateway: both link to the person the tracking API
 * knows, on a shared e-mail, and a repeated import changes nothing.
 */
class SourcesIT {

    @Test
    void crmRecordsAndPartnerImportsLinkToTheTrackedPerson() {
        SharedPlatform.Tenant t = SharedPlatform.newTenant("sources");
        given().auth().preemptive().basic(t.writeKey(), "").contentType(ContentType.JSON)
                .body("{\"userId\":\"u-42\",\"traits\":{\"email\":\"Ann@Example.com\"}}").post("/v1/identify")
                .then().statusCode(200).body("success", equalTo(true));
        String tracked = given().auth().oauth2(t.secretKey()).queryParam("type", "userId").queryParam("value", "u-42")
                .get("/api/profiles/lookup").then().statusCode(200).extract().path("id");

        given().auth().oauth2(t.secretKey()).header("Idempotency-Key", "evt-1").contentType(ContentType.JSON)
                .body("{\"sequence\":1,\"identifiers\":[{\"type\":\"crmContactId\",\"value\":\"c-42\"},"
                        + "{\"type\":\"email\",\"value\":\"ann@example.com\"}],\"traits\":{\"lifecycleStage\":\"customer\"}}")
                .put("/api/profiles/sources/crm/records/c-42")
                .then().statusCode(200).body("profileId", equalTo(tracked)).body("applied", equalTo(true));

        byte[] csv = "email,loyaltyTier\nann@example.com,gold\nzed@example.com,silver\n".getBytes(StandardCharsets.UTF_8);
        given().auth().oauth2(t.secretKey()).queryParam("source", "partner-acme").contentType("text/csv").body(csv)
                .post("/api/profiles/imports").then().statusCode(200)
                .body("linked", equalTo(1)).body("created", equalTo(1))
                .body("results[0].profileId", equalTo(tracked));
        given().auth().oauth2(t.secretKey()).queryParam("source", "partner-acme").contentType("text/csv").body(csv)
                .post("/api/profiles/imports").then().statusCode(200).body("unchanged", equalTo(2));

        given().auth().oauth2(t.secretKey()).get("/api/profiles/" + tracked).then().statusCode(200)
                .body("traits.lifecycleStage", equalTo("customer"))
                .body("traits.loyaltyTier", equalTo("gold"))
                .body("traitLineage.loyaltyTier.source", equalTo("import:partner-acme"))
                .body("identities.findAll { it.type == 'crmContactId' }.value", hasItem("c-42"));
        // a write key only sends data
        given().auth().preemptive().basic(t.writeKey(), "").queryParam("source", "x").contentType("text/csv").body(csv)
                .post("/api/profiles/imports").then().statusCode(403);
    }
}
