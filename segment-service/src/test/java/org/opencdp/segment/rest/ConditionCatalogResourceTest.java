package org.opencdp.segment.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.opencdp.localstores.testing.PostgresTestResource;
import org.opencdp.localstores.testing.TestTokens;
import org.opencdp.localstores.testing.TokenTestResource;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TokenTestResource.class)
class ConditionCatalogResourceTest {

    @Test
    void catalogListsTheClosedOperatorSetAndAllowedFields() {
        given().header("Authorization", TestTokens.secret("ws-catalog")).get("/api/segments/condition-catalog")
                .then().statusCode(200)
                .body("conditionTypes.type", hasItems("and", "or", "not", "profile", "pastEvent", "segment", "audience"))
                .body("operators.operator", hasItems("equals", "between", "in", "isDay", "withinDistance"))
                .body("operators.find { it.operator == 'between' }.values", org.hamcrest.Matchers.equalTo(2))
                .body("operators.find { it.operator == 'withinDistance' }.appliesTo", hasItem("geoPoint"))
                .body("operators.operator", not(hasItem("matchesRegex")))
                .body("fields.path", hasItems("computed.orderCount", "birthday", "audiences", "event.name"));
    }

    @Test
    void catalogNeedsAManagementToken() {
        given().header("Authorization", TestTokens.write("ws-catalog")).get("/api/segments/condition-catalog")
                .then().statusCode(403);
    }
}
