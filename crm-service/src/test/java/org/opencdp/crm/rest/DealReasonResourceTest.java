package org.opencdp.crm.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencdp.localstores.testing.PostgresTestResource;
import org.opencdp.localstores.testing.TestTokens;
import org.opencdp.localstores.testing.TokenTestResource;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TokenTestResource.class)
class DealReasonResourceTest {

    private static RequestSpecification as(String workspace) {
        return given().header("Authorization", TestTokens.secret(workspace));
    }

    @Test
    void newWorkspaceGetsDefaultReasonsForWonAndLost() {
        String ws = UUID.randomUUID().toString();
        as(ws).get("/api/crm/deal-reasons?outcome=lost").then().statusCode(200)
                .body("label", hasItem("Lost to a competitor"))
                .body("outcome", everyItem(equalTo("lost")));
        as(ws).get("/api/crm/deal-reasons").then().statusCode(200)
                .body("outcome", hasItem("won")).body("outcome", hasItem("lost"));
    }

    @Test
    void addedReasonIsListedAndDuplicateIsAConflict() {
        String ws = UUID.randomUUID().toString();
        as(ws).contentType(ContentType.JSON).body("{\"outcome\":\"lost\",\"label\":\"Chose to build in house\"}")
                .post("/api/crm/deal-reasons").then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.containsString("/api/crm/deal-reasons/"))
                .body("label", equalTo("Chose to build in house")).body("active", equalTo(true));
        as(ws).contentType(ContentType.JSON).body("{\"outcome\":\"lost\",\"label\":\"chose to build IN HOUSE \"}")
                .post("/api/crm/deal-reasons").then().statusCode(409).contentType("application/problem+json");
        as(ws).get("/api/crm/deal-reasons?outcome=lost").then().body("label", hasItem("Chose to build in house"));
    }

    @Test
    void retiredReasonLeavesThePickListButStaysForReports() {
        String ws = UUID.randomUUID().toString();
        String id = as(ws).get("/api/crm/deal-reasons?outcome=won").then().extract().path("[0].id");
        as(ws).delete("/api/crm/deal-reasons/" + id).then().statusCode(204);
        as(ws).get("/api/crm/deal-reasons?outcome=won").then().body("id", not(hasItem(id)));
        as(ws).get("/api/crm/deal-reasons?outcome=won&includeRetired=true").then()
                .body("find { it.id == '" + id + "' }.active", equalTo(false));
    }

    @Test
    void invalidInputNamesTheField() {
        String ws = UUID.randomUUID().toString();
        as(ws).contentType(ContentType.JSON).body("{\"outcome\":\"maybe\",\"label\":\"x\"}")
                .post("/api/crm/deal-reasons").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("outcome"));
        as(ws).contentType(ContentType.JSON).body("{\"outcome\":\"won\",\"label\":\"  \"}")
                .post("/api/crm/deal-reasons").then().statusCode(400).body("violations[0].field", equalTo("label"));
        as(ws).get("/api/crm/deal-reasons?outcome=maybe").then().statusCode(400)
                .body("violations[0].field", equalTo("outcome"));
        as(ws).delete("/api/crm/deal-reasons/not-a-uuid").then().statusCode(404);
    }

    @Test
    void anotherWorkspacesReasonIsNotFound() {
        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();
        String id = as(a).contentType(ContentType.JSON).body("{\"outcome\":\"won\",\"label\":\"Only in A\"}")
                .post("/api/crm/deal-reasons").then().statusCode(201).extract().path("id");
        as(b).delete("/api/crm/deal-reasons/" + id).then().statusCode(404).contentType("application/problem+json");
        as(b).get("/api/crm/deal-reasons?outcome=won").then().body("label", not(hasItem("Only in A")));
        as(a).get("/api/crm/deal-reasons?outcome=won").then().body("findAll { it.label == 'Only in A' }", hasSize(1));
    }
}
