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
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 */
final class KeyedUniqueIndex extends AbstractUniqueIndex<Object> {
    private final MVMap<SerializedKey, Object> map;
    /** The indexed field when it is one top-level field, else null. */
    private final String field;
    /** The index of {@code _id}: the collection's own put-if-absent refuses a duplicate key before it is added. */
    private final boolean idIndex;

    KeyedUniqueIndex(MVMap<SerializedKey, Object> map, String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.map = map;
        this.field = keys.size() == 1 && keys.get(0).getKey().indexOf('.') < 0 ? keys.get(0).getKey() : null;
        this.idIndex = "_id".equals(field);
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

    @Override
    protected Object removeDocument(KeyValue keyValue) {
        return map.remove(SerializedKey.of(keyValue));
    }

    @Override
    protected boolean putKeyPosition(KeyValue keyValue, Object position) {
        return map.putIfAbsent(SerializedKey.of(keyValue), Missing.ofNullable(position)) == null;
    }

    @Override
    protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
        return () -> {
            Iterator<Map.Entry<SerializedKey, Object>> entries = map.entrySet().iterator();
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return entries.hasNext();
                }

                @Override
                public Map.Entry<KeyValue, Object> next() {
                    Map.Entry<SerializedKey, Object> e = entries.next();
                    return new AbstractMap.SimpleImmutableEntry<>(e.getKey().value(), e.getValue());
                }
            };
        };
    }

    @Override
    protected Object getPosition(KeyValue keyValue) {
        return map.get(SerializedKey.of(keyValue));
    }

    @Override
    public long getCount() {
        return map.sizeAsLong();
    }

    @Override
    public boolean isEmpty() {
        return map.isEmpty();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }
}
