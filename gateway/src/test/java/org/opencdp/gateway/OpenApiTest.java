package org.opencdp.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.opencdp.localstores.testing.PostgresTestResource;
import org.opencdp.localstores.testing.TokenTestResource;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TokenTestResource.class)
@QuarkusTestResource(StubServicesResource.class)
class OpenApiTest {

    @Test
    void aggregatesTheServicesIntoOneDocument() {
        given().when().get("/q/openapi")
                .then().statusCode(200).contentType(containsString("application/json"))
                .body("openapi", startsWith("3."))
                .body("info.title", equalTo("OpenCDP API"))
                .body("paths", hasKey("/api/workspaces"))
                .body("paths", hasKey("/api/workspaces/{workspaceId}/keys"))
                .body("paths", hasKey("/v1/track"))
                .body("paths", hasKey("/api/crm/contacts"))
                .body("paths", hasKey("/api/segments"))
                .body("paths", not(hasKey("/internal/jobs")))
                .body("components.securitySchemes.writeKey.scheme", equalTo("basic"))
                .body("components.securitySchemes.secretKey.scheme", equalTo("bearer"))
                .body("components.securitySchemes.adminToken.scheme", equalTo("bearer"))
                .body("components.securitySchemes", not(hasKey("jwt")))
                .body("paths.'/v1/track'.post.security", hasItem(hasKey("writeKey")))
                .body("paths.'/api/crm/contacts'.get.security[0]", hasKey("secretKey"))
                .body("paths.'/api/workspaces'.post.security[0]", hasKey("adminToken"))
                .body("components.schemas", hasKey("Workspace"))
                .body("components.schemas", hasKey("CrmWorkspace"))
                .body("components.schemas.CrmWorkspace.properties", hasKey("stubOnly"))
                .body("paths.'/api/crm/contacts'.get.responses.'200'.content.'application/json'.schema.'$ref'",
                        equalTo("#/components/schemas/CrmWorkspace"))
                .body("tags.name", hasItem("Workspaces"))
                .body("tags.name", hasItem("Contacts"))
                .body("x-unavailable-services", equalTo(java.util.List.of("dmp")));
    }

    @Test
    void servesYamlOnRequest() {
        given().queryParam("format", "yaml").when().get("/q/openapi")
                .then().statusCode(200).contentType(containsString("yaml"))
                .body(containsString("openapi:"));
    }

    @Test
    void swaggerUiAndTheGatewayOwnDocumentAreServed() {
        given().when().get("/q/swagger-ui/").then().statusCode(200).body(containsString("/q/openapi"));
        given().queryParam("format", "json").when().get("/q/openapi-gateway")
                .then().statusCode(200).body("paths", hasKey("/api/workspaces"));
    }
}
