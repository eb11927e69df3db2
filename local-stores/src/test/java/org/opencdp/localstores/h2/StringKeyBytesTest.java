package org.opencdp.localstores.h2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.util.List;
import java.util.Random;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

/**
 * The hand-built key bytes are exactly Java serialisation's, for every kind of character, and serialised keys of one
 * string are told from all others.
 */
class StringKeyBytesTest {

    @Test
    void sameBytesAsJavaSerialisation() {
        List<String> samples = List.of("", "a", "ws|userId|u-1", "p174ad501db2936281e83ea85", "nul\u0000in",
                "é ü ß", "中文 ключ", "emoji \uD83D\uDE00 pair", "\u07FF\u0800\uFFFF", "x".repeat(21_845 * 3));
        for (String s : samples) {
            assertArrayEquals(ObjectDataType.serialize(new KeyValue(s)), StringKeyBytes.of(s), s);
        }
        Random random = new Random(7);
        for (int n = 0; n < 2_000; n++) {
            StringBuilder b = new StringBuilder();
            for (int i = random.nextInt(40); i > 0; i--) {
                b.append((char) random.nextInt(random.nextBoolean() ? 0x80 : 0x10000));
            }
            String s = b.toString();
            assertArrayEquals(ObjectDataType.serialize(new KeyValue(s)), StringKeyBytes.of(s), s);
        }
    }

    @Test
    void keysOfOneStringAreRecognisedAndNoOthers() {
        for (String s : List.of("", "a", "ws|email|a@b.org", "é ü ß", "x".repeat(21_845 * 3))) {
            assertTrue(StringKeyBytes.isOneString(ObjectDataType.serialize(new KeyValue(s))), s);
        }
        for (KeyValue other : List.of(new KeyValue(42), new KeyValue(42L), new KeyValue("a", "b"),
                new KeyValue(new ObjectId()), new KeyValue(new Document("a", "b")), new KeyValue("x".repeat(70_000)))) {
            assertFalse(StringKeyBytes.isOneString(ObjectDataType.serialize(other)), other.toString());
        }
        byte[] key = StringKeyBytes.of("ws|email|a@b.org");
        assertFalse(StringKeyBytes.isOneString(java.util.Arrays.copyOf(key, key.length - 1)));
        assertFalse(StringKeyBytes.isOneString(java.util.Arrays.copyOf(key, key.length + 1)));
    }

    @Test
    void tooLongForTheShortFormIsLeftToJavaSerialisation() {
        assertNull(StringKeyBytes.of("x".repeat(70_000)));
    }
}
