package org.opencdp.localstores.h2;

import de.bwaldvogel.mongo.backend.KeyValue;
import java.util.Arrays;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The Java-serialised form of a one-string {@link KeyValue} (the key of every {@code _id} lookup by string), built
 * without an ObjectOutputStream: the serialised form of a template key around the string's own
 * {@code TC_STRING, length, modified UTF-8} bytes. Byte for byte what {@link ObjectDataType#serialize} gives (checked
 * in the tests), several times cheaper.
 */
final class StringKeyBytes {
    private static final byte TC_STRING = 0x74;
    private static final String MARKER = "opencdp-string-key-marker";
    private static final byte[] PREFIX;
    private static final byte[] SUFFIX;

    static {
        byte[] template = ObjectDataType.serialize(new KeyValue(MARKER));
        byte[] marker = encode(MARKER);
        int at = indexOf(template, marker);
        if (at < 0) {
            throw new IllegalStateException("Unexpected serialised form of a KeyValue");
        }
        PREFIX = Arrays.copyOf(template, at);
        SUFFIX = Arrays.copyOfRange(template, at + marker.length, template.length);
    }

    private StringKeyBytes() {}

    /** The serialised key holding just {@code value}, or null when the string is too long for a short UTF form. */
    static byte[] of(String value) {
        byte[] string = encode(value);
        if (string == null) {
            return null;
        }
        byte[] out = new byte[PREFIX.length + string.length + SUFFIX.length];
        System.arraycopy(PREFIX, 0, out, 0, PREFIX.length);
        System.arraycopy(string, 0, out, PREFIX.length, string.length);
        System.arraycopy(SUFFIX, 0, out, PREFIX.length + string.length, SUFFIX.length);
        return out;
    }

    /** True when the bytes are what {@link #of} gives for some string (a serialised key of one string). */
    static boolean isOneString(byte[] bytes) {
        int at = PREFIX.length;
        if (bytes.length < at + 3 + SUFFIX.length || !Arrays.equals(bytes, 0, at, PREFIX, 0, at)
                || bytes[at] != TC_STRING) {
            return false;
        }
        int length = (bytes[at + 1] & 0xFF) << 8 | bytes[at + 2] & 0xFF;
        int end = at + 3 + length;
        return bytes.length == end + SUFFIX.length
                && Arrays.equals(bytes, end, bytes.length, SUFFIX, 0, SUFFIX.length);
    }

    /** TC_STRING, the 16-bit length and the modified UTF-8 bytes, as ObjectOutputStream writes a short string. */
    private static byte[] encode(String s) {
        int length = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            length += c >= 0x0001 && c <= 0x007F ? 1 : c <= 0x07FF ? 2 : 3;
        }
        if (length > 0xFFFF) {
            return null;
        }
        byte[] out = new byte[3 + length];
        out[0] = TC_STRING;
        out[1] = (byte) (length >>> 8);
        out[2] = (byte) length;
        int p = 3;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x0001 && c <= 0x007F) {
                out[p++] = (byte) c;
            } else if (c <= 0x07FF) {
                out[p++] = (byte) (0xC0 | (c >> 6) & 0x1F);
                out[p++] = (byte) (0x80 | c & 0x3F);
            } else {
                out[p++] = (byte) (0xE0 | (c >> 12) & 0x0F);
                out[p++] = (byte) (0x80 | (c >> 6) & 0x3F);
                out[p++] = (byte) (0x80 | c & 0x3F);
            }
        }
        return out;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        return -1;
    }
}
