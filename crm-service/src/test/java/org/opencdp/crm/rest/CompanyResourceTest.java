package org.opencdp.crm.rest;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.opencdp.crm.Api.as;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
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
class CompanyResourceTest {

    @Test
    void companiesWithTheirContactsAndDeals() {
        String ws = UUID.randomUUID().toString();
        String acme = as(ws).body("{\"name\":\"Acme Ltd\",\"domain\":\"ACME.example\",\"industry\":\"Retail\"}")
                .post("/api/crm/companies").then().statusCode(201).body("domain", equalTo("acme.example"))
                .extract().path("id");
        as(ws).body("{\"name\":\"Beta Corp\"}").post("/api/crm/companies").then().statusCode(201);
        as(ws).get("/api/crm/companies?name=ac").then().statusCode(200).body("name", contains("Acme Ltd"));
        as(ws).get("/api/crm/companies?limit=1&page=1").then().body("name", contains("Beta Corp"));
        String contact = Api.contact(ws, "{\"firstName\":\"Cy\",\"companyId\":\"" + acme + "\"}");
        as(ws).body("{\"title\":\"Acme deal\",\"amount\":\"5\",\"currency\":\"EUR\",\"companyId\":\"" + acme + "\"}")
                .post("/api/crm/deals").then().statusCode(201);
        as(ws).get("/api/crm/contacts?companyId=" + acme).then().body("items.id", contains(contact));
        as(ws).get("/api/crm/deals?companyId=" + acme).then().body("title", contains("Acme deal"));

        as(ws).header("If-Match", "\"0\"").body("{\"name\":\"Acme Holdings\"}").put("/api/crm/companies/" + acme)
                .then().statusCode(200).header("ETag", equalTo("\"1\"")).body("name", equalTo("Acme Holdings"));
        as(ws).header("If-Match", "\"0\"").body("{\"name\":\"Late\"}").put("/api/crm/companies/" + acme).then()
                .statusCode(412);
        as(ws).body("{\"name\":\" \"}").post("/api/crm/companies").then().statusCode(400)
                .body("violations[0].field", equalTo("name"));
        as(UUID.randomUUID().toString()).get("/api/crm/companies/" + acme).then().statusCode(404);
        as(UUID.randomUUID().toString()).delete("/api/crm/companies/" + acme).then().statusCode(404);

        as(ws).delete("/api/crm/companies/" + acme).then().statusCode(204);
        as(ws).get("/api/crm/contacts/" + contact).then().statusCode(200).body("companyId", nullValue());
        as(ws).get("/api/crm/companies").then().body("", hasSize(1));
    }
}
