package org.opencdp.crm.rest;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.opencdp.crm.Api.as;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencdp.crm.Api;
import org.opencdp.crm.ProfileStubResource;
import org.opencdp.localstores.testing.PostgresTestResource;
import org.opencdp.localstores.testing.TokenTestResource;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TokenTestResource.class)
@QuarkusTestResource(ProfileStubResource.class)
class TimelineResourceTest {

    @Test
    void timelineMergesInteractionsAndDealEventsInTimeOrder() {
        String ws = UUID.randomUUID().toString();
        String contact = Api.contact(ws, "{\"firstName\":\"Tim\"}");
        as(ws).body("{\"type\":\"call\",\"direction\":\"outbound\",\"occurredAt\":\"2020-01-01T10:00:00Z\","
                + "\"summary\":\"Intro call\",\"durationSeconds\":600,\"outcome\":\"Interested\"}")
                .post("/api/crm/contacts/" + contact + "/interactions").then().statusCode(201)
                .body("type", equalTo("call")).body("durationSeconds", equalTo(600));
        String deal = as(ws).body("{\"title\":\"Pilot\",\"amount\":\"100\",\"currency\":\"USD\",\"contactIds\":[\""
                + contact + "\"]}").post("/api/crm/deals").then().statusCode(201).extract().path("id");
        List<String> stages = as(ws).get("/api/crm/pipelines").then().extract().path("[0].stages.id");
        as(ws).body("{\"stageId\":\"" + stages.get(1) + "\"}").patch("/api/crm/deals/" + deal).then().statusCode(200);
        as(ws).body("{\"type\":\"note\",\"summary\":\"Sent pricing\",\"dealId\":\"" + deal + "\"}")
                .post("/api/crm/contacts/" + contact + "/interactions").then().statusCode(201);
        as(ws).body("{\"outcome\":\"won\",\"reason\":\"Best product fit\"}").post("/api/crm/deals/" + deal + "/close")
                .then().statusCode(200);

        as(ws).get("/api/crm/contacts/" + contact + "/timeline?order=asc").then().statusCode(200)
                .body("kind", contains("interaction", "deal", "deal", "interaction", "deal"))
                .body("type", contains("call", "created", "stage_changed", "note", "won"))
                .body("[0].summary", equalTo("Intro call"))
                .body("[2].summary", equalTo("Qualification -> Needs analysis"))
                .body("[2].dealTitle", equalTo("Pilot"))
                .body("[4].summary", equalTo("Best product fit"));
        as(ws).get("/api/crm/contacts/" + contact + "/timeline").then().body("[0].type", equalTo("won"));
        as(ws).get("/api/crm/contacts/" + contact + "/interactions").then().body("", hasSize(2));
    }

    @Test
    void badInteractionsAndForeignContactsAreRefused() {
        String ws = UUID.randomUUID().toString();
        String contact = Api.contact(ws, "{\"firstName\":\"Tam\"}");
        as(ws).body("{\"type\":\"fax\"}").post("/api/crm/contacts/" + contact + "/interactions").then()
                .statusCode(400).body("violations[0].field", equalTo("type"));
        as(ws).body("{\"type\":\"call\",\"direction\":\"sideways\",\"durationSeconds\":-1}")
                .post("/api/crm/contacts/" + contact + "/interactions").then().statusCode(400)
                .body("violations.field", contains("direction", "durationSeconds"));
        as(ws).body("{\"type\":\"call\",\"dealId\":\"" + UUID.randomUUID() + "\"}")
                .post("/api/crm/contacts/" + contact + "/interactions").then().statusCode(400)
                .body("violations[0].field", equalTo("dealId"));
        String other = UUID.randomUUID().toString();
        as(other).body("{\"type\":\"call\"}").post("/api/crm/contacts/" + contact + "/interactions").then()
                .statusCode(404);
        as(other).get("/api/crm/contacts/" + contact + "/timeline").then().statusCode(404);
        as(ws).get("/api/crm/contacts/" + contact + "/timeline?order=up").then().statusCode(400);
    }
}
