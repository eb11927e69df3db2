package org.opencdp.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

/** One OpenAPI document on the gateway with every service's external paths and the security schemes. */
class OpenApiIT {

    @Test
    void aggregatedDocumentListsEveryServicesPaths() {
        SharedPlatform.get();
        given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .body("openapi", startsWith("3."))
                .body("paths", hasKey("/api/workspaces"))
                .body("paths", hasKey("/api/workspaces/{workspaceId}/keys"))
                .body("paths", hasKey("/api/dmp/settings"))
                .body("paths", hasKey("/api/crm/deal-reasons"))
                .body("paths", hasKey("/api/profiles/identity-rules"))
                .body("paths", hasKey("/api/segments/condition-catalog"))
                .body("components.securitySchemes", hasKey("writeKey"))
                .body("components.securitySchemes", hasKey("secretKey"));
    }
}
