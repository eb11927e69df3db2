package org.opencdp.gateway.openapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.opencdp.gateway.proxy.ServiceRoutes;

/** The credentials the gateway accepts on a path, as OpenAPI security requirements (alternatives). */
final class PathSecurity {
    static final String WRITE_KEY = "writeKey";
    static final String SECRET_KEY = "secretKey";
    static final String ADMIN_TOKEN = "adminToken";

    private PathSecurity() {}

    static ArrayNode requirements(String path, String method) {
        ArrayNode alternatives = JsonNodeFactory.instance.arrayNode();
        if (ServiceRoutes.isWorkspaces(path)) {
            alternatives.addObject().putArray(ADMIN_TOKEN);
            if (!(path.equals(ServiceRoutes.WORKSPACES) && method.equals("post"))) {
                alternatives.addObject().putArray(SECRET_KEY);
            }
        } else if (ServiceRoutes.isManagement(path)) {
            alternatives.addObject().putArray(SECRET_KEY);
        } else {
            alternatives.addObject().putArray(WRITE_KEY);
            alternatives.addObject().putArray(SECRET_KEY);
        }
        return alternatives;
    }
}
