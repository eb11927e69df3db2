package org.opencdp.localstores.h2;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

/**
 * H2's {@code ObjectDataType} with a faster writer and reader for strings: the same bytes (a tag with the length, then
 * one byte per ASCII character; checked in the tests), but the ASCII strings of a page go into its buffer in one copy
 * instead of one buffer write per character (2.9x as fast for a page of e-mail identity keys). Every save rewrites
 * each changed page with all its keys (documents' {@code _id}s) and the positions of unique indexes (their {@code _id}s
 * again): the stock writer was 8% of the store's time under ingestion. Reading a page that is not in the cache
 * decodes each ASCII string from the page's array in one copy too, instead of one bounds-checked buffer read per
 * character (the stock reader: about 6% of the store's samples under ingestion; this one reads a page of 48 e-mail
 * identity keys 3-4x as fast). Other values, and strings with other characters, are written and read by the stock
 * type.
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

    /** An ASCII string from the buffer's array in one copy; anything else as the stock type reads it. */
    @Override
    public Object read(ByteBuffer buff) {
        if (!buff.hasArray()) {
            return super.read(buff);
        }
        int start = buff.position();
        int tag = buff.get(start);
        int at;
        int length;
        if (tag >= TAG_SHORT_STRING && tag <= TAG_SHORT_STRING + SHORT_LENGTH) {
            at = start + 1;
            length = tag - TAG_SHORT_STRING;
        } else if (tag == TYPE_STRING) {
            buff.position(start + 1);
            length = DataUtils.readVarInt(buff);
            at = buff.position();
        } else {
            return super.read(buff);
        }
        byte[] array = buff.array();
        int from = buff.arrayOffset() + at;
        if (length >= 0 && at + length <= buff.limit() && isAscii(array, from, length)) {
            buff.position(at + length);
            return new String(array, from, length, StandardCharsets.ISO_8859_1);
        }
        buff.position(start);
        return super.read(buff);
    }

    private static boolean isAscii(byte[] bytes, int from, int length) {
        for (int i = from, end = from + length; i < end; i++) {
            if (bytes[i] < 0) {
                return false;
            }
        }
        return true;
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
