package org.opencdp.localstores.h2;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractSynchronizedMongoCollection;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.exception.DuplicateKeyError;
import de.bwaldvogel.mongo.oplog.NoopOplog;
import de.bwaldvogel.mongo.oplog.Oplog;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.h2.mvstore.MVMap;

/**
 * mongo-java-server's H2 collection, keeping each document as its BSON bytes ({@link BsonType}): a read decodes a fresh
 * copy, a write encodes once. The map names and the file format are those of stock mongo-java-server's
 * {@code H2Collection}, whose behaviour this follows otherwise.
 *
 * <p>It also has a cheaper replace of one whole document named by its {@code _id} (the compare-and-set writes of
 * profiles and visitors). Stock mongo-java-server looks the document up through the {@code _id} index, decodes it
 * whole, deep-copies it twice, BSON-encodes the old and the new one to keep a size statistic and asks every index for
 * the position, all under the collection's lock. Here the stored bytes are read from the collection map by
 * {@code _id}, only the fields that the selector and the indexes read are decoded ({@link BsonType#decodeFields}), and
 * the replacement is encoded once, compared with the stored bytes, checked by the indexes, re-indexed and stored,
 * nothing more. An upsert whose selector pins an {@code _id} that no document has inserts the replacement directly.
 * The size statistic ({@code collStats.size}) is then no longer adjusted for replacements. Everything else (operator
 * updates, multi updates, other upserts, change streams) takes the stock path.
 *
 * <p>Nor does it keep the size statistic on inserts and deletes: stock mongo-java-server BSON-encodes every inserted
 * and deleted document and rewrites the collection's metadata map for it, a tenth of an insert's cost, for a figure
 * only {@code collStats} and {@code dbStats} report (their {@code size} stays at what older files recorded).
 *
 * <p>A query of the shape {@code {_id: {$in: [strings]}}} (reads by key, a hundred and more keys at a time) or
 * {@code {_id: string}} reads the documents from the collection map by those keys, without the {@code _id} index,
 * and matches each with a hash set of the keys; stock mongo-java-server looks each key up in the index first, then
 * compares each document with each key of the list in turn.
 */
final class ReplacingH2Collection extends AbstractSynchronizedMongoCollection<Object> {
    private static final String DATA_SIZE_KEY = "dataSize";
    private final MVMap<Object, byte[]> data;
    private final MVMap<String, Object> meta;
    /** The string keys of the last {@code _id $in} query matched, as a set, with the list they came from. */
    private volatile KeysIn lastKeysIn;

    private record KeysIn(Object list, Set<Object> keys) {}

    ReplacingH2Collection(MongoDatabase database, String name, CollectionOptions options, MVMap<Object, byte[]> data,
            MVMap<String, Object> meta, CursorRegistry cursors) {
        super(database, name, options, cursors);
        this.data = data;
        this.meta = meta;
        meta.putIfAbsent(DATA_SIZE_KEY, 0L);
    }

    @Override
    public synchronized Document updateDocuments(Document selector, Document update, ArrayFilters arrayFilters,
            boolean multi, boolean upsert, Oplog oplog) {
        if (multi || !(oplog instanceof NoopOplog) || !arrayFilters.isEmpty() || !isReplacement(update)) {
            return super.updateDocuments(selector, update, arrayFilters, multi, upsert, oplog);
        }
        Set<String> selectorFields = new HashSet<>();
        Object id = topLevelFields(selector, selectorFields) ? ImpliedConditions.of(selector).get(getIdField()) : null;
        Object newId = update.get(getIdField());
        if (!(id instanceof String) && !(id instanceof ObjectId) || newId != null && !newId.equals(id)) {
            // a selector of another shape, or an attempt to change _id (which the stock path reports)
            return super.updateDocuments(selector, update, arrayFilters, multi, upsert, oplog);
        }
        byte[] storedBson = data.get(id);
        if (storedBson == null) {
            return upsert ? insertAbsent(id, storedForm(id, update))
                    : super.updateDocuments(selector, update, arrayFilters, multi, upsert, oplog);
        }
        Document stored = storedFields(storedBson, selectorFields);
        if (!documentMatchesQuery(stored, selector)) {
            // the stock path answers a mismatch (and an upsert of a taken _id fails with a duplicate key)
            return super.updateDocuments(selector, update, arrayFilters, multi, upsert, oplog);
        }
        Document replacement = storedForm(id, update);
        byte[] bson = BsonType.encode(replacement);
        Document result = new Document("n", 1);
        if (Arrays.equals(bson, storedBson)) {
            return result.append("nModified", 0);
        }
        // the replacement keeps the _id, so an index of _id alone has nothing to check or change; the others read
        // only their own fields of the stored document
        for (Index<Object> index : getIndexes()) {
            if (!isIdIndex(index)) {
                index.checkUpdate(stored, replacement, this);
            }
        }
        for (Index<Object> index : getIndexes()) {
            if (!isIdIndex(index)) {
                index.updateInPlace(stored, replacement, id, this);
            }
        }
        data.put(Missing.ofNullable(id), bson);
        return result.append("nModified", 1);
    }

    /**
     * The replacement as it is stored: the {@code _id} first, then its other fields; field names validated. A
     * replacement that starts with its {@code _id} (as drivers send it) is stored as it is, so that the bytes the
     * client sent for it can be kept ({@link SentDocuments}).
     */
    private Document storedForm(Object id, Document update) {
        if (update.keySet().iterator().next().equals(getIdField())) {
            Utils.validateFieldNames(update);
            return update;
        }
        Document document = new Document(getIdField(), id);
        for (Map.Entry<String, Object> e : update.entrySet()) {
            if (!e.getKey().equals(getIdField())) {
                document.put(e.getKey(), e.getValue());
            }
        }
        Utils.validateFieldNames(document);
        return document;
    }

    /**
     * The upsert of a replacement whose selector pins an {@code _id} that no document has (the compare-and-set that
     * creates a profile or a visitor): the replacement is inserted with that {@code _id}, as the stock path does after
     * looking for a match through the {@code _id} index and copying the selector and the replacement.
     */
    private Document insertAbsent(Object id, Document document) {
        addDocument(document);
        return new Document("upserted", id).append("n", 0).append("nModified", 0);
    }

    /**
     * The fields of a stored document that a replacement's selector and the indexes read, decoded; the others are
     * skipped (the whole document when its bytes hold a type that cannot be skipped).
     */
    private Document storedFields(byte[] bson, Set<String> selectorFields) {
        Set<String> fields = new HashSet<>(selectorFields);
        for (Index<Object> index : getIndexes()) {
            for (IndexKey key : index.getKeys()) {
                int dot = key.getKey().indexOf('.');
                fields.add(dot < 0 ? key.getKey() : key.getKey().substring(0, dot));
            }
        }
        Document decoded = BsonType.decodeFields(bson, fields);
        return decoded != null ? decoded : BsonType.decode(bson);
    }

    /**
     * Adds the fields the query's conditions read; false when it reads anything but top-level fields, directly or
     * inside {@code $and} (an {@code $or}, a path).
     */
    private static boolean topLevelFields(Document query, Set<String> fields) {
        for (Map.Entry<String, Object> e : query.entrySet()) {
            String key = e.getKey();
            if (key.equals("$and") && e.getValue() instanceof List<?> clauses) {
                for (Object clause : clauses) {
                    if (!(clause instanceof Document d) || !topLevelFields(d, fields)) {
                        return false;
                    }
                }
            } else if (key.startsWith("$") || key.indexOf('.') >= 0) {
                return false;
            } else {
                fields.add(key);
            }
        }
        return true;
    }

    @Override
    protected Object addDocumentInternal(Document document) {
        Object id = getIdField() != null ? Utils.getSubdocumentValue(document, getIdField()) : UUID.randomUUID();
        if (data.putIfAbsent(Missing.ofNullable(id), BsonType.encode(document)) != null) {
            // the _id index leaves this check to the put (KeyedUniqueIndex.checkAdd): no index holds the document yet
            Index<Object> idIndex = getIndexes().stream().filter(this::isIdIndex).findFirst().orElse(null);
            if (idIndex == null) {
                throw new IllegalStateException("Document with key '" + id + "' already existed in " + this);
            }
            throw new DuplicateKeyError(idIndex, this, idIndex.getKeys(), new KeyValue(id));
        }
        return id;
    }

    @Override
    protected Document getDocument(Object position) {
        byte[] bson = data.get(position);
        return bson == null ? null : BsonType.decode(bson);
    }

    @Override
    protected void handleUpdate(Object position, Document oldDocument, Document newDocument) {
        data.put(Missing.ofNullable(position), BsonType.encode(newDocument));
    }

    @Override
    protected void removeDocument(Object position) {
        if (data.remove(position) == null) {
            throw new NoSuchElementException("No document with key " + position);
        }
    }

    @Override
    public int count() {
        return data.size();
    }

    @Override
    public boolean isEmpty() {
        return data.isEmpty();
    }

    @Override
    protected Stream<DocumentWithPosition<Object>> streamAllDocumentsWithPosition() {
        return data.entrySet().stream().map(e -> new DocumentWithPosition<>(BsonType.decode(e.getValue()), e.getKey()));
    }

    @Override
    protected QueryResult matchDocuments(Document query, Document orderBy, int numberToSkip, int numberToReturn,
            int batchSize, Document fieldSelector) {
        Stream<byte[]> stored = isNaturalDescending(orderBy)
                ? data.entrySet().stream().sorted((a, b) -> ValueComparator.desc().compare(a.getKey(), b.getKey()))
                        .map(Map.Entry::getValue)
                : data.values().stream();
        return matchDocumentsFromStream(stored.map(BsonType::decode), query, orderBy, numberToSkip, numberToReturn,
                batchSize, fieldSelector);
    }

    /**
     * A query naming documents by string {@code _id}s ({@code {_id: "a"}} or {@code {_id: {$in: [...]}}}) reads them
     * from the collection map by those keys, which are the documents' positions: stock mongo-java-server first looks
     * each one up in the {@code _id} index, which holds the same keys. Same results, in the same order.
     */
    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int numberToReturn,
            int batchSize, Document fieldSelector) {
        Collection<String> ids = stringIdsNamed(query, getIdField());
        if (ids == null) {
            return super.queryDocuments(query, orderBy, numberToSkip, numberToReturn, batchSize, fieldSelector);
        }
        Stream<Document> named = ids.stream().map(data::get).filter(Objects::nonNull).map(BsonType::decode);
        return matchDocumentsFromStream(named, query, orderBy, numberToSkip, numberToReturn, batchSize,
                fieldSelector);
    }

    /**
     * The stored BSON bytes of the documents with these {@code _id}s that exist, in the given order, at most
     * {@code limit} of them when it is positive ({@link ByIdFind}).
     */
    synchronized List<byte[]> storedDocuments(Collection<String> ids, int limit) {
        List<byte[]> out = new ArrayList<>(ids.size());
        for (String id : ids) {
            byte[] bson = data.get(id);
            if (bson != null) {
                out.add(bson);
                if (out.size() == limit) {
                    break;
                }
            }
        }
        return out;
    }

    /**
     * The distinct {@code _id}s, in query order, of a query that names documents by string ids only
     * ({@code {_id: "a"}} or {@code {_id: {$in: [...]}}}); else null.
     */
    static Collection<String> stringIdsNamed(Document query, String idField) {
        if (query.size() != 1) {
            return null;
        }
        Object id = query.get(idField);
        if (id instanceof String s) {
            return List.of(s);
        }
        if (!(id instanceof Document condition) || condition.size() != 1
                || !(condition.get("$in") instanceof Collection<?> list)) {
            return null;
        }
        Set<String> ids = new LinkedHashSet<>();
        for (Object value : list) {
            if (!(value instanceof String s)) {
                return null;
            }
            ids.add(s);
        }
        return ids;
    }

    @Override
    protected boolean documentMatchesQuery(Document document, Document query) {
        Set<Object> keys = stringKeysIn(query);
        return keys != null ? keys.contains(document.get(getIdField())) : super.documentMatchesQuery(document, query);
    }

    /** The keys of a query {@code {_id: {$in: [...]}}} of strings only, else null. */
    private Set<Object> stringKeysIn(Document query) {
        if (query.size() != 1 || !(query.get(getIdField()) instanceof Document condition) || condition.size() != 1
                || !(condition.get("$in") instanceof Collection<?> list)) {
            return null;
        }
        KeysIn last = lastKeysIn;
        if (last != null && last.list() == list) {
            return last.keys();
        }
        Set<Object> keys = new HashSet<>(list.size() * 2);
        for (Object key : list) {
            if (!(key instanceof String)) {
                return null;
            }
            keys.add(key);
        }
        lastKeysIn = new KeysIn(list, keys);
        return keys;
    }

    @Override
    protected void updateDataSize(int sizeDelta) {
        synchronized (meta) {
            meta.put(DATA_SIZE_KEY, ((Number) meta.get(DATA_SIZE_KEY)).longValue() + sizeDelta);
        }
    }

    @Override
    protected int getDataSize() {
        return ((Number) meta.get(DATA_SIZE_KEY)).intValue();
    }

    @Override
    protected boolean tracksDataSize() {
        return false;
    }

    private boolean isIdIndex(Index<Object> index) {
        return index.getKeys().size() == 1 && index.getKeys().get(0).getKey().equals(getIdField());
    }

    private static boolean isReplacement(Document update) {
        if (update.isEmpty()) {
            return false;
        }
        for (String key : update.keySet()) {
            if (key.startsWith("$")) {
                return false;
            }
        }
        return true;
    }
}
