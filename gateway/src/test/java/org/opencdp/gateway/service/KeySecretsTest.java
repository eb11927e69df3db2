package org.opencdp.gateway.service;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.opencdp.gateway.KeyType;

class KeySecretsTest {
    @Test
    void generatedKeysOfEitherTypeLookLikeKeys() {
        for (int i = 0; i < 200; i++) {
            assertTrue(KeySecrets.looksLikeKey(KeySecrets.generate(KeyType.WRITE)));
            assertTrue(KeySecrets.looksLikeKey(KeySecrets.generate(KeyType.SECRET)));
        }
        assertTrue(KeySecrets.looksLikeKey("wk_" + "aZ09_-".repeat(5) + "ab"));
    }

    @Test
    void anythingElseDoesNot() {
        String random = "A".repeat(32);
        assertFalse(KeySecrets.looksLikeKey(null));
        assertFalse(KeySecrets.looksLikeKey(""));
        assertFalse(KeySecrets.looksLikeKey("xk_" + random), "unknown prefix");
        assertFalse(KeySecrets.looksLikeKey("wj_" + random));
        assertFalse(KeySecrets.looksLikeKey("sk-" + random));
        assertFalse(KeySecrets.looksLikeKey("sk_" + random.substring(1)), "too short");
        assertFalse(KeySecrets.looksLikeKey("sk_" + random + "A"), "too long");
        assertFalse(KeySecrets.looksLikeKey("sk_" + random.substring(1) + "+"), "not url-safe");
        assertFalse(KeySecrets.looksLikeKey("sk_" + random.substring(1) + "é"));
        assertFalse(KeySecrets.looksLikeKey("my-admin-token"));
    }
}
