package org.opencdp.crm.rest;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
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

/** Forecast and satisfaction figures, small enough to check by hand. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TokenTestResource.class)
@QuarkusTestResource(ProfileStubResource.class)
class ForecastResourceTest {

    private static String deal(String ws, String title, String amount, String currency, String stage, String close,
                               String owner) {
        return as(ws).body("{\"title\":\"" + title + "\",\"amount\":\"" + amount + "\",\"currency\":\"" + currency
                        + "\",\"stageId\":\"" + stage + "\",\"expectedCloseDate\":\"" + close + "\",\"owner\":\""
                        + owner + "\"}").post("/api/crm/deals").then().statusCode(201).extract().path("id");
    }

    private static void close(String ws, String id, String outcome, String reason) {
        as(ws).body("{\"outcome\":\"" + outcome + "\",\"reason\":\"" + reason + "\"}")
                .post("/api/crm/deals/" + id + "/close").then().statusCode(200);
    }

    @Test
    void forecastGroupsWeightsAndReportsWinsLossesAndReasons() {
        String ws = UUID.randomUUID().toString();
        List<String> s = as(ws).get("/api/crm/pipelines").then().extract().path("[0].stages.id");
        // stages: Qualification 10%, Needs analysis 25%, Proposal 50%, Negotiation 75%, Commitment 90%
        deal(ws, "D1", "1000", "ZAR", s.get(2), "2027-01-15", "sam");
        deal(ws, "D2", "2000", "ZAR", s.get(3), "2027-01-20", "kim");
        deal(ws, "D3", "3000", "ZAR", s.get(0), "2027-02-10", "sam");
        deal(ws, "D4", "500.50", "USD", s.get(0), "2027-02-01", "sam");
        close(ws, deal(ws, "D5", "4000", "ZAR", s.get(4), "2027-03-01", "kim"), "won", "Price");
        close(ws, deal(ws, "D6", "1500", "ZAR", s.get(1), "2027-03-01", "sam"), "lost", "Lost to a competitor");
        close(ws, deal(ws, "D7", "700", "ZAR", s.get(1), "2027-03-01", "sam"), "lost", "Price too high");

        as(ws).get("/api/crm/forecast?from=2027-01-01&to=2027-12-31&groupBy=month").then().statusCode(200)
                .body("groups", hasSize(3))
                .body("groups.key", contains("2027-01", "2027-02", "2027-02"))
                .body("groups.currency", contains("ZAR", "USD", "ZAR"))
                .body("groups.openCount", contains(2, 1, 1))
                .body("groups.openAmount", contains("3000.00", "500.50", "3000.00"))
                .body("groups.weightedAmount", contains("2000.00", "50.05", "300.00"))
                .body("groups.wonCount", contains(0, 0, 0))
                .body("groups[0].winRate", nullValue());

        as(ws).get("/api/crm/forecast?groupBy=owner").then().statusCode(200)
                .body("totals.find { it.currency == 'ZAR' }.openCount", equalTo(3))
                .body("totals.find { it.currency == 'ZAR' }.openAmount", equalTo("6000.00"))
                .body("totals.find { it.currency == 'ZAR' }.weightedAmount", equalTo("2300.00"))
                .body("totals.find { it.currency == 'ZAR' }.wonAmount", equalTo("4000.00"))
                .body("totals.find { it.currency == 'ZAR' }.lostCount", equalTo(2))
                .body("totals.find { it.currency == 'ZAR' }.lostAmount", equalTo("2200.00"))
                .body("totals.find { it.currency == 'ZAR' }.winRate", equalTo(0.3333f))
                .body("groups.find { it.key == 'kim' }.wonCount", equalTo(1))
                .body("groups.find { it.key == 'kim' }.weightedAmount", equalTo("1500.00"))
                .body("reasons.findAll { it.outcome == 'lost' }.reason",
                        contains("Lost to a competitor", "Price too high"))
                .body("reasons.find { it.outcome == 'lost' }.share", equalTo(0.5f))
                .body("reasons.find { it.outcome == 'won' }.reason", equalTo("Price"))
                .body("reasons.find { it.outcome == 'won' }.amount", equalTo("4000.00"));

        as(ws).get("/api/crm/forecast?groupBy=stage").then().statusCode(200)
                .body("groups.find { it.key == '" + s.get(0) + "' && it.currency == 'ZAR' }.label",
                        equalTo("Sales / Qualification"))
                .body("groups.find { it.key == '" + s.get(0) + "' && it.currency == 'ZAR' }.weightedAmount",
                        equalTo("300.00"));
        as(ws).get("/api/crm/forecast?groupBy=pipeline").then().statusCode(200)
                .body("groups.find { it.currency == 'ZAR' }.label", equalTo("Sales"))
                .body("groups.find { it.currency == 'ZAR' }.openCount", equalTo(3));
        as(UUID.randomUUID().toString()).get("/api/crm/forecast").then().statusCode(200)
                .body("groups", hasSize(0)).body("reasons", hasSize(0));
    }

    @Test
    void badForecastParametersAreNamed() {
        String ws = UUID.randomUUID().toString();
        as(ws).get("/api/crm/forecast?groupBy=planet").then().statusCode(400)
                .body("violations[0].field", equalTo("groupBy"));
        as(ws).get("/api/crm/forecast?from=2027-13-01").then().statusCode(400)
                .body("violations[0].field", equalTo("from"));
        as(ws).get("/api/crm/forecast?from=2027-02-01&to=2027-01-01").then().statusCode(400)
                .body("violations[0].field", equalTo("to"));
    }

    @Test
    void satisfactionReportAveragesCsatAndScoresNps() {
        String ws = UUID.randomUUID().toString();
        String c = Api.contact(ws, "{\"firstName\":\"Sat\"}");
        String[][] answers = {{"csat", "4", "2026-10-02"}, {"csat", "5", "2026-10-03"}, {"nps", "10", "2026-10-04"},
                {"nps", "9", "2026-10-05"}, {"nps", "7", "2026-10-06"}, {"nps", "3", "2026-10-07"},
                {"nps", "0", "2026-10-08"}, {"nps", "10", "2026-11-01"}};
        for (String[] a : answers) {
            as(ws).body("{\"kind\":\"" + a[0] + "\",\"score\":" + a[1] + ",\"respondedAt\":\"" + a[2]
                    + "T10:00:00Z\"}").post("/api/crm/contacts/" + c + "/satisfaction").then().statusCode(201);
        }
        as(ws).get("/api/crm/satisfaction/report?period=month").then().statusCode(200)
                .body("periods.period", contains("2026-10", "2026-11"))
                .body("periods[0].csatAverage", equalTo(4.5f))
                .body("periods[0].promoters", equalTo(2)).body("periods[0].passives", equalTo(1))
                .body("periods[0].detractors", equalTo(2)).body("periods[0].nps", equalTo(0.0f))
                .body("periods[1].nps", equalTo(100.0f)).body("periods[1].csatAverage", nullValue())
                .body("total.npsCount", equalTo(6)).body("total.nps", equalTo(16.7f));
        as(ws).get("/api/crm/satisfaction/report?from=2026-11-01").then().body("periods", hasSize(1));
        as(ws).body("{\"kind\":\"csat\",\"score\":6}").post("/api/crm/contacts/" + c + "/satisfaction").then()
                .statusCode(400).body("violations[0].field", equalTo("score"));
        as(ws).body("{\"kind\":\"ces\",\"score\":1}").post("/api/crm/contacts/" + c + "/satisfaction").then()
                .statusCode(400).body("violations[0].field", equalTo("kind"));
        as(UUID.randomUUID().toString()).body("{\"kind\":\"nps\",\"score\":1}")
                .post("/api/crm/contacts/" + c + "/satisfaction").then().statusCode(404);
        as(ws).get("/api/crm/contacts/" + c + "/timeline").then().body("[0].kind", equalTo("satisfaction"))
                .body("[0].score", equalTo(10));
    }
}
