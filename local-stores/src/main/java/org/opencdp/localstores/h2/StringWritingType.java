package org.opencdp.localstores.h2;

import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

/**
 * H2's {@code ObjectDataType} with a faster writer for strings: the same bytes (a tag with the length, then one byte
 * per ASCII character; checked in the tests), but a string of ASCII characters goes into the page buffer in one copy
 * instead of one buffer write per character. Every save rewrites each changed page with all its keys (documents'
 * {@code _id}s) and the positions of unique indexes (their {@code _id}s again): the stock writer was 8% of the
 * store's time under ingestion. Other values, and strings with other characters, are written by the stock type.
 */
class StringWritingType extends ObjectDataType {
    /** {@code ObjectDataType.TAG_STRING_0_15}: a string of 0 to 15 characters, the length in the tag. */
    private static final int TAG_SHORT_STRING = 88;
    /** {@code ObjectDataType.TYPE_STRING}: a longer string, the length follows as a var-int. */
    private static final int TYPE_STRING = 11;
    private static final int SHORT_LENGTH = 15;

    @Override
    public void write(WriteBuffer buffer, Object value) {
        if (!(value instanceof String s) || !writeAscii(buffer, s)) {
            super.write(buffer, value);
        }
    }

    /** The keys or values of a page: runs of ASCII strings are encoded into one array and copied in once. */
    @Override
    public void write(WriteBuffer buffer, Object storage, int length) {
        Object[] values = cast(storage);
        int i = 0;
        while (i < length) {
            int end = i;
            int size = 0;
            while (end < length && values[end] instanceof String s && isAscii(s)) {
                size += s.length() + 6;
                end++;
            }
            if (end == i) {
                super.write(buffer, values[i++]);
                continue;
            }
            byte[] bytes = new byte[size];
            int p = 0;
            for (; i < end; i++) {
                p = encode((String) values[i], bytes, p);
            }
            buffer.put(bytes, 0, p);
        }
    }

    /** Writes {@code s} as the stock type would when it is all ASCII; false (nothing written) otherwise. */
    private static boolean writeAscii(WriteBuffer buffer, String s) {
        if (!isAscii(s)) {
            return false;
        }
        byte[] bytes = new byte[s.length() + 6];
        buffer.put(bytes, 0, encode(s, bytes, 0));
        return true;
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** The tag, the length and the characters of an ASCII string at {@code p}; the position after them. */
    @SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int) drops the high byte: none in ASCII
    private static int encode(String s, byte[] out, int p) {
        int length = s.length();
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
        s.getBytes(0, length, out, p);
        return p + length;
    }
}
