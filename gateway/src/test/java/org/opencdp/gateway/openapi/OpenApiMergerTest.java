package org.opencdp.gateway.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class OpenApiMergerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode doc(String json) throws Exception {
        return JSON.readTree(json.replace('\'', '"'));
    }

    @Test
    void identicalComponentsMergeAndConflictingOnesArePrefixedWithTheirRefs() throws Exception {
        OpenApiMerger merger = new OpenApiMerger("3.1.0", "t", "1", "d");
        merger.add("gateway", doc("""
                {'paths':{'/api/workspaces':{'get':{'operationId':'list','responses':{}}}},
                 'components':{'schemas':{'Problem':{'type':'object'},'Item':{'type':'string'},
                   'Page':{'type':'object','properties':{'item':{'$ref':'#/components/schemas/Item'}}}}}}
                """), p -> true);
        merger.add("crm", doc("""
                {'paths':{'/api/crm/contacts':{'get':{'operationId':'list','responses':{'200':{'description':'ok',
                   'content':{'application/json':{'schema':{'$ref':'#/components/schemas/Page'}}}}}}},
                          '/q/health':{'get':{}}},
                 'components':{'schemas':{'Problem':{'type':'object'},'Item':{'type':'integer'},
                   'Page':{'type':'object','properties':{'item':{'$ref':'#/components/schemas/Item'}}}}}}
                """), p -> p.startsWith("/api/crm"));
        merger.unavailable("dmp");
        JsonNode result = merger.result();

        JsonNode schemas = result.at("/components/schemas");
        assertTrue(schemas.has("Problem"));
        assertFalse(schemas.has("CrmProblem"), "identical content merges");
        assertEquals("integer", schemas.at("/CrmItem/type").asText());
        // Page is textually identical but points at a renamed Item, so it is a different schema too
        assertEquals("#/components/schemas/CrmItem", schemas.at("/CrmPage/properties/item/$ref").asText());
        assertEquals("#/components/schemas/Item", schemas.at("/Page/properties/item/$ref").asText());
        assertEquals("#/components/schemas/CrmPage", result.at(
                "/paths/~1api~1crm~1contacts/get/responses/200/content/application~1json/schema/$ref").asText());
        assertFalse(result.at("/paths").has("/q/health"));
        assertEquals("CrmList", result.at("/paths/~1api~1crm~1contacts/get/operationId").asText());
        assertEquals("dmp", result.at("/x-unavailable-services/0").asText());
        assertTrue(result.at("/paths/~1api~1crm~1contacts/get/security/0").has("secretKey"));
        assertTrue(result.at("/paths/~1api~1workspaces/get/security/0").has("adminToken"));
    }

    @Test
    void tagsMergeByName() throws Exception {
        OpenApiMerger merger = new OpenApiMerger("3.1.0", "t", "1", "d");
        merger.add("a", doc("{'tags':[{'name':'X','description':'first'}],'paths':{}}"), p -> true);
        merger.add("b", doc("{'tags':[{'name':'X','description':'second'},{'name':'Y'}],'paths':{}}"), p -> true);
        JsonNode tags = merger.result().get("tags");
        assertEquals(2, tags.size());
        assertEquals("first", tags.get(0).get("description").asText());
    }
}
