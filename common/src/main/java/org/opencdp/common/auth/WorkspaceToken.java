package org.opencdp.common.auth;

import java.time.Instant;
import java.util.Set;

/**
 * What the gateway vouches for on a forwarded request: the workspace, the API key used and its scopes.
 * Scope {@link #TRACK} sends data (write keys), {@link #MANAGE} manages the workspace (secret keys).
 */
public record WorkspaceToken(String workspaceId, String keyId, Set<String> scopes, Instant expiresAt) {
    public static final String TRACK = "track";
    public static final String MANAGE = "manage";

    public boolean has(String scope) {
        return scopes.contains(scope);
    }
}
