package org.opencdp.common.problem;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProblemMappersTest {
    private static final String PROBLEM = "application/problem+json";

    @Test
    void beanValidationNamesEachInvalidField() {
        given().contentType(ContentType.JSON).body("{\"name\":\" \",\"email\":\"not-an-email\",\"tags\":[\"\"]}")
                .post("/problems").then().statusCode(400).contentType(PROBLEM)
                .body("status", equalTo(400))
                .body("title", equalTo("Invalid request"))
                .body("instance", equalTo("/problems"))
                .body("violations.field", hasItems("name", "email", "tags[0]"));
    }

    @Test
    void queryParameterViolationNamesTheParameter() {
        given().get("/problems/page?size=5000").then().statusCode(400).contentType(PROBLEM)
                .body("violations[0].field", equalTo("size"));
    }

    @Test
    void malformedJsonIsA400() {
        given().contentType(ContentType.JSON).body("{\"name\": ").post("/problems")
                .then().statusCode(400).contentType(PROBLEM).body("detail", containsString("not valid JSON"));
    }

    @Test
    void wrongJsonTypeNamesTheField() {
        given().contentType(ContentType.JSON).body("{\"name\":\"a\",\"tags\":{\"x\":1}}").post("/problems")
                .then().statusCode(400).contentType(PROBLEM).body("violations[0].field", equalTo("tags"));
    }

    @Test
    void missingBodyIsA400() {
        given().contentType(ContentType.JSON).post("/problems").then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void unsupportedMediaTypeIs415() {
        given().contentType(ContentType.XML).body("<a/>").post("/problems")
                .then().statusCode(415).contentType(PROBLEM).body("status", equalTo(415));
    }

    @Test
    void wrongMethodIs405() {
        given().delete("/problems").then().statusCode(405).contentType(PROBLEM);
    }

    @Test
    void domainProblemKeepsItsStatusAndDetail() {
        given().get("/problems/conflict").then().statusCode(409).contentType(PROBLEM)
                .body("detail", equalTo("The contact was changed by someone else"))
                .body("type", equalTo("https://opencdp.org/problems/conflict"));
    }

    @Test
    void wrappedDomainProblemKeepsItsStatus() {
        given().get("/problems/wrapped-conflict").then().statusCode(409).contentType(PROBLEM)
                .body("detail", equalTo("Wrapped by a framework"));
    }

    @Test
    void unexpectedErrorHidesItsCauseButGivesTheRequestId() {
        given().header("X-Request-Id", "req-12345678").get("/problems/boom").then().statusCode(500).contentType(PROBLEM)
                .header("X-Request-Id", "req-12345678")
                .body("requestId", equalTo("req-12345678"))
                .body(not(containsString("IllegalStateException")))
                .body(not(containsString("com.example")));
    }

    @Test
    void unknownPathIsA404Problem() {
        given().get("/nothing-here").then().statusCode(404).contentType(PROBLEM).body("requestId", notNullValue());
    }

    @Test
    void malformedRequestIdIsReplaced() {
        given().header("X-Request-Id", "bad id\twith spaces").get("/problems/conflict")
                .then().header("X-Request-Id", not(containsString(" ")));
    }
}
