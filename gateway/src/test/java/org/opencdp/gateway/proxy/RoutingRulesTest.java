package org.opencdp.gateway.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class RoutingRulesTest {

    @Test
    void pathsGoToTheServiceThatOwnsThem() {
        assertEquals(Optional.of(Service.PROFILE), ServiceRoutes.resolve("/v1/track"));
        assertEquals(Optional.of(Service.DMP), ServiceRoutes.resolve("/dmp/v1/collect"));
        assertEquals(Optional.of(Service.DMP), ServiceRoutes.resolve("/api/dmp/audiences"));
        assertEquals(Optional.of(Service.CRM), ServiceRoutes.resolve("/api/crm"));
        assertEquals(Optional.of(Service.PROFILE), ServiceRoutes.resolve("/api/profiles/p1"));
        assertEquals(Optional.of(Service.PROFILE), ServiceRoutes.resolve("/api/privacy/requests"));
        assertEquals(Optional.of(Service.SEGMENT), ServiceRoutes.resolve("/api/segments"));
        assertEquals(Optional.of(Service.SEGMENT), ServiceRoutes.resolve("/api/destinations/d1"));
        assertEquals(Optional.empty(), ServiceRoutes.resolve("/api/crmx"));
        assertEquals(Optional.empty(), ServiceRoutes.resolve("/api/workspaces"));
        assertTrue(ServiceRoutes.isWorkspaces("/api/workspaces/1/keys"));
        assertFalse(ServiceRoutes.isWorkspaces("/api/workspacesx"));
        assertTrue(ServiceRoutes.isGatewayPath("/dmp"));
        assertFalse(ServiceRoutes.isGatewayPath("/q/openapi"));
        assertFalse(ServiceRoutes.isGatewayPath("/v10/x"));
    }

    @Test
    void serviceUrlsAreParsed() {
        ServiceRoutes.Endpoint endpoint = ServiceRoutes.Endpoint.parse("crm", "https://crm.internal/base/");
        assertEquals(new ServiceRoutes.Endpoint("crm.internal", 443, true, "/base"), endpoint);
        assertEquals(8081, ServiceRoutes.Endpoint.parse("crm", "http://localhost:8081").port());
    }

    @Test
    void aWriteKeyInTheQueryIsNotForwarded() {
        assertEquals("a=1&b=2", QueryStrings.without("a=1&writeKey=wk_x&b=2", "writeKey"));
        assertEquals("writeKeys=1", QueryStrings.without("writeKeys=1&writeKey", "writeKey"));
    }
}
