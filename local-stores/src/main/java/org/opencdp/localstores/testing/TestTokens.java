package org.opencdp.localstores.testing;

import java.security.KeyPair;
import java.time.Duration;
import java.util.Set;
import org.opencdp.common.auth.TokenKeys;
import org.opencdp.common.auth.WorkspaceToken;
import org.opencdp.common.auth.WorkspaceTokens;

/** Gateway tokens for tests that call a service directly, signed with the key pair of {@link TokenTestResource}. */
public final class TestTokens {
    static final KeyPair KEYS = TokenKeys.generate();

    private TestTokens() {}

    /** "Bearer ..." for a secret key of the workspace (manage + track). */
    public static String secret(String workspaceId) {
        return bearer(workspaceId, Set.of(WorkspaceToken.MANAGE, WorkspaceToken.TRACK), Duration.ofMinutes(5));
    }

    /** "Bearer ..." for a write key of the workspace (track only). */
    public static String write(String workspaceId) {
        return bearer(workspaceId, Set.of(WorkspaceToken.TRACK), Duration.ofMinutes(5));
    }

    public static String bearer(String workspaceId, Set<String> scopes, Duration ttl) {
        return "Bearer " + WorkspaceTokens.sign(KEYS.getPrivate(), workspaceId, "key-" + workspaceId, scopes, ttl);
    }

    /** A token signed by a key the service does not trust. */
    public static String forged(String workspaceId) {
        KeyPair other = TokenKeys.generate();
        return "Bearer " + WorkspaceTokens.sign(other.getPrivate(), workspaceId, "key", Set.of(WorkspaceToken.MANAGE),
                Duration.ofMinutes(5));
    }
}
