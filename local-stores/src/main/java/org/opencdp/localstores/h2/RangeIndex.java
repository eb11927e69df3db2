package org.opencdp.localstores.h2;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.regex.Pattern;

/**
 * A non-unique (secondary or TTL) index for the H2 backend, which mongo-java-server leaves unimplemented (every query
 * on another field than a unique index scans the collection). Kept in memory, ordered by MongoDB's value order, and
 * rebuilt from the documents when the store opens (mongo-java-server fills an empty index on open). It answers a
 * query that constrains a prefix of its keys by equality, optionally followed by a range ({@code $gt $gte $lt $lte})
 * on the next key, at the top level or inside {@code $and} ({@link ImpliedConditions}); other conditions of the
 * query are checked on the documents it yields, so it only narrows a scan.
 * Positions of the H2 backend are the documents' {@code _id} values.
 */
final class RangeIndex extends Index<Object> {
    private static final Object LOW = IndexEntry.LOW;
    private static final Object HIGH = IndexEntry.HIGH;
    private static final Set<String> RANGE_OPERATORS = Set.of("$gt", "$gte", "$lt", "$lte");
    /** A field missing from the document (or from a sub-document on its path). */
    private static final Object ABSENT = new Object();
    /** A path through something else than sub-documents (an array, a value). */
    private static final Object NOT_PLAIN = new Object();
    private final NavigableSet<IndexEntry> entries = new ConcurrentSkipListSet<>(IndexEntry.ORDER);

    /** For a one-key, non-sparse index on {@code array.field} (such as {@code aud.id}): its two parts, else null. */
    private final String arrayPath;
    private final String arrayField;
    /** The keys' paths, split at the dots. */
    private final String[][] paths;

    RangeIndex(String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.paths = keys.stream().map(k -> k.getKey().split("\\.")).toArray(String[][]::new);
        String key = keys.get(0).getKey();
        int dot = keys.size() == 1 && !sparse ? key.indexOf('.') : -1;
        boolean arrayKey = dot > 0 && key.indexOf('.', dot + 1) < 0;
        this.arrayPath = arrayKey ? key.substring(0, dot) : null;
        this.arrayField = arrayKey ? key.substring(dot + 1) : null;
    }

    /**
     * The position of a stored document (mongo-java-server asks every index before each update): its {@code _id},
     * without a search.
     */
    @Override
    public Object getPosition(Document document) {
        return positionOf(document);
    }

    @Override
    public void checkAdd(Document document, MongoCollection<Object> collection) {
        // not unique: nothing can conflict
    }

    @Override
    public void add(Document document, Object position, MongoCollection<Object> collection) {
        for (Object[] key : keysOf(document)) {
            insert(key, position);
        }
    }

    private void insert(Object[] key, Object position) {
        entries.add(new IndexEntry(shared(key), position));
    }

    /**
     * The key with its strings replaced by their canonical instances ({@link String#intern()}, which the JVM drops
     * once nothing refers to them). The events of one visitor, workspace or batch repeat the same values, and each
     * document's own decoded copy would otherwise stay on the heap as long as its entry: half of a million events'
     * index memory. (Sharing the instances of the key's neighbour in the index instead cost a second search of the
     * index per insert, a twentieth of the store's time under ingestion.) Keys searched for removal are shared too,
     * so that {@link IndexEntry} can compare their first values by identity.
     */
    private static Object[] shared(Object[] key) {
        for (int i = 0; i < key.length; i++) {
            if (key[i] instanceof String s) {
                key[i] = s.intern();
            }
        }
        return key;
    }

    @Override
    public Object remove(Document document) {
        Object position = positionOf(document);
        for (Object[] key : keysOf(document)) {
            entries.remove(new IndexEntry(shared(key), position));
        }
        return position;
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
        // not unique: nothing can conflict
    }

    @Override
    public void updateInPlace(Document oldDocument, Document newDocument, Object position,
            MongoCollection<Object> collection) {
        List<Object[]> before = keysOf(oldDocument);
        List<Object[]> after = keysOf(newDocument);
        if (sameKeys(before, after)) {
            return;
        }
        Object oldPosition = positionOf(oldDocument);
        for (Object[] key : before) {
            entries.remove(new IndexEntry(shared(key), oldPosition));
        }
        for (Object[] key : after) {
            insert(key, position);
        }
    }

    @Override
    public boolean canHandle(Document query) {
        return !bounds(query).isEmpty();
    }

    @Override
    public Iterable<Object> getPositions(Document query) {
        List<Object[]> bounds = bounds(query);
        NavigableSet<IndexEntry> range = entries.subSet(new IndexEntry(bounds.get(0), LOW), true,
                new IndexEntry(bounds.get(1), HIGH), true);
        return () -> range.stream().map(e -> e.position).distinct().iterator();
    }

    /** The keys held, in index order (for tests). */
    java.util.stream.Stream<Object[]> storedKeys() {
        return entries.stream().map(IndexEntry::values);
    }

    @Override
    public long getCount() {
        return entries.size();
    }

    @Override
    public boolean isEmpty() {
        return entries.isEmpty();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }

    @Override
    public void drop() {
        entries.clear();
    }

    private boolean skips(Document document) {
        return isSparse() && keys().stream().allMatch(k -> Utils.getSubdocumentValue(document, k) == null);
    }

    /**
     * The document's keys in this index (none when a sparse index skips it). String and date fields at the top level or
     * in sub-documents, the usual case, are read directly, as is a sparse index's document that has none of its
     * fields; anything else (arrays on the path, numbers, missing fields) goes through mongo-java-server's key
     * extraction, which spreads arrays into one key per element and normalises values.
     */
    private List<Object[]> keysOf(Document document) {
        Object[] direct = new Object[paths.length];
        boolean plain = true;
        boolean absent = true;
        for (int i = 0; i < paths.length; i++) {
            Object value = valueAt(document, paths[i]);
            plain &= value instanceof String || value instanceof Instant;
            absent &= value == ABSENT;
            direct[i] = value;
        }
        if (plain) {
            return List.<Object[]>of(direct);
        }
        if (absent && isSparse()) {
            return List.of();
        }
        List<Object[]> elements = keysOfArrayField(document);
        if (elements != null) {
            return elements;
        }
        if (skips(document)) {
            return List.of();
        }
        Set<KeyValue> values = getKeyValues(document);
        List<Object[]> out = new ArrayList<>(values.size());
        for (KeyValue key : values) {
            out.add(values(key));
        }
        return out;
    }

    /**
     * For a one-key index on {@code array.field} (such as {@code aud.id}): one key per distinct string of the array's
     * documents, none for an empty array; null when the document is shaped otherwise.
     */
    private List<Object[]> keysOfArrayField(Document document) {
        if (arrayPath == null || !(document.get(arrayPath) instanceof List<?> list)) {
            return null;
        }
        List<Object[]> out = new ArrayList<>(list.size());
        Set<String> seen = new HashSet<>();
        for (Object element : list) {
            if (!(element instanceof Document d) || !(d.get(arrayField) instanceof String value)) {
                return null;
            }
            if (seen.add(value)) {
                out.add(new Object[] {value});
            }
        }
        return out;
    }

    /** The value at the path, {@link #ABSENT} or {@link #NOT_PLAIN}. */
    private static Object valueAt(Document document, String[] path) {
        Object value = document;
        for (String part : path) {
            if (!(value instanceof Document d)) {
                return NOT_PLAIN;
            }
            value = d.get(part);
            if (value == null && !d.containsKey(part)) {
                return ABSENT;
            }
        }
        return value;
    }

    private static boolean sameKeys(List<Object[]> a, List<Object[]> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            Object[] x = a.get(i);
            Object[] y = b.get(i);
            for (int j = 0; j < x.length; j++) {
                if (IndexEntry.compareValue(x[j], y[j]) != 0) {
                    return false;
                }
            }
        }
        return true;
    }

    private static Object positionOf(Document document) {
        return document.get("_id");
    }

    private static Object[] values(KeyValue key) {
        Object[] values = new Object[key.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = key.get(i);
        }
        return values;
    }

    /**
     * The lower and upper key bounds the query allows ({@link #LOW}/{@link #HIGH} where it does not constrain), or
     * an empty list when it constrains not even the first key in a way this index understands.
     */
    private List<Object[]> bounds(Document fullQuery) {
        Document query = ImpliedConditions.of(fullQuery);
        List<String> keys = keys();
        Object[] lower = new Object[keys.size()];
        Object[] upper = new Object[keys.size()];
        int i = 0;
        for (; i < keys.size(); i++) {
            Object condition = query.get(keys.get(i));
            if (!isPlainValue(condition)) {
                break;
            }
            lower[i] = condition;
            upper[i] = condition;
        }
        if (i < keys.size()) {
            Object condition = query.get(keys.get(i));
            lower[i] = LOW;
            upper[i] = HIGH;
            if (condition instanceof Document range && isRange(range)) {
                for (Map.Entry<String, Object> op : range.entrySet()) {
                    if (op.getKey().startsWith("$g")) {
                        lower[i] = op.getValue();
                    } else {
                        upper[i] = op.getValue();
                    }
                }
                i++;
            } else if (i == 0) {
                return List.of();
            }
            for (int j = i; j < keys.size(); j++) {
                lower[j] = LOW;
                upper[j] = HIGH;
            }
        }
        List<Object[]> out = new ArrayList<>(2);
        out.add(lower);
        out.add(upper);
        return out;
    }

    private static boolean isPlainValue(Object condition) {
        return condition != null && !(condition instanceof Document) && !(condition instanceof Collection<?>)
                && !(condition instanceof Pattern) && !(condition instanceof BsonRegularExpression)
                && !(condition instanceof Map<?, ?>);
    }

    private static boolean isRange(Document range) {
        if (range.isEmpty()) {
            return false;
        }
        for (Map.Entry<String, Object> op : range.entrySet()) {
            boolean known = RANGE_OPERATORS.contains(op.getKey());
            if (!known || !isPlainValue(op.getValue())) {
                return false;
            }
        }
        return true;
    }
}
