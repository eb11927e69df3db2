package org.opencdp.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A sales team's day through the gateway: contacts, a call, deals moved, won and lost with reasons, a contract,
 * the forecast checked by hand, a stale write and another workspace's view. Stays under the shared platform's
 * per-key burst (40 requests).
 */
class CrmIT {
    private static SharedPlatform.Tenant sales;
    private static SharedPlatform.Tenant other;

    @BeforeAll
    static void start() {
        sales = SharedPlatform.newTenant("crm-sales");
        other = SharedPlatform.newTenant("crm-other");
    }

    private static RequestSpecification as(SharedPlatform.Tenant t) {
        return given().auth().oauth2(t.secretKey()).contentType(ContentType.JSON);
    }

    private static String deal(String title, String amount, String stage) {
        return as(sales).body("{\"title\":\"" + title + "\",\"amount\":\"" + amount + "\",\"currency\":\"ZAR\","
                        + "\"stageId\":\"" + stage + "\",\"expectedCloseDate\":\"2030-01-15\",\"owner\":\"sam\"}")
                .post("/api/crm/deals").then().statusCode(201).extract().path("id");
    }

    @Test
    void salesScenario() {
        String company = as(sales).body("{\"name\":\"Acme Ltd\"}").post("/api/crm/companies").then().statusCode(201)
                .extract().path("id");
        String ann = as(sales).body("{\"firstName\":\"Ann\",\"lastName\":\"Lee\",\"emails\":[\"Ann@Acme.example\"],"
                        + "\"phones\":[\"082 123 4567\"],\"companyId\":\"" + company + "\",\"lifecycleStage\":\"prospect\"}")
                .post("/api/crm/contacts").then().statusCode(201).header("ETag", equalTo("\"0\""))
                .body("primaryEmail", equalTo("ann@acme.example")).body("primaryPhone", equalTo("+27821234567"))
                .extract().path("id");
        as(sales).body("{\"firstName\":\"Bob\",\"phones\":[\"12\"]}").post("/api/crm/contacts").then()
                .statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("phones[0]"));
        as(sales).body("{\"type\":\"call\",\"direction\":\"outbound\",\"summary\":\"Discovery call\","
                + "\"durationSeconds\":900}").post("/api/crm/contacts/" + ann + "/interactions").then().statusCode(201);

        List<String> stages = as(sales).get("/api/crm/pipelines").then().statusCode(200)
                .body("[0].name", equalTo("Sales")).extract().path("[0].stages.id");
        String open = deal("Acme platform", "1000", stages.get(2));                // Proposal, 50%
        String won = deal("Acme support", "2000", stages.get(3));                  // Negotiation, 75%
        String lost = deal("Acme training", "500.50", stages.get(0));              // Qualification, 10%
        as(sales).body("{\"contactIds\":[\"" + ann + "\"],\"stageId\":\"" + stages.get(4) + "\"}")
                .patch("/api/crm/deals/" + won).then().statusCode(200).body("stageName", equalTo("Commitment"));
        as(sales).body("{\"outcome\":\"won\",\"reason\":\"Best product fit\",\"note\":\"Loved the demo\"}")
                .post("/api/crm/deals/" + won + "/close").then().statusCode(200).body("status", equalTo("won"));
        as(sales).body("{\"outcome\":\"lost\"}").post("/api/crm/deals/" + lost + "/close").then().statusCode(422)
                .contentType("application/problem+json").body("detail", containsString("Lost to a competitor"));
        as(sales).body("{\"outcome\":\"lost\",\"reason\":\"Lost to a competitor\",\"note\":\"BigCo\"}")
                .post("/api/crm/deals/" + lost + "/close").then().statusCode(200)
                .body("closeReason", equalTo("Lost to a competitor"));
        as(sales).body("{\"contractStatus\":\"signed\",\"contractStart\":\"2030-02-01\",\"contractEnd\":\"2031-01-31\"}")
                .patch("/api/crm/deals/" + won).then().statusCode(200).body("contractStatus", equalTo("signed"));

        // open: 1000.00 at 50% in January 2030; closed: won 2000.00, lost 500.50 -> win rate 0.5
        as(sales).get("/api/crm/forecast?from=2030-01-01&to=2030-12-31&groupBy=month").then().statusCode(200)
                .body("groups[0].key", equalTo("2030-01")).body("groups[0].openCount", equalTo(1))
                .body("groups[0].openAmount", equalTo("1000.00")).body("groups[0].weightedAmount", equalTo("500.00"));
        as(sales).get("/api/crm/forecast?groupBy=owner").then().statusCode(200)
                .body("totals[0].wonAmount", equalTo("2000.00")).body("totals[0].lostAmount", equalTo("500.50"))
                .body("totals[0].winRate", equalTo(0.5f))
                .body("reasons.reason", hasItems("Best product fit", "Lost to a competitor"));
        as(sales).get("/api/crm/contacts/" + ann + "/timeline?order=asc").then().statusCode(200)
                .body("type", hasItems("call", "created", "stage_changed", "won", "contract"));
        as(sales).get("/api/crm/deals/" + open).then().statusCode(200).body("status", equalTo("open"));

        // a stale write changes nothing
        as(sales).header("If-Match", "\"0\"").body("{\"owner\":\"kim\"}").patch("/api/crm/contacts/" + ann).then()
                .statusCode(200).header("ETag", equalTo("\"1\""));
        as(sales).header("If-Match", "\"0\"").body("{\"owner\":\"lee\"}").patch("/api/crm/contacts/" + ann).then()
                .statusCode(412).contentType("application/problem+json");
        as(sales).get("/api/crm/contacts?companyId=" + company).then().statusCode(200)
                .body("items.owner", hasItem("kim"));

        // another workspace sees none of it
        as(other).get("/api/crm/contacts/" + ann).then().statusCode(404).contentType("application/problem+json");
        as(other).get("/api/crm/deals/" + won).then().statusCode(404);
        as(other).get("/api/crm/forecast").then().statusCode(200).body("totals.size()", equalTo(0));
    }
}
