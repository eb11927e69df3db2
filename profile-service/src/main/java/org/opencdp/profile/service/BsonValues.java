package org.opencdp.profile.service;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * Turns JSON values into what MongoDB stores safely: map keys without dots or a leading {@code $} (replaced by
 * {@code _}), big numbers as long/double, nested maps as documents.
 */
public final class BsonValues {
    private BsonValues() {}

    public static String safeKey(String key) {
        if (key == null || key.isEmpty()) {
            return "_";
        }
        String k = key.indexOf('.') >= 0 ? key.replace('.', '_') : key;
        return k.charAt(0) == '$' ? "_" + k.substring(1) : k;
    }

    public static Document document(Map<String, ?> map) {
        Document d = new Document();
        if (map != null) {
            map.forEach((k, v) -> d.put(safeKey(k), value(v)));
        }
        return d;
    }

    public static Object value(Object v) {
        if (v instanceof Map<?, ?> m) {
            Document d = new Document();
            m.forEach((k, x) -> d.put(safeKey(String.valueOf(k)), value(x)));
            return d;
        }
        if (v instanceof Collection<?> c) {
            List<Object> out = new ArrayList<>(c.size());
            c.forEach(x -> out.add(value(x)));
            return out;
        }
        if (v instanceof BigInteger b) {
            return b.bitLength() < 64 ? (Object) b.longValue() : b.toString();
        }
        if (v instanceof BigDecimal b) {
            return b.doubleValue();
        }
        if (v instanceof Instant i) {
            return Date.from(i);
        }
        return v;
    }

    /** A stored document as plain JSON-friendly maps (dates as ISO instants). */
    public static Object plain(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(String.valueOf(k), plain(x)));
            return out;
        }
        if (v instanceof Collection<?> c) {
            List<Object> out = new ArrayList<>(c.size());
            c.forEach(x -> out.add(plain(x)));
            return out;
        }
        if (v instanceof Date d) {
            return d.toInstant().toString();
        }
        return v;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> plainMap(Object v) {
        Object p = plain(v);
        return p instanceof Map<?, ?> m ? (Map<String, Object>) m : new LinkedHashMap<>();
    }

    public static double number(Object v) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof String s) {
            try {
                return Double.parseDouble(s.strip());
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
        return Double.NaN;
    }
}
