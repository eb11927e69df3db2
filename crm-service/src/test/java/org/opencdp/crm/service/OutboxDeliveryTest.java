package org.opencdp.crm.service;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opencdp.crm.OutboxEvent;
import org.opencdp.crm.ProfileStubResource;
import org.opencdp.crm.repository.OutboxRepository;
import org.opencdp.crm.Api;
import org.opencdp.localstores.testing.PostgresTestResource;
import org.opencdp.localstores.testing.TokenTestResource;

/** Contact changes reach profile-service (a stub on a random port) through the outbox, also across an outage. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TokenTestResource.class)
@QuarkusTestResource(ProfileStubResource.class)
class OutboxDeliveryTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    OutboxRepository outbox;

    @AfterEach
    void profileServiceBackUp() {
        ProfileStubResource.acceptAll();
    }

    private static String path(String contactId) {
        return "/api/profiles/sources/crm/records/" + contactId;
    }

    private List<OutboxEvent> events(String ws, String contactId) {
        return QuarkusTransaction.requiringNew().call(() -> outbox.forContact(ws, UUID.fromString(contactId)));
    }

    @Test
    void createUpdateDeleteArriveInOrderWithSequenceIdempotencyKeyAndServiceToken() {
        String ws = UUID.randomUUID().toString();
        String id = Api.contact(ws, "{\"firstName\":\"Ann\",\"emails\":[\"Ann@Example.com\"],"
                + "\"phones\":[\"+27821234567\"],\"consents\":{\"emailMarketing\":true}}");
        Api.as(ws).body("{\"lastName\":\"Lee\"}").patch("/api/crm/contacts/" + id).then()
                .statusCode(200);
        Api.as(ws).delete("/api/crm/contacts/" + id).then().statusCode(204);

        await().atMost(WAIT).until(() -> events(ws, id).stream().allMatch(e -> e.status.equals("delivered")));
        List<OutboxEvent> events = events(ws, id);
        assertEquals(List.of("upsert", "upsert", "delete"), events.stream().map(e -> e.operation).toList());
        assertEquals(List.of(1L, 2L, 3L), events.stream().map(e -> e.sequence).toList());

        var server = ProfileStubResource.server();
        server.verify(putRequestedFor(urlEqualTo(path(id)))
                .withHeader("Idempotency-Key", equalTo(events.get(0).id.toString()))
                .withHeader("Authorization", matching("Bearer .+"))
                .withRequestBody(matchingJsonPath("$.sequence", equalTo("1")))
                .withRequestBody(matchingJsonPath("$.identifiers[?(@.type == 'email')].value",
                        equalTo("ann@example.com")))
                .withRequestBody(matchingJsonPath("$.identifiers[?(@.type == 'crmContactId')].value", equalTo(id)))
                .withRequestBody(matchingJsonPath("$.consents.emailMarketing", equalTo("true"))));
        server.verify(putRequestedFor(urlEqualTo(path(id)))
                .withRequestBody(matchingJsonPath("$.traits.lastName", equalTo("Lee")))
                .withRequestBody(matchingJsonPath("$.sequence", equalTo("2"))));
        server.verify(deleteRequestedFor(urlEqualTo(path(id) + "?sequence=3"))
                .withHeader("Idempotency-Key", equalTo(events.get(2).id.toString())));
    }

    @Test
    void profileServiceDownThenUpLosesNothing() {
        var server = ProfileStubResource.server();
        server.resetAll();
        server.stubFor(any(urlPathMatching("/api/profiles/.*")).willReturn(aResponse().withStatus(503)));
        String ws = UUID.randomUUID().toString();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(Api.contact(ws, "{\"firstName\":\"Down " + i + "\"}"));
        }
        Api.as(ws).body("{\"lastName\":\"Changed\"}").patch("/api/crm/contacts/" + ids.get(0))
                .then().statusCode(200);
        // every event is tried and kept for a retry while profile-service answers 503...
        await().atMost(WAIT).until(() -> ids.stream().allMatch(id -> events(ws, id).stream()
                .allMatch(e -> e.status.equals("pending") && e.attempts >= 2 && e.lastError.contains("503"))));
        // ...and while its connections are reset
        server.resetAll();
        server.stubFor(any(urlPathMatching("/api/profiles/.*"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        int before = events(ws, ids.get(1)).get(0).attempts;
        await().atMost(WAIT).until(() -> events(ws, ids.get(1)).get(0).attempts > before);
        assertTrue(events(ws, ids.get(1)).get(0).status.equals("pending"));

        ProfileStubResource.acceptAll();
        await().atMost(WAIT).until(() -> ids.stream().allMatch(id -> events(ws, id).stream()
                .allMatch(e -> e.status.equals("delivered"))));
        for (String id : ids) {
            List<LoggedRequest> puts = server.findAll(putRequestedFor(urlPathEqualTo(path(id))));
            assertTrue(puts.size() >= 1, "contact " + id + " reached profile-service");
        }
        server.verify(putRequestedFor(urlPathEqualTo(path(ids.get(0))))
                .withRequestBody(matchingJsonPath("$.traits.lastName", equalTo("Changed")))
                .withRequestBody(matchingJsonPath("$.sequence", equalTo("2"))));
    }

    @Inject
    OutboxStore store;

    @Test
    void deliveredEventsArePurgedAfterTheRetention() {
        String ws = UUID.randomUUID().toString();
        String id = Api.contact(ws, "{\"firstName\":\"Old\"}");
        await().atMost(WAIT).until(() -> events(ws, id).get(0).status.equals("delivered"));
        store.purgeDelivered(java.time.Instant.now().minus(Duration.ofDays(7)));
        assertEquals(1, events(ws, id).size());
        store.purgeDelivered(java.time.Instant.now().plusSeconds(1));
        assertEquals(List.of(), events(ws, id));
    }

    @Test
    void aPermanentRefusalIsKeptAsFailedWithTheReason() {
        var server = ProfileStubResource.server();
        String ws = UUID.randomUUID().toString();
        String id = UUID.randomUUID().toString();
        server.stubFor(any(urlPathMatching("/api/profiles/sources/crm/records/.*"))
                .withHeader("Authorization", matching(".*"))
                .withRequestBody(matchingJsonPath("$.traits.firstName", equalTo("Refused")))
                .willReturn(aResponse().withStatus(422).withBody("{\"detail\":\"bad record\"}")));
        String contact = Api.contact(ws, "{\"firstName\":\"Refused\"}");
        await().atMost(WAIT).until(() -> events(ws, contact).get(0).status.equals("failed"));
        OutboxEvent e = events(ws, contact).get(0);
        assertTrue(e.lastError.contains("422"), e.lastError);
        assertEquals(1, e.attempts);
        assertTrue(!id.equals(contact));
    }
}
