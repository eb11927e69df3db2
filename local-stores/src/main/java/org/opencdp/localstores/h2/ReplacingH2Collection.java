package org.opencdp.localstores.h2;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.NoopOplog;
import de.bwaldvogel.mongo.oplog.Oplog;
import java.util.Iterator;
import java.util.Map;
import org.h2.mvstore.MVMap;

/**
 * mongo-java-server's H2 collection with a cheaper replace of one whole document (the compare-and-set writes of
 * profiles and visitors). Stock mongo-java-server deep-copies the stored document twice, BSON-encodes the old and the
 * new one to keep a size statistic and asks every index for the position, all under the collection's lock; here the
 * replacement is checked by the indexes, re-indexed and stored, nothing more. The size statistic
 * ({@code collStats.size}) is then no longer adjusted for replacements. Everything else (operator updates, multi
 * updates, upserts that insert, change streams) takes the stock path.
 *
 * <p>Nor does it keep the size statistic on inserts and deletes: stock mongo-java-server BSON-encodes every inserted
 * and deleted document and rewrites the collection's metadata map for it, a tenth of an insert's cost, for a figure
 * only {@code collStats} and {@code dbStats} report (their {@code size} stays at what older files recorded).
 */
final class ReplacingH2Collection extends H2Collection {
    ReplacingH2Collection(MongoDatabase database, String name, CollectionOptions options, MVMap<Object, Document> data,
            MVMap<String, Object> meta, CursorRegistry cursors) {
        super(database, name, options, data, meta, cursors);
    }

    @Override
    public synchronized Document updateDocuments(Document selector, Document update, ArrayFilters arrayFilters,
            boolean multi, boolean upsert, Oplog oplog) {
        if (multi || !(oplog instanceof NoopOplog) || !arrayFilters.isEmpty() || !isReplacement(update)) {
            return super.updateDocuments(selector, update, arrayFilters, multi, upsert, oplog);
        }
        Iterator<Document> matches = queryDocuments(selector, null, 0, 0, 0, null).iterator();
        if (!matches.hasNext()) {
            // nothing to replace: an upsert inserts, which the stock path does
            return super.updateDocuments(selector, update, arrayFilters, multi, upsert, oplog);
        }
        Document stored = matches.next();
        Object id = stored.get(getIdField());
        Object newId = update.get(getIdField());
        if (id == null || newId != null && !newId.equals(id)) {
            // the stock path reports the attempt to change _id
            return super.updateDocuments(selector, update, arrayFilters, multi, upsert, oplog);
        }
        Document replacement = new Document(getIdField(), id);
        for (Map.Entry<String, Object> e : update.entrySet()) {
            if (!e.getKey().equals(getIdField())) {
                replacement.put(e.getKey(), e.getValue());
            }
        }
        Utils.validateFieldNames(replacement);
        Document result = new Document("n", 1);
        if (replacement.equals(stored)) {
            return result.append("nModified", 0);
        }
        // the replacement keeps the _id, so an index of _id alone has nothing to check or change
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
        handleUpdate(id, stored, replacement);
        return result.append("nModified", 1);
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
