package org.opencdp.profile;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.mongodb.client.model.Filters;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.opencdp.localstores.testing.MongoTestResource;
import org.opencdp.localstores.testing.TestTokens;
import org.opencdp.localstores.testing.TokenTestResource;
import org.opencdp.profile.repository.ProfileStore;

@QuarkusTest
@QuarkusTestResource(MongoTestResource.class)
@QuarkusTestResource(TokenTestResource.class)
class ImportResourceTest {
    private static final String CSV = """
            email,phone,firstName,loyaltyTier
            ann@example.com,+27821234567,Ann,gold
            bob@example.com,,Bob,silver
            ,,Nobody,bronze
            "carol@example.com","+27 82 555 0000","Carol, ""CJ""\",platinum
            """;

    @Inject
    ProfileStore store;

    private static Response post(String ws, String source, String contentType, String body) {
        return given().header("Authorization", TestTokens.secret(ws)).queryParam("source", source)
                .contentType(contentType).body(body.getBytes(StandardCharsets.UTF_8)).post("/api/profiles/imports");
    }

    private Document profile(String id) {
        Document p = store.profiles().find(Filters.eq("_id", id)).first();
        for (int i = 0; p != null && p.getString("mergedInto") != null && i < 10; i++) {
            p = store.profiles().find(Filters.eq("_id", p.getString("mergedInto"))).first();
        }
        return p;
    }

    private String crmContact(String ws, String email) {
        return given().header("Authorization", TestTokens.secret(ws)).contentType(ContentType.JSON)
                .body("{\"sequence\":1,\"identifiers\":[{\"type\":\"crmContactId\",\"value\":\"c-1\"},"
                        + "{\"type\":\"email\",\"value\":\"" + email + "\"}],\"traits\":{\"firstName\":\"Ann\"}}")
                .put("/api/profiles/sources/crm/records/c-1").then().statusCode(200).extract().path("profileId");
    }

    @Test
    void csvRowsLinkToExistingProfilesOrCreateThemWithAReasonForBadRows() {
        String ws = UUID.randomUUID().toString();
        String ann = crmContact(ws, "ANN@example.com");
        Response r = post(ws, "partner-acme", "text/csv", CSV);
        r.then().statusCode(200)
                .body("source", equalTo("partner-acme"))
                .body("rows", equalTo(4)).body("linked", equalTo(1)).body("created", equalTo(2))
                .body("invalid", equalTo(1)).body("unchanged", equalTo(0))
                .body("results[0].row", equalTo(2)).body("results[0].status", equalTo("linked"))
                .body("results[0].profileId", equalTo(ann))
                .body("results[1].status", equalTo("created"))
                .body("results[2].status", equalTo("invalid"))
                .body("results[2].reason", containsString("no identifier"))
                .body("results[2].profileId", nullValue())
                .body("results[3].status", equalTo("created"));
        Document annProfile = profile(ann);
        Document traits = annProfile.get("traits", Document.class);
        assertEquals("gold", traits.getString("loyaltyTier"));
        assertEquals("Ann", traits.getString("firstName"));
        String carol = r.path("results[3].profileId");
        assertEquals("Carol, \"CJ\"", profile(carol).get("traits", Document.class).getString("firstName"));
        assertEquals(List.of("+27825550000"), profile(carol).getList("identities", Document.class).stream()
                .filter(i -> "phone".equals(i.getString("type"))).map(i -> i.getString("value")).toList());
    }

    @Test
    void reimportingTheSameFileChangesNothingAndAChangedRowUpdatesItsRecord() {
        String ws = UUID.randomUUID().toString();
        Response first = post(ws, "partner-acme", "text/csv", CSV);
        first.then().statusCode(200).body("created", equalTo(3));
        String bob = first.path("results[1].profileId");
        long version = ((Number) profile(bob).get("version")).longValue();

        post(ws, "partner-acme", "text/csv", CSV).then().statusCode(200)
                .body("unchanged", equalTo(3)).body("created", equalTo(0)).body("invalid", equalTo(1))
                .body("results[1].profileId", equalTo(bob));
        assertEquals(version, ((Number) profile(bob).get("version")).longValue(), "nothing was written");

        // the same row with its columns in another order (and without the empty phone cell): the same data
        post(ws, "partner-acme", "text/csv", "loyaltyTier,firstName,email\nsilver,Bob,bob@example.com\n").then()
                .body("results[0].status", equalTo("unchanged"));
        post(ws, "partner-acme", "text/csv", "email,loyaltyTier\nbob@example.com,gold\n").then()
                .body("results[0].status", equalTo("updated")).body("results[0].profileId", equalTo(bob));
        Document traits = profile(bob).get("traits", Document.class);
        assertEquals("gold", traits.getString("loyaltyTier"));
        assertEquals(null, traits.get("firstName"), "the row no longer says firstName");
        // another source saying the same is its own record
        post(ws, "partner-other", "text/csv", "email,loyaltyTier\nbob@example.com,gold\n").then()
                .body("results[0].status", equalTo("linked")).body("results[0].profileId", equalTo(bob));
    }

    @Test
    void ndjsonAcceptsStructuredAndFlatLines() {
        String ws = UUID.randomUUID().toString();
        String body = """
                {"identifiers":{"email":"dan@example.com","deviceId":["dev-1","dev-2"]},"traits":{"score":7,"vip":true}}
                {"email":"DAN@example.com","city":"Durban"}
                not json
                {"identifiers":{"shoeSize":"42"}}
                {"recordId":"row-9","userId":"u-9","plan":"pro"}
                """;
        Response r = post(ws, "quiz", "application/x-ndjson", body);
        r.then().statusCode(200).body("rows", equalTo(5))
                .body("results[0].status", equalTo("created"))
                .body("results[1].status", equalTo("linked"))
                .body("results[2].status", equalTo("invalid")).body("results[2].row", equalTo(3))
                .body("results[2].reason", containsString("JSON"))
                .body("results[3].status", equalTo("invalid"))
                .body("results[4].status", equalTo("created")).body("results[4].recordId", equalTo("row-9"));
        String dan = r.path("results[0].profileId");
        assertEquals(dan, r.path("results[1].profileId"));
        Document traits = profile(dan).get("traits", Document.class);
        assertEquals(7, ((Number) traits.get("score")).intValue());
        assertEquals(true, traits.get("vip"));
        assertEquals("Durban", traits.get("city"));
        assertNotEquals(dan, r.path("results[4].profileId"));
    }

    @Test
    void badRequestsAreProblemsAndImportNothing() {
        String ws = UUID.randomUUID().toString();
        given().header("Authorization", TestTokens.secret(ws)).contentType("text/csv").body(CSV)
                .post("/api/profiles/imports").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("source"));
        post(ws, "Bad Name", "text/csv", CSV).then().statusCode(400).contentType("application/problem+json");
        post(ws, "p", "text/csv", "firstName,lastName\nAnn,Lee\n").then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", hasItem("header"))
                .body("detail", containsString("email"));
        post(ws, "p", "text/csv", "").then().statusCode(400).body("violations.field", hasItem("body"));
        post(ws, "p", "application/xml", "<a/>").then().statusCode(415).contentType("application/problem+json");
        post(ws, "p", "text/csv", "email\n" + "x@example.com\n".repeat(10_001)).then().statusCode(413)
                .contentType("application/problem+json");
        assertEquals(0, store.identities().countDocuments(Filters.regex("_id", "^" + ws + "\\|")));
    }

    @Test
    void writeKeysMayNotImport() {
        String ws = UUID.randomUUID().toString();
        given().header("Authorization", TestTokens.write(ws)).queryParam("source", "p").contentType("text/csv")
                .body(CSV).post("/api/profiles/imports").then().statusCode(403)
                .contentType("application/problem+json");
    }
}
