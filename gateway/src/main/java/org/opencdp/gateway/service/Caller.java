package org.opencdp.gateway.service;

import java.util.Set;
import java.util.UUID;
import org.opencdp.gateway.KeyType;

/**
 * Who is calling, as established by the gateway's authentication: the admin token (no workspace) or an API key of
 * one workspace.
 */
public record Caller(boolean admin, UUID keyId, UUID workspaceId, KeyType keyType) {
    /** Where the gateway handler leaves the caller for the JAX-RS resources (RoutingContext data). */
    public static final String ROUTING_KEY = "cdp.caller";
    public static final Caller ADMIN = new Caller(true, null, null, null);

    public static Caller key(UUID keyId, UUID workspaceId, KeyType type) {
        return new Caller(false, keyId, workspaceId, type);
    }

    public boolean canManage(UUID workspace) {
        return admin || (keyType == KeyType.SECRET && workspaceId.equals(workspace));
    }

    public Set<String> scopes() {
        return admin ? Set.of() : keyType.scopes();
    }
}
