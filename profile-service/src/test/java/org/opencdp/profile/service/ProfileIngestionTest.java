package org.opencdp.profile.service;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencdp.localstores.testing.MongoTestResource;
import org.opencdp.localstores.testing.TestTokens;
import org.opencdp.localstores.testing.TokenTestResource;
import org.opencdp.profile.IngestResult;
import org.opencdp.profile.Observation;
import org.opencdp.profile.Observation.Identifier;

@QuarkusTest
@QuarkusTestResource(MongoTestResource.class)
@QuarkusTestResource(TokenTestResource.class)
class ProfileIngestionTest {
    @Inject
    ProfileIngestion ingestion;

    private static final Instant T1 = Instant.parse("2026-11-01T10:00:00Z");
    private static final Instant T2 = Instant.parse("2026-11-02T10:00:00Z");

    @Test
    void sourcePriorityThenRecencyDecideEachTrait() {
        String ws = UUID.randomUUID().toString();
        IngestResult crm = ingestion.ingest(ws, List.of(Observation.record("crm", "c-1", "c-1:1",
                List.of(new Identifier("crmContactId", "c-1"), new Identifier("email", "Ann@Example.com")),
                Map.of("firstName", "Ann", "company", "Acme"), Map.of("emailMarketing", true), T1)));
        String id = crm.outcomes().get(0).profileId();
        ingestion.ingest(ws, List.of(tracking("t-1", "ann@example.com", Map.of("firstName", "Annie",
                "city", "Cape Town"), T2), tracking("t-2", "ann@example.com", Map.of("city", "Durban"), T1)));
        profile(ws, id).body("traits.firstName", equalTo("Ann"))
                .body("traitLineage.firstName.source", equalTo("crm"))
                .body("traitLineage.firstName.recordId", equalTo("c-1"))
                .body("traitLineage.firstName.messageId", equalTo("c-1:1"))
                .body("traits.city", equalTo("Cape Town"))
                .body("traitLineage.city.messageId", equalTo("t-1"))
                .body("consents.emailMarketing.granted", equalTo(true));
    }

    @Test
    void aRecordUpdateReplacesItsContributionAndARetractionRemovesIt() {
        String ws = UUID.randomUUID().toString();
        String id = ingestion.ingest(ws, List.of(Observation.record("crm", "c-2", "c-2:1",
                List.of(new Identifier("crmContactId", "c-2"), new Identifier("email", "bob@example.com"),
                        new Identifier("phone", "+27820000001")),
                Map.of("firstName", "Bob", "company", "Acme"), Map.of(), T1))).outcomes().get(0).profileId();
        ingestion.ingest(ws, List.of(tracking("t-3", "bob@example.com", Map.of("plan", "pro"), T2)));
        IngestResult again = ingestion.ingest(ws, List.of(Observation.record("crm", "c-2", "c-2:2",
                List.of(new Identifier("crmContactId", "c-2"), new Identifier("email", "bob@example.com")),
                Map.of("firstName", "Bob"), Map.of(), T2)));
        assertEquals(id, again.outcomes().get(0).profileId());
        profile(ws, id).body("traits.company", nullValue()).body("traits.firstName", equalTo("Bob"))
                .body("traits.plan", equalTo("pro")).body("identities.type", not(hasItem("phone")));

        assertEquals(id, ingestion.retractSource(ws, "crm", "c-2").orElseThrow());
        profile(ws, id).body("traits.firstName", nullValue()).body("traits.plan", equalTo("pro"))
                .body("identities.type", not(hasItem("crmContactId")))
                .body("identities.value", hasItem("bob@example.com"));
        assertTrue(ingestion.retractSource(ws, "crm", "c-2").isEmpty());
    }

    @Test
    void duplicatesAndObservationsWithoutIdentifiersAreReported() {
        String ws = UUID.randomUUID().toString();
        IngestResult r = ingestion.ingest(ws, List.of(tracking("d-1", "x@example.com", Map.of(), T1),
                tracking("d-1", "x@example.com", Map.of(), T1),
                Observation.message("tracking", "d-2", List.of(new Identifier("userId", "null")), Map.of(), Map.of(),
                        null, T1)));
        assertEquals(List.of(IngestResult.Status.STORED, IngestResult.Status.DUPLICATE,
                IngestResult.Status.NO_IDENTIFIER), r.outcomes().stream().map(IngestResult.Outcome::status).toList());
        assertEquals(IngestResult.Status.DUPLICATE, ingestion.ingest(ws, List.of(tracking("d-1", "x@example.com",
                Map.of(), T1))).outcomes().get(0).status());
    }

    @Test
    void aRecordTyingTwoProfilesMergesThem() {
        String ws = UUID.randomUUID().toString();
        String byEmail = ingestion.ingest(ws, List.of(tracking("m-1", "eve@example.com", Map.of(), T1)))
                .outcomes().get(0).profileId();
        String byPhone = ingestion.ingest(ws, List.of(Observation.message("tracking", "m-2",
                List.of(new Identifier("phone", "0821234000")), Map.of(), Map.of(), null, T1)))
                .outcomes().get(0).profileId();
        IngestResult r = ingestion.ingest(ws, List.of(Observation.record("crm", "c-3", "c-3:1",
                List.of(new Identifier("email", "eve@example.com"), new Identifier("phone", "+27 82 123 4000")),
                Map.of("lastName", "Eve"), Map.of(), T2)));
        String survivor = r.outcomes().get(0).profileId();
        assertTrue(survivor.equals(byEmail) || survivor.equals(byPhone));
        profile(ws, byPhone).body("id", equalTo(survivor));
        profile(ws, byEmail).body("id", equalTo(survivor)).body("traits.lastName", equalTo("Eve"));
    }

    private static Observation tracking(String messageId, String email, Map<String, Object> traits, Instant at) {
        return Observation.message("tracking", messageId, List.of(new Identifier("email", email)), traits, Map.of(),
                new Observation.Event("identify", null, Map.of(), Map.of(), at, Map.of()), at);
    }

    private static ValidatableResponse profile(String ws, String id) {
        return RestAssured.given().header("Authorization", TestTokens.secret(ws)).get("/api/profiles/" + id).then()
                .statusCode(200);
    }
}
