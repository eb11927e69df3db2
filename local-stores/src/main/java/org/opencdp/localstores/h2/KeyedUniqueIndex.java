package org.opencdp.localstores.h2;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.exception.DuplicateKeyError;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.h2.mvstore.MVMap;

/**
 * mongo-java-server's H2 unique index over a map keyed by {@link SerializedKey}: the same data, cheap comparisons.
 * A single-field index also answers a query that pins its field to one string or ObjectId among further
 * conditions or inside {@code $and} ({@link ImpliedConditions}), such as the compare-and-set filter
 * {@code {_id: x, version: 3}}: it yields the one candidate, which
 * the collection then matches against the whole query. Stock mongo-java-server uses a unique index only when the
 * query names exactly its fields, and scans the collection otherwise.
 *
 * <p>The key of a document whose indexed field is one top-level string or ObjectId (every {@code _id} of the
 * services) is read directly, and an insert checks it with one put-if-absent; stock mongo-java-server extracts the
 * keys through streams four times per insert (check, then add, which checks again) and looks each one up before
 * putting it.
 *
 * <p>The index of {@code _id} ({@link #ofIds}) keeps no entry of its own for a string or ObjectId {@code _id}: the
 * collection's map is keyed by the {@code _id} already (it is the document's position), so that map answers for
 * it, and the collection's put-if-absent refuses a duplicate. Stock mongo-java-server keeps a second B-tree mapping
 * each {@code _id} to itself: one more random insert per document, and one more map for every save to rewrite (a
 * de-dup key's entry there was larger than its document). Other {@code _id}s (numbers, sub-documents) keep their
 * entries in the index's map. Entries that a file written before holds for string and ObjectId keys are removed when
 * the index opens.
 */
final class KeyedUniqueIndex extends AbstractUniqueIndex<Object> {
    private final MVMap<SerializedKey, Object> map;
    /** The indexed field when it is one top-level field, else null. */
    private final String field;
    /** The index of {@code _id}: the collection's own put-if-absent refuses a duplicate key before it is added. */
    private final boolean idIndex;
    /** For the {@code _id} index: the collection's map, which holds the plain keys; else null. */
    private final MVMap<Object, ?> documents;

    KeyedUniqueIndex(MVMap<SerializedKey, Object> map, String name, List<IndexKey> keys, boolean sparse) {
        this(map, name, keys, sparse, null);
    }

    private KeyedUniqueIndex(MVMap<SerializedKey, Object> map, String name, List<IndexKey> keys, boolean sparse,
            MVMap<Object, ?> documents) {
        super(name, keys, sparse);
        this.map = map;
        this.field = keys.size() == 1 && keys.get(0).getKey().indexOf('.') < 0 ? keys.get(0).getKey() : null;
        this.idIndex = "_id".equals(field);
        this.documents = documents;
    }

    /**
     * The index of {@code _id} of the collection whose documents {@code documents} holds by {@code _id}: string and
     * ObjectId keys are that map's, other keys this index's {@code map}, from which plain keys are removed.
     */
    static KeyedUniqueIndex ofIds(MVMap<SerializedKey, Object> map, MVMap<Object, ?> documents, String name,
            List<IndexKey> keys) {
        KeyedUniqueIndex index = new KeyedUniqueIndex(map, name, keys, false, documents);
        if (!index.idIndex) {
            throw new IllegalArgumentException("not an index of _id alone: " + keys);
        }
        // a file written before: keep the other keys' entries, drop the rest at once (all of them, as a rule)
        List<Map.Entry<SerializedKey, Object>> others = new ArrayList<>();
        boolean plainFound = false;
        for (Map.Entry<SerializedKey, Object> e : map.entrySet()) {
            if (StringKeyBytes.isOneString(e.getKey().bytes()) || isPlain(e.getKey().value())) {
                plainFound = true;
            } else {
                others.add(e);
            }
        }
        if (plainFound) {
            map.clear();
            others.forEach(e -> map.put(e.getKey(), e.getValue()));
        }
        return index;
    }

    /** A key of one string or ObjectId. */
    private static boolean isPlain(KeyValue key) {
        return key.size() == 1 && (key.get(0) instanceof String || key.get(0) instanceof ObjectId);
    }

    /** The key when the collection's map holds it for this index (a plain {@code _id}), else null. */
    private Object heldByDocuments(KeyValue key) {
        return documents != null && isPlain(key) ? key.get(0) : null;
    }

    /** The document's key when its indexed field is one top-level string or ObjectId, else null. */
    private KeyValue plainKey(Document document) {
        Object value = field == null ? null : document.get(field);
        return value instanceof String || value instanceof ObjectId ? new KeyValue(value) : null;
    }

    @Override
    public Set<KeyValue> getKeyValues(Document document) {
        KeyValue key = plainKey(document);
        return key != null ? Set.of(key) : super.getKeyValues(document);
    }

    @Override
    public synchronized void checkAdd(Document document, MongoCollection<Object> collection) {
        KeyValue key = plainKey(document);
        if (idIndex && key != null) {
            // checked by ReplacingH2Collection.addDocumentInternal, which stores the document by this key next
            return;
        }
        if (key == null) {
            super.checkAdd(document, collection);
        } else if (containsKey(key)) {
            throw new DuplicateKeyError(this, collection, getKeys(), key);
        }
    }

    @Override
    public synchronized void add(Document document, Object position, MongoCollection<Object> collection) {
        KeyValue key = plainKey(document);
        if (key != null && documents != null) {
            return; // the collection has just stored the document by this key
        }
        if (key == null) {
            super.add(document, position, collection);
        } else if (!putKeyPosition(key, position)) {
            throw new DuplicateKeyError(this, collection, getKeys(), key);
        }
    }

    @Override
    public synchronized boolean canHandle(Document query) {
        return super.canHandle(query) || pinnedKey(query) != null;
    }

    @Override
    public synchronized Iterable<Object> getPositions(Document query) {
        if (super.canHandle(query)) {
            return super.getPositions(query);
        }
        Object position = getPosition(pinnedKey(query));
        return position == null ? List.of() : List.of(position);
    }

    /** The key the query's conditions pin this single-field index to, or null. */
    private KeyValue pinnedKey(Document query) {
        if (keys().size() != 1) {
            return null;
        }
        Object value = ImpliedConditions.of(query).get(keys().get(0));
        return value instanceof String || value instanceof ObjectId ? new KeyValue(value) : null;
    }

    /** The position of the removed key: the collection removes its document from its map right after. */
    @Override
    protected Object removeDocument(KeyValue keyValue) {
        Object held = heldByDocuments(keyValue);
        if (held != null) {
            return documents.containsKey(held) ? held : null;
        }
        return map.remove(SerializedKey.of(keyValue));
    }

    @Override
    protected boolean putKeyPosition(KeyValue keyValue, Object position) {
        Object held = heldByDocuments(keyValue);
        if (held != null) {
            return held.equals(position); // the collection stores the document by this key
        }
        return map.putIfAbsent(SerializedKey.of(keyValue), Missing.ofNullable(position)) == null;
    }

    @Override
    protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
        return () -> {
            Stream<Map.Entry<KeyValue, Object>> own = map.entrySet().stream()
                    .map(e -> entry(e.getKey().value(), e.getValue()));
            if (documents == null) {
                return own.iterator();
            }
            Stream<Map.Entry<KeyValue, Object>> held = documents.keySet().stream()
                    .filter(k -> k instanceof String || k instanceof ObjectId).map(k -> entry(new KeyValue(k), k));
            return Stream.concat(held, own).iterator();
        };
    }

    private static Map.Entry<KeyValue, Object> entry(KeyValue key, Object position) {
        return new AbstractMap.SimpleImmutableEntry<>(key, position);
    }

    @Override
    protected Object getPosition(KeyValue keyValue) {
        Object held = heldByDocuments(keyValue);
        if (held != null) {
            return documents.containsKey(held) ? held : null;
        }
        return map.get(SerializedKey.of(keyValue));
    }

    /** Every document has an {@code _id}, so the {@code _id} index counts the collection's documents. */
    @Override
    public long getCount() {
        return documents != null ? documents.sizeAsLong() : map.sizeAsLong();
    }

    @Override
    public boolean isEmpty() {
        return documents != null ? documents.isEmpty() : map.isEmpty();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }
}
