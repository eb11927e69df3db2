package org.opencdp.localstores.h2;

import java.nio.charset.StandardCharsets;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

/**
 * H2's {@code ObjectDataType} with a faster writer for strings: the same bytes (a tag with the length, then one byte
 * per ASCII character; checked in the tests), but the ASCII strings of a page go into its buffer in one copy instead
 * of one buffer write per character (2.9x as fast for a page of e-mail identity keys). Every save rewrites each
 * changed page with all its keys (documents' {@code _id}s) and the positions of unique indexes (their {@code _id}s
 * again): the stock writer was 8% of the store's time under ingestion. Other values, and strings with other
 * characters, are written by the stock type.
 */
class StringWritingType extends ObjectDataType {
    /** {@code ObjectDataType.TAG_STRING_0_15}: a string of 0 to 15 characters, the length in the tag. */
    private static final int TAG_SHORT_STRING = 88;
    /** {@code ObjectDataType.TYPE_STRING}: a longer string, the length follows as a var-int. */
    private static final int TYPE_STRING = 11;
    private static final int SHORT_LENGTH = 15;
    /** A tag and a var-int length of up to five bytes. */
    private static final int HEADER_MAX = 6;

    @Override
    public void write(WriteBuffer buffer, Object value) {
        byte[] ascii = value instanceof String s ? asciiBytes(s) : null;
        if (ascii == null) {
            super.write(buffer, value);
            return;
        }
        byte[] out = new byte[ascii.length + HEADER_MAX];
        buffer.put(out, 0, encode(ascii, out, 0));
    }

    /** The keys or values of a page: runs of ASCII strings are encoded into one array and copied in once. */
    @Override
    public void write(WriteBuffer buffer, Object storage, int length) {
        Object[] values = cast(storage);
        byte[][] ascii = new byte[length][];
        int i = 0;
        while (i < length) {
            int end = i;
            int size = 0;
            while (end < length && values[end] instanceof String s && (ascii[end] = asciiBytes(s)) != null) {
                size += ascii[end].length + HEADER_MAX;
                end++;
            }
            if (end == i) {
                super.write(buffer, values[i++]);
                continue;
            }
            byte[] out = new byte[size];
            int p = 0;
            for (; i < end; i++) {
                p = encode(ascii[i], out, p);
            }
            buffer.put(out, 0, p);
        }
    }

    /**
     * The string's bytes when all its characters are ASCII, else null. The JDK's UTF-8 encoder copies an all-ASCII
     * string's bytes at once; a string with other characters comes out longer, except that a lone surrogate comes
     * out as one '?', which is checked.
     */
    private static byte[] asciiBytes(String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        if (bytes.length != s.length()) {
            return null;
        }
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '?' && s.charAt(i) != '?') {
                return null;
            }
        }
        return bytes;
    }

    /** The tag, the length and the bytes of an ASCII string at {@code p}; the position after them. */
    private static int encode(byte[] ascii, byte[] out, int p) {
        int length = ascii.length;
        if (length <= SHORT_LENGTH) {
            out[p++] = (byte) (TAG_SHORT_STRING + length);
        } else {
            out[p++] = (byte) TYPE_STRING;
            for (int x = length; ; x >>>= 7) { // var-int, as DataUtils.writeVarInt
                if ((x & ~0x7F) == 0) {
                    out[p++] = (byte) x;
                    break;
                }
                out[p++] = (byte) (0x80 | x & 0x7F);
            }
        }
        System.arraycopy(ascii, 0, out, p, length);
        return p + length;
    }
}
