package org.opencdp.profile.repository;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.bulk.BulkWriteError;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.configuration.CodecRegistry;
import org.bson.conversions.Bson;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.opencdp.common.mongo.BsonBytes;
import org.opencdp.common.mongo.BsonParser;

/**
 * The profile service's collections and their indexes. Hot documents are keyed by a deterministic string
 * {@code _id} (identities {@code ws|type|value}, de-dup keys {@code ws|messageId}, events {@code ws|messageId},
 * profiles by profile id, source contributions {@code ws|source|recordId}); see RECIPES.md for why.
 */
@ApplicationScoped
@Startup
public class ProfileStore {
    private final MongoDatabase db;

    public ProfileStore(MongoClient client, @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.db = client.getDatabase(database);
    }

    @PostConstruct
    void createIndexes() {
        // real TTL indexes for production MongoDB; the embedded store ignores them, so a scheduled purge runs too
        dedup().createIndex(Indexes.ascending("expiresAt"), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
        deadLetters().createIndex(Indexes.ascending("expiresAt"), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
        deadLetters().createIndex(Indexes.ascending("ws", "receivedAt"));
        events().createIndex(Indexes.ascending("ws", "originProfileId", "timestamp"));
        contributions().createIndex(Indexes.ascending("ws", "originProfileId"));
        profiles().createIndex(Indexes.ascending("ws", "updatedAt"));
        merges().createIndex(Indexes.ascending("ws", "profileIds"));
        // pending changes for segment-service ride in the profiles they announce (see ChangeOutbox)
        profiles().createIndex(Indexes.ascending("pendingChange.dueAt"), new IndexOptions().sparse(true));
        // compare-and-set of profiles filters on {_id, version} (see ProfileWrites): the _id index answers it, on
        // MongoDB and on the embedded store alike; the {_id, version} index of earlier releases only cost writes
        dropIndexIfPresent(profiles(), "_id_1_version_1");
        // version claims of earlier releases: expire on real MongoDB, dropped here once empty of use
        db.getCollection("profile_versions").drop();
    }

    private static void dropIndexIfPresent(MongoCollection<Document> collection, String name) {
        for (Document index : collection.listIndexes()) {
            if (name.equals(index.getString("name"))) {
                collection.dropIndex(name);
                return;
            }
        }
    }

    public MongoCollection<Document> identities() {
        return db.getCollection("identities");
    }

    public MongoCollection<Document> profiles() {
        return db.getCollection("profiles");
    }

    public MongoCollection<Document> events() {
        return db.getCollection("events");
    }

    public MongoCollection<Document> dedup() {
        return db.getCollection("dedup");
    }

    public MongoCollection<Document> contributions() {
        return db.getCollection("contributions");
    }

    public MongoCollection<Document> merges() {
        return db.getCollection("merges");
    }

    public MongoCollection<Document> deadLetters() {
        return db.getCollection("dead_letters");
    }

    /** Pending changes as earlier releases kept them, one document per profile; taken over at start. */
    public MongoCollection<Document> legacyChanges() {
        return db.getCollection("profile_changes");
    }

    /**
     * Hands each document the filter selects to the action, decoded by {@link BsonParser} (reads of many documents by
     * id, where the driver's own decoding was a third of the service's time under ingestion).
     */
    public static void findEach(MongoCollection<Document> collection, Bson filter, Consumer<Document> action) {
        CodecRegistry registry = collection.getCodecRegistry();
        collection.withDocumentClass(RawBsonDocument.class).find(filter)
                .forEach(raw -> action.accept(BsonParser.parse(raw, registry)));
    }

    /**
     * Inserts the documents, unordered; returns the positions that already existed (duplicate key). Any other
     * write error is thrown. Documents that all have their {@code _id} are sent as the bytes {@link BsonBytes} writes
     * (the driver would add an {@code _id} to a document without one).
     */
    public static Set<Integer> insertAll(MongoCollection<Document> collection, List<Document> docs) {
        Set<Integer> duplicates = new HashSet<>();
        if (docs.isEmpty()) {
            return duplicates;
        }
        try {
            if (docs.stream().allMatch(d -> d.containsKey("_id"))) {
                List<RawBsonDocument> encoded = docs.stream()
                        .map(d -> BsonBytes.encode(d, collection.getCodecRegistry())).toList();
                collection.withDocumentClass(RawBsonDocument.class).insertMany(encoded,
                        new InsertManyOptions().ordered(false));
            } else {
                collection.insertMany(docs, new InsertManyOptions().ordered(false));
            }
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (error.getCode() != 11000) {
                    throw e;
                }
                duplicates.add(error.getIndex());
            }
        }
        return duplicates;
    }
}
