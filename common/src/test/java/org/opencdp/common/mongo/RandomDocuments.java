package org.opencdp.common.mongo;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;

/**
 * Random documents of the value types {@link BsonBytes} writes and {@link BsonParser} reads, nested up to a depth,
 * with an {@code _id} anywhere in a document or none.
 */
final class RandomDocuments {
    private RandomDocuments() {}

    static Document document(Random random, int depth) {
        Document document = new Document();
        for (int i = random.nextInt(8); i > 0; i--) {
            document.append(random.nextInt(4) == 0 ? "_id" : "f" + random.nextInt(20), value(random, depth));
        }
        return document;
    }

    private static Object value(Random random, int depth) {
        switch (random.nextInt(depth > 0 ? 11 : 9)) {
            case 0: return null;
            case 1: return random.nextInt();
            case 2: return random.nextLong();
            case 3: return random.nextDouble() * 1e6;
            case 4: return random.nextBoolean();
            case 5: return new Date(random.nextLong() % 4_000_000_000_000L);
            case 6: return string(random);
            case 7: return new ObjectId(new Date(random.nextInt(Integer.MAX_VALUE) * 1000L), random.nextInt(1 << 23));
            case 8: return Decimal128.parse(Long.toString(random.nextLong()));
            case 9: return document(random, depth - 1);
            default: {
                List<Object> list = new ArrayList<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    list.add(value(random, depth - 1));
                }
                return list;
            }
        }
    }

    /** ASCII, NUL and other characters below the surrogates, of one to three UTF-8 bytes. */
    private static String string(Random random) {
        StringBuilder s = new StringBuilder();
        for (int i = random.nextInt(12); i > 0; i--) {
            s.append((char) (random.nextBoolean() ? 'a' + random.nextInt(26) : random.nextInt(0xD000)));
        }
        return s.toString();
    }
}
