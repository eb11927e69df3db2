package org.opencdp.common.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WorkspaceTokensTest {
    private static final KeyPair KEYS = TokenKeys.generate();

    @Test
    void signedTokenVerifiesWithItsClaims() {
        String jwt = WorkspaceTokens.sign(KEYS.getPrivate(), "ws-1", "key-1", Set.of("manage", "track"),
                Duration.ofMinutes(5));
        WorkspaceToken token = WorkspaceTokens.verifier(KEYS.getPublic()).verify(jwt);
        assertNotNull(token);
        assertEquals("ws-1", token.workspaceId());
        assertEquals("key-1", token.keyId());
        assertEquals(Set.of("manage", "track"), token.scopes());
        assertTrue(token.has(WorkspaceToken.MANAGE));
    }

    @Test
    void tokenOfAnotherKeyExpiredOrTamperedIsRefused() {
        String other = WorkspaceTokens.sign(TokenKeys.generate().getPrivate(), "ws-1", "k", Set.of("manage"),
                Duration.ofMinutes(5));
        String expired = WorkspaceTokens.sign(KEYS.getPrivate(), "ws-1", "k", Set.of("manage"), Duration.ofMinutes(-2));
        String good = WorkspaceTokens.sign(KEYS.getPrivate(), "ws-1", "k", Set.of("track"), Duration.ofMinutes(5));
        String[] parts = good.split("\\.");
        String tampered = parts[0] + "." + parts[1].substring(0, parts[1].length() - 2) + "AA." + parts[2];
        WorkspaceTokens.Verifier verifier = WorkspaceTokens.verifier(KEYS.getPublic());
        assertNull(verifier.verify(other));
        assertNull(verifier.verify(expired));
        assertNull(verifier.verify(tampered));
        assertNull(verifier.verify("not-a-jwt"));
        assertNull(verifier.verify(good.split("\\.")[0] + "." + good.split("\\.")[1] + "."));
    }

    @Test
    void keysRoundTripThroughPemAndEnvironmentStyleNewlines() {
        String pem = TokenKeys.toPem(KEYS.getPublic());
        assertEquals(KEYS.getPublic(), TokenKeys.publicKey(pem));
        assertEquals(KEYS.getPublic(), TokenKeys.publicKey(pem.replace("\n", "\\n")));
        assertEquals(KEYS.getPrivate(), TokenKeys.privateKey(TokenKeys.toPem(KEYS.getPrivate())));
        assertThrows(IllegalArgumentException.class, () -> TokenKeys.publicKey("garbage"));
    }
}
