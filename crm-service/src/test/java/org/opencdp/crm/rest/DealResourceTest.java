package org.opencdp.crm.rest;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
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
class DealResourceTest {

    @Test
    void newWorkspaceHasTheDefaultPipelineOnce() {
        String ws = UUID.randomUUID().toString();
        as(ws).get("/api/crm/pipelines").then().statusCode(200).body("", hasSize(1))
                .body("[0].name", equalTo("Sales")).body("[0].isDefault", equalTo(true))
                .body("[0].stages.name", contains("Qualification", "Needs analysis", "Proposal", "Negotiation",
                        "Commitment"))
                .body("[0].stages.probability", contains(10, 25, 50, 75, 90));
        as(ws).get("/api/crm/pipelines").then().body("", hasSize(1));
    }

    @Test
    void dealMovesThroughStagesAndIsClosedWithAReasonFromTheList() {
        String ws = UUID.randomUUID().toString();
        String contact = Api.contact(ws, "{\"firstName\":\"Ann\"}");
        String id = as(ws).body("{\"title\":\"Acme renewal\",\"amount\":12500.1,\"currency\":\"ZAR\","
                        + "\"expectedCloseDate\":\"2027-02-28\",\"owner\":\"sam\",\"contactIds\":[\"" + contact + "\"]}")
                .post("/api/crm/deals").then().statusCode(201)
                .body("amount", equalTo("12500.10")).body("currency", equalTo("ZAR"))
                .body("stageName", equalTo("Qualification")).body("probability", equalTo(10))
                .body("status", equalTo("open")).body("contractStatus", equalTo("none"))
                .extract().path("id");
        List<String> stages = as(ws).get("/api/crm/pipelines").then().extract().path("[0].stages.id");
        as(ws).body("{\"stageId\":\"" + stages.get(2) + "\"}").patch("/api/crm/deals/" + id).then().statusCode(200)
                .body("stageName", equalTo("Proposal")).body("probability", equalTo(50));
        as(ws).get("/api/crm/deals/" + id + "/history").then().statusCode(200)
                .body("type", contains("created", "stage_changed"))
                .body("[1].fromStageId", equalTo(stages.get(0))).body("[1].toStageId", equalTo(stages.get(2)))
                .body("[1].detail", equalTo("Qualification -> Proposal"));

        as(ws).body("{\"outcome\":\"lost\"}").post("/api/crm/deals/" + id + "/close").then().statusCode(422)
                .contentType("application/problem+json")
                .body("detail", containsString("Lost to a competitor"))
                .body("violations[0].field", equalTo("reason"));
        as(ws).body("{\"outcome\":\"lost\",\"reason\":\"Aliens\"}").post("/api/crm/deals/" + id + "/close").then()
                .statusCode(422).body("detail", containsString("Price too high"));
        as(ws).body("{\"outcome\":\"won\",\"reason\":\"Price too high\"}").post("/api/crm/deals/" + id + "/close")
                .then().statusCode(422);
        as(ws).body("{\"reason\":\"Price\"}").post("/api/crm/deals/" + id + "/close").then().statusCode(400)
                .body("violations[0].field", equalTo("outcome"));
        as(ws).body("{\"outcome\":\"lost\",\"reason\":\"lost to a COMPETITOR\",\"note\":\"BigCo was cheaper\"}")
                .post("/api/crm/deals/" + id + "/close").then().statusCode(200)
                .body("status", equalTo("lost")).body("closeReason", equalTo("Lost to a competitor"))
                .body("closeNote", equalTo("BigCo was cheaper"));
        as(ws).body("{\"outcome\":\"won\",\"reason\":\"Price\"}").post("/api/crm/deals/" + id + "/close").then()
                .statusCode(409);
        as(ws).body("{\"stageId\":\"" + stages.get(3) + "\"}").patch("/api/crm/deals/" + id).then().statusCode(409);
        as(ws).post("/api/crm/deals/" + id + "/reopen").then().statusCode(200).body("status", equalTo("open"))
                .body("closeReason", nullValue());
        as(ws).get("/api/crm/deals/" + id + "/history").then()
                .body("type", contains("created", "stage_changed", "lost", "reopened"));
        as(ws).get("/api/crm/deals?contactId=" + contact).then().body("id", contains(id));
    }

    @Test
    void contractStatusAndDatesAreKeptAndChecked() {
        String ws = UUID.randomUUID().toString();
        String id = as(ws).body("{\"title\":\"Support\",\"amount\":\"1000\",\"currency\":\"EUR\"}")
                .post("/api/crm/deals").then().statusCode(201).extract().path("id");
        as(ws).body("{\"contractStatus\":\"signed\",\"contractStart\":\"2027-01-01\",\"contractEnd\":\"2026-01-01\"}")
                .patch("/api/crm/deals/" + id).then().statusCode(400)
                .body("violations[0].field", equalTo("contractEnd"));
        as(ws).body("{\"contractStatus\":\"shredded\"}").patch("/api/crm/deals/" + id).then().statusCode(400)
                .body("violations[0].field", equalTo("contractStatus"));
        as(ws).body("{\"contractStatus\":\"signed\",\"contractStart\":\"2027-01-01\",\"contractEnd\":\"2027-12-31\"}")
                .patch("/api/crm/deals/" + id).then().statusCode(200)
                .body("contractStatus", equalTo("signed")).body("contractEnd", equalTo("2027-12-31"))
                .body("amount", equalTo("1000.00"));
        as(ws).get("/api/crm/deals/" + id + "/history").then().body("type", hasItem("contract"))
                .body("find { it.type == 'contract' }.detail", containsString("none -> signed"));
    }

    @Test
    void badDealInputIsNamedAndStaleWritesAre412() {
        String ws = UUID.randomUUID().toString();
        as(ws).body("{\"title\":\"X\",\"amount\":\"1.23456\",\"currency\":\"usd\"}").post("/api/crm/deals").then()
                .statusCode(400).body("violations.field", hasItem("amount")).body("violations.field", hasItem("currency"));
        as(ws).body("{\"title\":\"X\",\"amount\":\"10\",\"currency\":\"XYZ\"}").post("/api/crm/deals").then()
                .statusCode(400).body("violations[0].field", equalTo("currency"));
        as(ws).body("{\"title\":\"X\",\"amount\":\"10\",\"currency\":\"USD\",\"stageId\":\"" + UUID.randomUUID()
                + "\"}").post("/api/crm/deals").then().statusCode(400).body("violations[0].field", equalTo("stageId"));
        as(ws).body("{\"title\":\"X\",\"amount\":\"10\",\"currency\":\"USD\",\"contactIds\":[\"" + UUID.randomUUID()
                + "\"]}").post("/api/crm/deals").then().statusCode(400)
                .body("violations[0].field", equalTo("contactIds[0]"));
        String id = as(ws).body("{\"title\":\"X\",\"amount\":\"10\",\"currency\":\"USD\"}").post("/api/crm/deals")
                .then().statusCode(201).extract().path("id");
        as(ws).header("If-Match", "\"0\"").body("{\"amount\":\"11\"}").patch("/api/crm/deals/" + id).then()
                .statusCode(200).header("ETag", equalTo("\"1\""));
        as(ws).header("If-Match", "\"0\"").body("{\"amount\":\"12\"}").patch("/api/crm/deals/" + id).then()
                .statusCode(412);
        as(ws).get("/api/crm/deals/" + id).then().body("amount", equalTo("11.00"));
        String other = UUID.randomUUID().toString();
        as(other).get("/api/crm/deals/" + id).then().statusCode(404);
        as(other).body("{\"outcome\":\"won\",\"reason\":\"Price\"}").post("/api/crm/deals/" + id + "/close").then()
                .statusCode(404);
        as(other).get("/api/crm/deals").then().body("", hasSize(0));
    }

    @Test
    void customPipelinesKeepStagesWithDeals() {
        String ws = UUID.randomUUID().toString();
        String pipeline = as(ws).body("{\"name\":\"Enterprise\",\"stages\":[{\"name\":\"Discovery\",\"probability\":10},"
                + "{\"name\":\"Verbal yes\",\"probability\":90}]}").post("/api/crm/pipelines").then().statusCode(201)
                .body("stages.name", contains("Discovery", "Verbal yes")).extract().path("id");
        List<String> stages = as(ws).get("/api/crm/pipelines/" + pipeline).then().extract().path("stages.id");
        as(ws).body("{\"title\":\"Big\",\"amount\":\"5\",\"currency\":\"USD\",\"pipelineId\":\"" + pipeline + "\"}")
                .post("/api/crm/deals").then().statusCode(201).body("stageName", equalTo("Discovery"));
        as(ws).body("{\"name\":\"Enterprise\",\"stages\":[{\"id\":\"" + stages.get(1) + "\",\"name\":\"Verbal\","
                + "\"probability\":95}]}").put("/api/crm/pipelines/" + pipeline).then().statusCode(409);
        as(ws).body("{\"name\":\"Enterprise 2\",\"stages\":[{\"name\":\"Pitch\",\"probability\":5},{\"id\":\""
                + stages.get(0) + "\",\"name\":\"Discovery\",\"probability\":20}]}")
                .put("/api/crm/pipelines/" + pipeline).then().statusCode(200)
                .body("stages.name", contains("Pitch", "Discovery")).body("stages[1].id", equalTo(stages.get(0)));
        as(ws).body("{\"name\":\"enterprise 2\",\"stages\":[{\"name\":\"A\",\"probability\":5}]}")
                .post("/api/crm/pipelines").then().statusCode(409);
        as(ws).body("{\"name\":\"Bad\",\"stages\":[{\"name\":\"A\",\"probability\":500}]}")
                .post("/api/crm/pipelines").then().statusCode(400)
                .body("violations[0].field", equalTo("stages[0].probability"));
        as(UUID.randomUUID().toString()).get("/api/crm/pipelines/" + pipeline).then().statusCode(404);
    }
}
