package org.opencdp.crm.rest;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.opencdp.crm.Api.as;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencdp.crm.Api;
import org.opencdp.crm.OutboxEvent;
import org.opencdp.crm.ProfileStubResource;
import org.opencdp.crm.repository.OutboxRepository;
import org.opencdp.localstores.testing.PostgresTestResource;
import org.opencdp.localstores.testing.TokenTestResource;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TokenTestResource.class)
@QuarkusTestResource(ProfileStubResource.class)
class ImportAndMergeTest {
    @Inject
    OutboxRepository outbox;

    @Test
    void csvImportReportsEachRow() {
        String ws = UUID.randomUUID().toString();
        String existing = Api.contact(ws, "{\"firstName\":\"Old\",\"emails\":[\"old@example.com\"],\"tags\":[\"a\"]}");
        String csv = """
                First Name,last_name,Email,Phone,Company,lifecycleStage,Tags,emailMarketing,Shoe Size
                Ann,Lee,Ann@Example.com,+27821234567,Acme Ltd,customer,vip;newsletter,yes,38
                "Stone, Bob",,bob@example.com,"0821112222",Acme Ltd,lead,,no,
                Ann,Again,ann@example.COM,,,,,,
                Carl,,,27 82 111 2222,,,,,
                Dee,,dee@example.com,12,,,,,
                Eve,,eve@example.com,,,boss,,,
                Old,Updated,OLD@example.com,,,prospect,b,,
                """;
        as(ws).contentType("text/csv").body(csv).post("/api/crm/contacts/import").then().statusCode(200)
                .body("created", equalTo(2)).body("updated", equalTo(1)).body("duplicate", equalTo(2))
                .body("invalid", equalTo(2))
                .body("rows.status", contains("created", "created", "duplicate", "duplicate", "invalid", "invalid",
                        "updated"))
                .body("rows[2].duplicateOf", equalTo(2)).body("rows[2].reason", containsString("e-mail"))
                .body("rows[3].duplicateOf", equalTo(3)).body("rows[3].reason", containsString("phone"))
                .body("rows[4].line", equalTo(6)).body("rows[4].violations[0].field", equalTo("phones[0]"))
                .body("rows[5].violations[0].field", equalTo("lifecycleStage"))
                .body("rows[6].contactId", equalTo(existing));
        as(ws).get("/api/crm/contacts?email=ann@example.com").then().body("items", hasSize(1))
                .body("items[0].tags", contains("vip", "newsletter"))
                .body("items[0].consents.emailMarketing", equalTo(true))
                .body("items[0].customFields.'Shoe Size'", equalTo("38"))
                .body("items[0].lifecycleStage", equalTo("customer"));
        as(ws).get("/api/crm/contacts/" + existing).then().body("lastName", equalTo("Updated"))
                .body("tags", contains("a", "b")).body("lifecycleStage", equalTo("prospect"));
        as(ws).get("/api/crm/companies?name=acme").then().body("", hasSize(1));
        as(ws).contentType("text/csv").body("firstName,email\nZed,old@example.com\n")
                .post("/api/crm/contacts/import?onDuplicate=skip").then().statusCode(200)
                .body("duplicate", equalTo(1)).body("rows[0].contactId", equalTo(existing));
        as(ws).contentType("text/csv").body("").post("/api/crm/contacts/import").then().statusCode(400);
        as(ws).contentType("text/csv").body("a\n\"open").post("/api/crm/contacts/import").then().statusCode(400)
                .body("violations[0].field", equalTo("body"));
    }

    @Test
    void mergeKeepsInteractionsDealsAndIdentifiersAndTellsProfileService() {
        String ws = UUID.randomUUID().toString();
        String a = Api.contact(ws, "{\"firstName\":\"Ann\",\"emails\":[\"ann@work.example\"],\"tags\":[\"vip\"]}");
        String b = Api.contact(ws, "{\"firstName\":\"Annie\",\"lastName\":\"Lee\",\"emails\":[\"ann@home.example\"],"
                + "\"phones\":[\"+27821234567\"],\"birthday\":\"1990-05-01\",\"consents\":{\"smsMarketing\":true}}");
        as(ws).body("{\"type\":\"call\",\"summary\":\"B call\"}").post("/api/crm/contacts/" + b + "/interactions")
                .then().statusCode(201);
        String deal = as(ws).body("{\"title\":\"B deal\",\"amount\":\"10\",\"currency\":\"USD\",\"contactIds\":[\""
                + b + "\"]}").post("/api/crm/deals").then().statusCode(201).extract().path("id");

        as(ws).body("{\"contactId\":\"" + a + "\"}").post("/api/crm/contacts/" + a + "/merge").then().statusCode(400)
                .body("violations[0].field", equalTo("contactId"));
        as(UUID.randomUUID().toString()).body("{\"contactId\":\"" + b + "\"}").post("/api/crm/contacts/" + a + "/merge")
                .then().statusCode(404);
        as(ws).body("{\"contactId\":\"" + b + "\"}").post("/api/crm/contacts/" + a + "/merge").then().statusCode(200)
                .body("id", equalTo(a)).body("firstName", equalTo("Ann")).body("lastName", equalTo("Lee"))
                .body("emails", contains("ann@work.example", "ann@home.example"))
                .body("phones", contains("+27821234567")).body("birthday", equalTo("1990-05-01"))
                .body("consents.smsMarketing", equalTo(true)).body("tags", contains("vip"));
        as(ws).get("/api/crm/contacts/" + b).then().statusCode(404);
        as(ws).get("/api/crm/contacts/" + a + "/interactions").then().body("summary", contains("B call"));
        as(ws).get("/api/crm/deals/" + deal).then().body("contactIds", contains(a));
        as(ws).get("/api/crm/contacts/" + a + "/timeline").then().body("kind", containsInAnyOrder("interaction",
                "deal"));

        await().atMost(Duration.ofSeconds(30)).until(() -> delivered(ws, a) && delivered(ws, b));
        List<OutboxEvent> bEvents = events(ws, b);
        List<OutboxEvent> aEvents = events(ws, a);
        OutboxEvent bDelete = bEvents.get(bEvents.size() - 1);
        OutboxEvent aUpsert = aEvents.get(aEvents.size() - 1);
        assertEquals("delete", bDelete.operation);
        assertEquals("upsert", aUpsert.operation);
        assertEquals(true, !bDelete.createdAt.isAfter(aUpsert.createdAt));
        as(ws).get("/api/crm/contacts?email=ann@home.example").then().body("items.id", contains(a))
                .body("nextCursor", nullValue());
    }

    private List<OutboxEvent> events(String ws, String id) {
        return QuarkusTransaction.requiringNew().call(() -> outbox.forContact(ws, UUID.fromString(id)));
    }

    private boolean delivered(String ws, String id) {
        return events(ws, id).stream().allMatch(e -> e.status.equals("delivered"));
    }
}
