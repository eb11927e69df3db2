package org.opencdp.localstores.h2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

class StringWritingTypeTest {

    @Test
    void writesTheBytesOfH2sObjectDataTypeAndReadsThemBack() {
        List<Object> values = new ArrayList<>(List.of("", "a", "p0123456789abcd", "p0123456789abcde",
                "ws|email|ann@example.com", "x".repeat(127), "y".repeat(128), "z".repeat(20_000), "\u0000",
                "\u007f", "\u0080", "é", "a€b", "emoji 😀", "?", "a?b", "\uD800", "a\uDC00b", "x\uD83D", 1, 2L, -3,
                1.5, true,
                UUID.fromString("00000000-0000-0000-0000-000000000001"), new byte[] {1, 2}));
        Random random = new Random(5);
        for (int i = 0; i < 2_000; i++) {
            values.add(randomString(random));
        }
        ObjectDataType stock = new ObjectDataType();
        StringWritingType fast = new StringWritingType();
        for (Object value : values) {
            byte[] expected = written(stock, value);
            assertArrayEquals(expected, written(fast, value), String.valueOf(value));
            Object read = fast.read(ByteBuffer.wrap(expected));
            if (value instanceof byte[] bytes) {
                assertArrayEquals(bytes, (byte[]) read);
            } else {
                assertEquals(value, read);
            }
        }
        Object[] page = values.toArray();
        WriteBuffer stockPage = new WriteBuffer();
        stock.write(stockPage, page, page.length);
        WriteBuffer fastPage = new WriteBuffer();
        fast.write(fastPage, page, page.length);
        assertArrayEquals(bytes(stockPage), bytes(fastPage), "all the values as one page");
        assertPageReadsAsStock(bytes(stockPage), page);
    }

    /**
     * A page read whole, from an array at an offset (as H2 reads a page out of a chunk's buffer), from a direct
     * buffer (the stock reader), and with a buffer that ends inside the last value (the stock reader's error).
     */
    private static void assertPageReadsAsStock(byte[] page, Object[] values) {
        byte[] shifted = new byte[page.length + 7];
        System.arraycopy(page, 0, shifted, 3, page.length);
        ByteBuffer inside = ByteBuffer.wrap(shifted, 1, page.length + 2).slice();
        inside.position(2);
        ByteBuffer direct = ByteBuffer.allocateDirect(page.length).put(page).flip();
        for (ByteBuffer buffer : List.of(inside, direct)) {
            Object[] read = new Object[values.length];
            new StringWritingType().read(buffer, read, read.length);
            for (int i = 0; i < values.length; i++) {
                if (values[i] instanceof byte[] bytes) {
                    assertArrayEquals(bytes, (byte[]) read[i]);
                } else {
                    assertEquals(values[i], read[i], "value " + i);
                }
            }
            assertEquals(inside == buffer ? page.length + 2 : page.length, buffer.position(), "all read, no more");
        }
        byte[] cut = written(new ObjectDataType(), "ws|email|ann@example.com");
        ByteBuffer shortBuffer = ByteBuffer.wrap(cut, 0, cut.length - 1);
        assertThrows(BufferUnderflowException.class, () -> new StringWritingType().read(shortBuffer));
    }

    @Test
    void writesAPageOfKeysAsTheStockTypeDoes() {
        Object[] keys = {"p1", "ws|email|b@example.com", "é", 7, "q".repeat(40)};
        WriteBuffer stock = new WriteBuffer();
        new ObjectDataType().write(stock, keys, keys.length);
        WriteBuffer fast = new WriteBuffer();
        new DocumentKeyType().write(fast, keys, keys.length);
        assertArrayEquals(bytes(stock), bytes(fast));
    }

    private static String randomString(Random random) {
        int length = random.nextInt(random.nextBoolean() ? 20 : 300);
        StringBuilder s = new StringBuilder(length);
        boolean ascii = random.nextInt(4) > 0;
        for (int i = 0; i < length; i++) {
            s.append(ascii ? (char) random.nextInt(0x80) : (char) random.nextInt(0x10000));
        }
        return s.toString();
    }

    private static byte[] written(ObjectDataType type, Object value) {
        WriteBuffer buffer = new WriteBuffer();
        type.write(buffer, value);
        return bytes(buffer);
    }

    private static byte[] bytes(WriteBuffer buffer) {
        ByteBuffer b = buffer.getBuffer();
        byte[] out = new byte[b.position()];
        b.flip();
        b.get(out);
        return out;
    }
}
