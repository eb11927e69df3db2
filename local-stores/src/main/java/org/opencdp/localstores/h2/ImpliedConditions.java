package org.opencdp.localstores.h2;

import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import java.util.Map;

/**
 * The field conditions a query implies, as one flat document for choosing an index: its top-level fields plus those
 * of its {@code $and} clauses, at any depth (the Java driver renders {@code Filters.and(...)} as {@code $and} always).
 * Two range conditions on one field merge ({@code $gte} and {@code $lt} become one range); of other conditions on one
 * field the first is kept. Every condition kept is implied by the query, so an index that narrows the candidates by
 * them never loses a match; the collection still matches each candidate against the whole query.
 */
final class ImpliedConditions {
    private ImpliedConditions() {}

    static Document of(Document query) {
        if (!query.containsKey("$and")) {
            return query;
        }
        Document out = new Document();
        collect(query, out);
        return out;
    }

    private static void collect(Document query, Document out) {
        for (Map.Entry<String, Object> e : query.entrySet()) {
            String key = e.getKey();
            if (key.equals("$and") && e.getValue() instanceof List<?> clauses) {
                for (Object clause : clauses) {
                    if (clause instanceof Document d) {
                        collect(d, out);
                    }
                }
            } else if (!key.startsWith("$")) {
                Object existing = out.get(key);
                if (existing == null && !out.containsKey(key)) {
                    out.put(key, e.getValue());
                } else if (existing instanceof Document a && e.getValue() instanceof Document b && isOperators(a)
                        && isOperators(b)) {
                    Document merged = new Document(a);
                    b.forEach(merged::putIfAbsent);
                    out.put(key, merged);
                }
            }
        }
    }

    private static boolean isOperators(Document d) {
        return !d.isEmpty() && d.keySet().stream().allMatch(k -> k.startsWith("$"));
    }
}
