package org.opencdp.profile.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/** Deterministic keys of the store. */
public final class Ids {
    private Ids() {}

    public static String identity(String ws, String type, String value) {
        return ws + '|' + type + '|' + value;
    }

    public static String message(String ws, String messageId) {
        return ws + '|' + messageId;
    }

    public static String contribution(String ws, String source, String recordId) {
        return ws + '|' + source + '|' + recordId;
    }

    /**
     * The id of a profile created for an identifier: derived from it, so that parallel first messages about the
     * same person compute the same profile.
     */
    public static String profileFor(String ws, String type, String value) {
        return "p" + hash(identity(ws, type, value), 12);
    }

    public static String merge(String ws, String loserId, long loserVersion, String survivorId) {
        return "m" + hash(ws + '|' + loserId + '|' + loserVersion + '|' + survivorId, 10);
    }

    public static String random(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "");
    }

    public static String hash(String s, int bytes) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
