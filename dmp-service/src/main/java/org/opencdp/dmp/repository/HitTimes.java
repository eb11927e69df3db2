package org.opencdp.dmp.repository;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.types.Binary;

/**
 * The hit times a visitor keeps per category, stored as one binary value of big-endian epoch milliseconds instead of
 * an array of dates: up to 50 hits for each of a visitor's categories made the array form most of a visitor document's
 * elements, and every element costs its own decoding and encoding on each read and compare-and-set write (in the
 * service, on the wire and in the store). Visitors stored with the array form are still read.
 */
final class HitTimes {
    private HitTimes() {}

    static byte[] pack(List<Instant> hits) {
        ByteBuffer buffer = ByteBuffer.allocate(hits.size() * Long.BYTES);
        hits.forEach(h -> buffer.putLong(h.toEpochMilli()));
        return buffer.array();
    }

    static List<Instant> unpack(Object stored) {
        if (stored instanceof Binary binary) {
            return unpack(binary.getData());
        }
        if (stored instanceof byte[] bytes) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            List<Instant> hits = new ArrayList<>(bytes.length / Long.BYTES);
            while (buffer.remaining() >= Long.BYTES) {
                hits.add(Instant.ofEpochMilli(buffer.getLong()));
            }
            return List.copyOf(hits);
        }
        if (stored instanceof List<?> dates) {
            return dates.stream().map(d -> ((Date) d).toInstant()).toList();
        }
        return List.of();
    }
}
