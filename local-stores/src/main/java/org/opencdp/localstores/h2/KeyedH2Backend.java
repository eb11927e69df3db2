package org.opencdp.localstores.h2;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 file backend, with changes that make it several times faster:
 * <ul>
 * <li>unique indexes (the {@code _id} index included) keep each key's serialised bytes and compare those
 * ({@link SerializedKeyType}; one-string keys serialised by {@link StringKeyBytes}); stock H2 serialises both keys
 * on every comparison of a B-tree search, which was most of the store's time;</li>
 * <li>the {@code _id} index answered from the collection's map, which is keyed by {@code _id}, for string and
 * ObjectId keys ({@link KeyedUniqueIndex#ofIds}), instead of a second B-tree mapping each {@code _id} to itself;</li>
 * <li>pages split at 4 KB instead of 48 KB ({@link #PAGE_SPLIT_BYTES});</li>
 * <li>a page cache sized for the working set ({@code cacheMb}) instead of H2's 16 MB default, so that hot index and
 * document pages are not read from the file again and again;</li>
 * <li>documents stored as BSON ({@link BsonType}) instead of Java serialisation, and kept as BSON bytes in the page
 * cache instead of decoded; documents of a file written by the stock backend are still read (and converted as they are
 * rewritten);</li>
 * <li>non-unique (secondary and TTL) indexes, which mongo-java-server ignores, kept in memory ({@link RangeIndex}), so
 * that equality and range queries on them no longer scan the collection;</li>
 * <li>a whole-document replace without the stock backend's copies and size bookkeeping
 * ({@link ReplacingH2Collection});</li>
 * <li>finds of whole documents by string {@code _id}s answered with the stored bytes ({@link ByIdFind}), and string
 * keys of collection maps compared directly ({@link DocumentKeyType}), and written to pages in one copy
 * ({@link StringWritingType});</li>
 * <li>served by {@link WireServer}, the documents of inserts and replacements stored as the bytes their client sent
 * ({@link SentDocuments}) instead of encoded again from the decoded maps;</li>
 * <li>commands (OP_MSG messages) decoded from one copy of their bytes, with the field names' strings reused
 * ({@link OpMessages});</li>
 * <li>the buffers of large saves kept for the next saves ({@link ChunkBufferReusingStore}).</li>
 * </ul>
 */
public final class KeyedH2Backend extends H2Backend {
    /** Unsaved changes that trigger a background save (H2: 1 MB); the save also runs every {@link #AUTO_COMMIT_MS}. */
    static final int AUTO_COMMIT_KB = 64 * 1024;
    /**
     * Most time between background saves (H2: 1 s). Each save rewrites every page changed since the last one whole,
     * so a page of visitors updated five times a second was written (and its documents encoded) five times as often
     * at 1 s as at 5 s; a crash of the local store loses at most this much.
     */
    static final int AUTO_COMMIT_MS = 5_000;
    /**
     * Page size above which H2 splits a page (H2: 48 KB for a file). Documents are keyed by hashes and messageIds, so
     * writes land on random pages and every save rewrites each touched page whole: small pages keep that cheap.
     */
    static final int PAGE_SPLIT_BYTES = 4 * 1024;

    /**
     * Chunk fill rate below which H2's background writer rewrites chunks (H2: 90%). Updates land on random documents,
     * so at 90% the writer spent a fifth of the store's time re-reading and rewriting live pages; at 50% the file
     * may hold up to twice the live data instead.
     */
    static final int COMPACT_FILL_PERCENT = 50;
    private static final String ID_FIELD = "_id";

    public KeyedH2Backend(MVStore store) {
        super(store);
    }

    /** Opens (or creates) the store file with a page cache of {@code cacheMb} megabytes. */
    public static KeyedH2Backend open(Path file, int cacheMb) {
        // the settings H2's file store reads (MVStore.Builder's names); the store then closes the file store
        ChunkBufferReusingStore fileStore = new ChunkBufferReusingStore(new HashMap<>(Map.of("cacheSize", cacheMb,
                "pageSplitSize", PAGE_SPLIT_BYTES, "autoCompactFillRate", COMPACT_FILL_PERCENT)));
        fileStore.open(file.toAbsolutePath().toString(), false, null);
        MVStore store = new MVStore.Builder().adoptFileStore(fileStore).autoCommitBufferSize(AUTO_COMMIT_KB).open();
        store.setAutoCommitDelay(AUTO_COMMIT_MS);
        return new KeyedH2Backend(store);
    }

    /** A store without a file (tests): the same code as the file store, data gone when it closes. */
    public static KeyedH2Backend inMemory() {
        return new KeyedH2Backend(new MVStore.Builder().pageSplitSize(PAGE_SPLIT_BYTES).open());
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName, getMvStore(), getCursorRegistry());
    }

    /** Opens index maps with {@link SerializedKeyType} keys (an inner class: its indexes open during construction). */
    private final class Database extends H2Database {
        Database(String name, MVStore store, CursorRegistry cursors) {
            super(name, store, cursors);
        }

        /** A find by string ids is answered with the stored bytes ({@link ByIdFind}); everything else as stock. */
        @Override
        public Document handleCommand(Channel channel, String command, Document query, DatabaseResolver resolver,
                Oplog oplog) {
            Collection<String> ids = "find".equalsIgnoreCase(command) ? ByIdFind.ids(query) : null;
            if (ids != null && query.get(command) instanceof String name
                    && resolveCollection(name, false) instanceof ReplacingH2Collection collection) {
                Document answer = ByIdFind.answer(channel, query, ids, collection, getFullCollectionNamespace(name));
                if (answer != null) {
                    return answer;
                }
            }
            return super.handleCommand(channel, command, query, resolver, oplog);
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                boolean sparse) {
            // the map name mongo-java-server's H2Database gives the index, so existing files keep their indexes
            String mapName = getFullCollectionNamespace(collectionName) + "._index_" + indexName;
            MVMap<SerializedKey, Object> map = getMvStore().openMap(mapName,
                    new MVMap.Builder<SerializedKey, Object>().keyType(new SerializedKeyType())
                            .valueType(new StringWritingType()));
            if (keys.size() == 1 && keys.get(0).getKey().equals(ID_FIELD) && !sparse) {
                return KeyedUniqueIndex.ofIds(map, documents(collectionName), indexName, keys);
            }
            return new KeyedUniqueIndex(map, indexName, keys, sparse);
        }

        /** The collection's map of documents by {@code _id} (the map name of mongo-java-server's H2Database). */
        private MVMap<Object, byte[]> documents(String collectionName) {
            return getMvStore().openMap("databases." + getFullCollectionNamespace(collectionName),
                    new MVMap.Builder<Object, byte[]>().keyType(new DocumentKeyType()).valueType(new BsonType()));
        }

        @Override
        protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName,
                List<IndexKey> keys, boolean sparse) {
            return new RangeIndex(indexName, keys, sparse);
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            // the map names of mongo-java-server's H2Database
            MVMap<String, Object> meta = getMvStore().openMap("meta." + getFullCollectionNamespace(collectionName));
            return new ReplacingH2Collection(this, collectionName, options, documents(collectionName), meta,
                    cursorRegistry);
        }
    }
}
