package org.opencdp.crm.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencdp.crm.ProfileStubResource;
import org.opencdp.localstores.testing.PostgresTestResource;
import org.opencdp.localstores.testing.TestTokens;
import org.opencdp.localstores.testing.TokenTestResource;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TokenTestResource.class)
@QuarkusTestResource(ProfileStubResource.class)
class ContactResourceTest {

    static RequestSpecification as(String workspace) {
        return given().header("Authorization", TestTokens.secret(workspace)).contentType(ContentType.JSON);
    }

    static String create(String ws, String json) {
        return as(ws).body(json).post("/api/crm/contacts").then().statusCode(201).extract().path("id");
    }

    @Test
    void createNormalisesEmailsAndPhonesAndReadsBack() {
        String ws = UUID.randomUUID().toString();
        String id = as(ws).body("""
                {"firstName":" Ann ","lastName":"Lee","emails":["Ann.Lee@Example.COM ","ann@home.example"],
                 "phones":["082 123 4567","+44 20 7946 0958"],"lifecycleStage":"prospect","owner":"sam",
                 "tags":["VIP","vip","Newsletter"],"birthday":"1990-05-01","address":{"city":"Cape Town","country":"za"},
                 "consents":{"emailMarketing":true},"customFields":{"shoeSize":38,"nested":{"a":[1,2]}}}""")
                .post("/api/crm/contacts").then().statusCode(201)
                .header("Location", containsString("/api/crm/contacts/"))
                .header("ETag", equalTo("\"0\""))
                .body("firstName", equalTo("Ann"))
                .body("primaryEmail", equalTo("ann.lee@example.com"))
                .body("emails", contains("ann.lee@example.com", "ann@home.example"))
                .body("primaryPhone", equalTo("+27821234567"))
                .body("phones", contains("+27821234567", "+442079460958"))
                .body("tags", contains("vip", "newsletter"))
                .body("address.country", equalTo("ZA"))
                .body("consents.emailMarketing", equalTo(true))
                .body("consents.smsMarketing", equalTo(false))
                .body("customFields.nested.a[1]", equalTo(2))
                .extract().path("id");
        as(ws).get("/api/crm/contacts/" + id).then().statusCode(200).header("ETag", equalTo("\"0\""))
                .body("lifecycleStage", equalTo("prospect")).body("birthday", equalTo("1990-05-01"));
    }

    @Test
    void invalidPhoneAndEmailAreNamed() {
        String ws = UUID.randomUUID().toString();
        as(ws).body("{\"firstName\":\"A\",\"phones\":[\"+27821234567\",\"12\"],\"emails\":[\"nope\"]}")
                .post("/api/crm/contacts").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("phones[1]"))
                .body("violations.field", hasItem("emails[0]"));
        as(ws).body("{\"lifecycleStage\":\"friend\",\"firstName\":\"A\"}").post("/api/crm/contacts").then()
                .statusCode(400).body("violations[0].field", equalTo("lifecycleStage"));
        as(ws).body("{}").post("/api/crm/contacts").then().statusCode(400)
                .body("violations[0].field", equalTo("firstName"));
        as(ws).body("{\"firstName\":\"A\",\"companyId\":\"" + UUID.randomUUID() + "\"}").post("/api/crm/contacts")
                .then().statusCode(400).body("violations[0].field", equalTo("companyId"));
        as(ws).body("{\"firstName\":\"A\",\"birthday\":\"2999-01-01\"}").post("/api/crm/contacts").then()
                .statusCode(400).body("violations[0].field", equalTo("birthday"));
    }

    @Test
    void staleIfMatchIsA412AndChangesNothing() {
        String ws = UUID.randomUUID().toString();
        String id = create(ws, "{\"firstName\":\"Bob\",\"emails\":[\"bob@example.com\"]}");
        as(ws).header("If-Match", "\"0\"").body("{\"lastName\":\"Stone\"}").patch("/api/crm/contacts/" + id).then()
                .statusCode(200).header("ETag", equalTo("\"1\"")).body("lastName", equalTo("Stone"))
                .body("firstName", equalTo("Bob")).body("emails", contains("bob@example.com"));
        as(ws).header("If-Match", "\"0\"").body("{\"lastName\":\"Late\"}").patch("/api/crm/contacts/" + id).then()
                .statusCode(412).contentType("application/problem+json");
        as(ws).header("If-Match", "\"0\"").body("{\"firstName\":\"Late\"}").put("/api/crm/contacts/" + id).then()
                .statusCode(412);
        as(ws).header("If-Match", "\"0\"").delete("/api/crm/contacts/" + id).then().statusCode(412);
        as(ws).get("/api/crm/contacts/" + id).then().body("lastName", equalTo("Stone")).body("version", equalTo(1));
        as(ws).header("If-Match", "\"1\"").body("{\"firstName\":\"Robert\"}").put("/api/crm/contacts/" + id).then()
                .statusCode(200).body("lastName", nullValue()).body("emails", hasSize(0));
        String deal = as(ws).body("{\"title\":\"D\",\"amount\":\"1\",\"currency\":\"USD\",\"contactIds\":[\"" + id
                + "\"]}").post("/api/crm/deals").then().statusCode(201).extract().path("id");
        as(ws).body("{\"type\":\"note\",\"summary\":\"x\"}").post("/api/crm/contacts/" + id + "/interactions").then()
                .statusCode(201);
        as(ws).header("If-Match", "\"2\"").delete("/api/crm/contacts/" + id).then().statusCode(204);
        as(ws).get("/api/crm/contacts/" + id).then().statusCode(404);
        as(ws).get("/api/crm/contacts/" + id + "/interactions").then().statusCode(404);
        as(ws).get("/api/crm/deals/" + deal).then().statusCode(200).body("contactIds", hasSize(0));
    }

    @Test
    void patchMergesCustomFieldsAndNullClears() {
        String ws = UUID.randomUUID().toString();
        String id = create(ws, "{\"firstName\":\"Cy\",\"owner\":\"sam\",\"customFields\":{\"a\":1,\"b\":2}}");
        as(ws).body("{\"owner\":null,\"customFields\":{\"b\":null,\"c\":3},\"phones\":[\"bad\"]}")
                .patch("/api/crm/contacts/" + id).then().statusCode(400)
                .body("violations[0].field", equalTo("phones[0]"));
        as(ws).body("{\"owner\":null,\"customFields\":{\"b\":null,\"c\":3}}").patch("/api/crm/contacts/" + id)
                .then().statusCode(200).body("owner", nullValue()).body("customFields.a", equalTo(1))
                .body("customFields.b", nullValue()).body("customFields.c", equalTo(3));
        as(ws).body("{\"lifecycleStage\":\"boss\"}").patch("/api/crm/contacts/" + id).then().statusCode(400)
                .body("violations[0].field", equalTo("lifecycleStage"));
    }

    @Test
    void anotherWorkspacesContactIsNotFound() {
        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();
        String id = create(a, "{\"firstName\":\"Only A\",\"emails\":[\"only@a.example\"]}");
        as(b).get("/api/crm/contacts/" + id).then().statusCode(404).contentType("application/problem+json");
        as(b).body("{\"firstName\":\"x\"}").patch("/api/crm/contacts/" + id).then().statusCode(404);
        as(b).delete("/api/crm/contacts/" + id).then().statusCode(404);
        as(b).get("/api/crm/contacts?email=only@a.example").then().statusCode(200).body("items", hasSize(0));
        as(a).get("/api/crm/contacts/not-a-uuid").then().statusCode(404);
    }

    @Test
    void listFiltersSortAndPagesWithACursor() {
        String ws = UUID.randomUUID().toString();
        String company = as(ws).body("{\"name\":\"Acme Ltd\"}").post("/api/crm/companies").then().statusCode(201)
                .extract().path("id");
        create(ws, "{\"firstName\":\"Anna\",\"lastName\":\"Smith\",\"emails\":[\"anna@x.example\"],"
                + "\"lifecycleStage\":\"customer\",\"tags\":[\"vip\"],\"owner\":\"sam\",\"companyId\":\"" + company
                + "\"}");
        create(ws, "{\"firstName\":\"Andre\",\"lastName\":\"Brink\",\"phones\":[\"+27 21 555 0100\"],"
                + "\"lifecycleStage\":\"lead\",\"owner\":\"kim\"}");
        create(ws, "{\"firstName\":\"Zoe\",\"lastName\":\"Anderson\",\"emails\":[\"zoe@x.example\"],"
                + "\"lifecycleStage\":\"customer\",\"tags\":[\"vip\"]}");
        as(ws).get("/api/crm/contacts?name=an&sort=name").then().statusCode(200)
                .body("items.firstName", contains("Andre", "Anna", "Zoe"));
        as(ws).get("/api/crm/contacts?name=anna s").then().body("items.firstName", contains("Anna"));
        as(ws).get("/api/crm/contacts?email=ANNA@x.example").then().body("items.firstName", contains("Anna"));
        as(ws).get("/api/crm/contacts?phone=0215550100").then().body("items.firstName", contains("Andre"));
        as(ws).get("/api/crm/contacts?companyId=" + company).then().body("items.firstName", contains("Anna"));
        as(ws).get("/api/crm/contacts?lifecycleStage=customer&sort=name").then()
                .body("items.firstName", contains("Anna", "Zoe"));
        as(ws).get("/api/crm/contacts?owner=kim").then().body("items.firstName", contains("Andre"));
        as(ws).get("/api/crm/contacts?tag=VIP&sort=-name").then().body("items.firstName", contains("Zoe", "Anna"));
        as(ws).get("/api/crm/contacts?updatedSince=2999-01-01").then().body("items", hasSize(0));
        as(ws).get("/api/crm/contacts?updatedSince=2000-01-01T00:00:00Z").then().body("items", hasSize(3));

        Set<String> seen = new HashSet<>();
        List<String> order = new ArrayList<>();
        String cursor = null;
        do {
            ValidatableResponse page = as(ws).queryParam("limit", 2).queryParam("sort", "-updatedAt")
                    .queryParam("cursor", cursor == null ? "" : cursor).get("/api/crm/contacts").then().statusCode(200);
            List<String> ids = page.extract().path("items.id");
            order.addAll(ids);
            seen.addAll(ids);
            cursor = page.extract().path("nextCursor");
        } while (cursor != null);
        assertEquals(3, seen.size());
        assertEquals(3, order.size());
        as(ws).get("/api/crm/contacts?limit=2&sort=name").then().body("nextCursor", notNullValue());
    }

    @Test
    void badListParametersAreNamed() {
        String ws = UUID.randomUUID().toString();
        as(ws).get("/api/crm/contacts?limit=1000").then().statusCode(400).body("violations[0].field", equalTo("limit"));
        as(ws).get("/api/crm/contacts?sort=shoe").then().statusCode(400).body("violations[0].field", equalTo("sort"));
        as(ws).get("/api/crm/contacts?updatedSince=yesterday").then().statusCode(400)
                .body("violations[0].field", equalTo("updatedSince"));
        as(ws).get("/api/crm/contacts?lifecycleStage=x").then().statusCode(400)
                .body("violations[0].field", equalTo("lifecycleStage"));
        as(ws).get("/api/crm/contacts?cursor=zzz").then().statusCode(400)
                .body("violations[0].field", equalTo("cursor"));
        as(ws).get("/api/crm/contacts?phone=abc").then().statusCode(400).body("violations[0].field", equalTo("phone"));
    }
}
