package org.opencdp.profile;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.model.Filters;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.opencdp.common.auth.ServiceTokens;
import org.opencdp.localstores.testing.MongoTestResource;
import org.opencdp.localstores.testing.TestTokens;
import org.opencdp.localstores.testing.TokenTestResource;
import org.opencdp.profile.repository.ProfileStore;
import org.opencdp.profile.repository.SourceRecordRepository;

@QuarkusTest
@QuarkusTestResource(MongoTestResource.class)
@QuarkusTestResource(TokenTestResource.class)
class SourceRecordResourceTest {
    @Inject
    ProfileStore store;
    @Inject
    SourceRecordRepository records;
    @Inject
    ServiceTokens serviceTokens;

    private static String contact(long sequence, String contactId, String email, String company) {
        return "{\"sequence\":" + sequence + ",\"occurredAt\":\"2026-11-29T05:00:00Z\",\"identifiers\":["
                + "{\"type\":\"crmContactId\",\"value\":\"" + contactId + "\"},{\"type\":\"email\",\"value\":\""
                + email + "\"},{\"type\":\"phone\",\"value\":\"+27821234567\"}],\"traits\":{\"firstName\":\"Ann\","
                + "\"lastName\":\"Lee\"" + (company == null ? "" : ",\"company\":\"" + company + "\"")
                + ",\"tags\":[\"vip\"],\"address\":{\"city\":\"Cape Town\",\"country\":\"ZA\"}},"
                + "\"consents\":{\"emailMarketing\":true,\"smsMarketing\":false}}";
    }

    private Response put(String ws, String recordId, String key, String body) {
        return given().header("Authorization", serviceTokens.bearer("crm-service", ws))
                .header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .put("/api/profiles/sources/crm/records/" + recordId);
    }

    private Document profile(String id) {
        Document p = store.profiles().find(Filters.eq("_id", id)).first();
        // follow merges to the surviving profile
        for (int i = 0; p != null && p.getString("mergedInto") != null && i < 10; i++) {
            p = store.profiles().find(Filters.eq("_id", p.getString("mergedInto"))).first();
        }
        return p;
    }

    private static List<String> identities(Document profile, String type) {
        return profile.getList("identities", Document.class).stream().filter(i -> type.equals(i.getString("type")))
                .map(i -> i.getString("value")).toList();
    }

    @Test
    void aContactBecomesAProfileAndRepeatsChangeNothing() {
        String ws = UUID.randomUUID().toString();
        String id = put(ws, "c-1", "evt-1", contact(7, "c-1", " Ann@Example.com ", "Acme Ltd")).then()
                .statusCode(200).body("applied", equalTo(true)).body("profileId", notNullValue())
                .extract().path("profileId");
        Document p = profile(id);
        assertEquals(List.of("c-1"), identities(p, "crmContactId"));
        assertEquals(List.of("ann@example.com"), identities(p, "email"));
        assertEquals(List.of("+27821234567"), identities(p, "phone"));
        Document traits = p.get("traits", Document.class);
        assertEquals("Acme Ltd", traits.getString("company"));
        assertEquals("Cape Town", traits.get("address", Document.class).getString("city"));
        assertEquals(true, p.get("consents", Document.class).get("emailMarketing", Document.class).get("granted"));
        long version = ((Number) p.get("version")).longValue();

        // the outbox retries the same event: same answer, applied=false, nothing written
        put(ws, "c-1", "evt-1", contact(7, "c-1", "ann@example.com", "Acme Ltd")).then().statusCode(200)
                .body("applied", equalTo(false)).body("profileId", equalTo(id));
        // an older version delivered late is ignored too
        put(ws, "c-1", "evt-0", contact(6, "c-1", "old@example.com", "Old Co")).then().statusCode(200)
                .body("applied", equalTo(false));
        Document after = profile(id);
        assertEquals(version, ((Number) after.get("version")).longValue());
        assertEquals("Acme Ltd", after.get("traits", Document.class).getString("company"));
        assertFalse(identities(after, "email").contains("old@example.com"));
    }

    @Test
    void aNewerVersionReplacesWhatTheRecordSaidBefore() {
        String ws = UUID.randomUUID().toString();
        String id = put(ws, "c-2", "e1", contact(1, "c-2", "ann@example.com", "Acme Ltd")).then().statusCode(200)
                .extract().path("profileId");
        put(ws, "c-2", "e2", contact(2, "c-2", "ann.lee@example.com", null)).then().statusCode(200)
                .body("applied", equalTo(true)).body("profileId", equalTo(id));
        Document p = profile(id);
        assertEquals(List.of("ann.lee@example.com"), identities(p, "email"), "the e-mail the record dropped is gone");
        assertFalse(p.get("traits", Document.class).containsKey("company"), "the trait the record dropped is gone");
    }

    @Test
    void sharedIdentifiersLinkRecordsOfDifferentSourcesToOneProfile() {
        String ws = UUID.randomUUID().toString();
        String crm = put(ws, "c-3", "e1", contact(1, "c-3", "ann@example.com", null)).then().statusCode(200)
                .extract().path("profileId");
        String erp = given().header("Authorization", TestTokens.secret(ws)).contentType(ContentType.JSON)
                .body("{\"sequence\":1,\"identifiers\":[{\"type\":\"email\",\"value\":\"ANN@example.com\"}],"
                        + "\"traits\":{\"customerNumber\":\"K-77\"}}")
                .put("/api/profiles/sources/erp/records/k-77").then().statusCode(200)
                .body("applied", equalTo(true)).extract().path("profileId");
        assertEquals(crm, erp);
        Document p = profile(crm);
        assertEquals("K-77", p.get("traits", Document.class).getString("customerNumber"));
        assertEquals("Ann", p.get("traits", Document.class).getString("firstName"));
        // another person's record stays apart
        String other = put(ws, "c-4", "e2", contact(1, "c-4", "bob@example.com", null).replace("+27821234567",
                "+27829999999")).then().statusCode(200).extract().path("profileId");
        assertNotEquals(crm, other);
    }

    @Test
    void deleteRemovesTheRecordsContributionAndLeavesATombstone() {
        String ws = UUID.randomUUID().toString();
        String id = put(ws, "c-5", "e1", contact(3, "c-5", "ann@example.com", "Acme Ltd")).then().statusCode(200)
                .extract().path("profileId");
        given().header("Authorization", TestTokens.secret(ws)).contentType(ContentType.JSON)
                .body("{\"sequence\":1,\"identifiers\":[{\"type\":\"email\",\"value\":\"ann@example.com\"}],"
                        + "\"traits\":{\"customerNumber\":\"K-1\"}}")
                .put("/api/profiles/sources/erp/records/k-1").then().statusCode(200);
        given().header("Authorization", serviceTokens.bearer("crm-service", ws)).header("Idempotency-Key", "e2")
                .queryParam("sequence", 4).delete("/api/profiles/sources/crm/records/c-5").then().statusCode(204);
        Document p = profile(id);
        assertTrue(identities(p, "crmContactId").isEmpty(), "the contact id left the profile");
        assertEquals(List.of("ann@example.com"), identities(p, "email"), "the ERP record still holds the e-mail");
        assertFalse(p.get("traits", Document.class).containsKey("company"));
        assertEquals("K-1", p.get("traits", Document.class).getString("customerNumber"));
        // again, and for a record nobody knows: still 204
        given().header("Authorization", TestTokens.secret(ws)).queryParam("sequence", 4)
                .delete("/api/profiles/sources/crm/records/c-5").then().statusCode(204);
        given().header("Authorization", TestTokens.secret(ws)).queryParam("sequence", 1)
                .delete("/api/profiles/sources/crm/records/never-seen").then().statusCode(204);
        // a PUT of an older version arriving after the delete does not bring the contact back
        put(ws, "c-5", "e0", contact(3, "c-5", "ann@example.com", "Acme Ltd")).then().statusCode(200)
                .body("applied", equalTo(false));
        assertTrue(identities(profile(id), "crmContactId").isEmpty());
        // a newer one does
        put(ws, "c-5", "e5", contact(5, "c-5", "ann@example.com", "Acme Ltd")).then().statusCode(200)
                .body("applied", equalTo(true));
    }

    @Test
    void aCrmContactMergeArrivesAsDeleteThenPutAndJoinsTheProfiles() {
        String ws = UUID.randomUUID().toString();
        // B is also known to the tracking API by its e-mail
        given().header("Authorization", TestTokens.write(ws)).contentType(ContentType.JSON)
                .body("{\"userId\":\"web-b\",\"traits\":{\"email\":\"b@example.com\"}}").post("/v1/identify")
                .then().statusCode(200);
        String b = put(ws, "B", "e1", "{\"sequence\":1,\"identifiers\":[{\"type\":\"crmContactId\",\"value\":\"B\"},"
                + "{\"type\":\"email\",\"value\":\"b@example.com\"}],\"traits\":{\"company\":\"Old Co\"}}")
                .then().statusCode(200).extract().path("profileId");
        String a = put(ws, "A", "e2", "{\"sequence\":1,\"identifiers\":[{\"type\":\"crmContactId\",\"value\":\"A\"},"
                + "{\"type\":\"email\",\"value\":\"a@example.com\"}]}").then().statusCode(200)
                .extract().path("profileId");
        assertNotEquals(a, b);
        // the CRM merged B into A: B's record goes, A's record now carries B's e-mail too
        given().header("Authorization", serviceTokens.bearer("crm-service", ws)).header("Idempotency-Key", "e3")
                .queryParam("sequence", 2).delete("/api/profiles/sources/crm/records/B").then().statusCode(204);
        String survivor = put(ws, "A", "e4", "{\"sequence\":2,\"identifiers\":[{\"type\":\"crmContactId\","
                + "\"value\":\"A\"},{\"type\":\"email\",\"value\":\"a@example.com\"},{\"type\":\"email\","
                + "\"value\":\"b@example.com\"}]}").then().statusCode(200).body("applied", equalTo(true))
                .extract().path("profileId");
        Document p = profile(survivor);
        assertEquals(p.getString("_id"), profile(a).getString("_id"));
        assertEquals(p.getString("_id"), profile(b).getString("_id"), "the tracked person joined A's profile");
        assertEquals(List.of("A"), identities(p, "crmContactId"));
        assertEquals(List.of("web-b"), identities(p, "userId"));
        assertTrue(identities(p, "email").containsAll(List.of("a@example.com", "b@example.com")));
        assertFalse(p.get("traits", Document.class).containsKey("company"), "B's record's traits are gone");
    }

    @Test
    void invalidRecordsAre400WithTheFieldNamed() {
        String ws = UUID.randomUUID().toString();
        put(ws, "c-6", "e1", "{\"identifiers\":[]}").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItems("sequence", "identifiers"));
        put(ws, "c-6", "e1", "{\"sequence\":1,\"identifiers\":[{\"type\":\"shoeSize\",\"value\":\"42\"}]}")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("identifiers"));
        put(ws, "c-6", "e1", "{\"sequence\":1,\"identifiers\":[{\"type\":\"email\",\"value\":\"not-an-email\"}]}")
                .then().statusCode(400).body("violations.field", hasItem("identifiers"));
        given().header("Authorization", TestTokens.secret(ws)).contentType(ContentType.JSON)
                .body(contact(1, "c-6", "ann@example.com", null)).put("/api/profiles/sources/Bad%20Source/records/c-6")
                .then().statusCode(400).contentType("application/problem+json");
        given().header("Authorization", TestTokens.secret(ws)).contentType(ContentType.JSON)
                .body(contact(1, "c-6", "ann@example.com", null)).put("/api/profiles/sources/tracking/records/c-6")
                .then().statusCode(400).body("violations.field", hasItem("source"));
        given().header("Authorization", TestTokens.secret(ws)).delete("/api/profiles/sources/crm/records/c-6")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("sequence"));
        put(ws, "c-6", "e1", "{\"sequence\":1,").then().statusCode(400).contentType("application/problem+json");
        assertEquals(null, records.find(SourceRecordRepository.key(ws, "crm", "c-6")));
    }

    @Test
    void onlyManagingCallersOfTheSameWorkspace() {
        String ws = UUID.randomUUID().toString();
        given().contentType(ContentType.JSON).body(contact(1, "c-7", "ann@example.com", null))
                .put("/api/profiles/sources/crm/records/c-7").then().statusCode(401)
                .contentType("application/problem+json");
        given().header("Authorization", TestTokens.write(ws)).contentType(ContentType.JSON)
                .body(contact(1, "c-7", "ann@example.com", null)).put("/api/profiles/sources/crm/records/c-7")
                .then().statusCode(403).contentType("application/problem+json");
        String a = put(ws, "c-7", "e1", contact(1, "c-7", "ann@example.com", null)).then().statusCode(200)
                .extract().path("profileId");
        // the same contact id and e-mail in another workspace is another person there
        String other = UUID.randomUUID().toString();
        String b = put(other, "c-7", "e1", contact(1, "c-7", "ann@example.com", null)).then().statusCode(200)
                .body("applied", equalTo(true)).extract().path("profileId");
        assertNotEquals(null, b);
        assertEquals(ws, profile(a).getString("ws"));
        assertEquals(other, profile(b).getString("ws"));
    }

    @Test
    void aChangeOfARecordBeingAppliedIs409() {
        String ws = UUID.randomUUID().toString();
        String key = SourceRecordRepository.key(ws, "crm", "c-8");
        assertTrue(records.lease(ws, key, "someone-else", Instant.now(), Duration.ofSeconds(30)));
        put(ws, "c-8", "e1", contact(1, "c-8", "ann@example.com", null)).then().statusCode(409)
                .contentType("application/problem+json");
        records.release(key, "someone-else");
        put(ws, "c-8", "e1", contact(1, "c-8", "ann@example.com", null)).then().statusCode(200)
                .body("applied", equalTo(true));
        // an expired lease (a crashed request) does not block
        assertTrue(records.lease(ws, key, "crashed", Instant.now().minusSeconds(60), Duration.ofSeconds(30)));
        put(ws, "c-8", "e2", contact(2, "c-8", "ann@example.com", null)).then().statusCode(200)
                .body("applied", equalTo(true));
    }
}
