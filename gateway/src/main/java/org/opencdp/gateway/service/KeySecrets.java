package org.opencdp.gateway.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.opencdp.gateway.KeyType;

/** Generation, hashing and recognition of API keys: "wk_" or "sk_" followed by 32 url-safe random characters. */
public final class KeySecrets {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern FORMAT = Pattern.compile("(wk|sk)_[A-Za-z0-9_-]{32}");

    private KeySecrets() {}

    public static String generate(KeyType type) {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return type.prefix() + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether the text has the shape of a key (a cheap filter before any lookup). */
    public static boolean looksLikeKey(String text) {
        return text != null && FORMAT.matcher(text).matches();
    }

    public static String hash(String key) {
        return HexFormat.of().formatHex(sha256(key));
    }

    public static String last4(String key) {
        return key.substring(key.length() - 4);
    }

    /** Compares two secrets in time independent of where they differ (and of their lengths). */
    public static boolean sameSecret(String a, String b) {
        return MessageDigest.isEqual(sha256(a), sha256(b));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
