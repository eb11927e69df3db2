package org.opencdp.dmp.repository;

import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The DMP's collections and their indexes. Every expiring collection gets a real TTL index on {@code expiresAt}
 * (production MongoDB deletes expired documents itself); the purge job and read filters cover stores that do not.
 */
@ApplicationScoped
public class DmpCollections {
    public static final String EXPIRES_AT = "expiresAt";
    private final MongoDatabase db;

    public DmpCollections(MongoClient client, @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.db = client.getDatabase(database);
    }

    void createIndexes(@Observes StartupEvent event) {
        dropIndexIfPresent(visitors(), "cas"); // the compare-and-set key of earlier releases, now {_id, w}
        indexCollected(events(), visitors());
        ttlIndex(idSyncs());
        ttlIndex(partnerData());
        index(idSyncs(), Indexes.ascending("ws", "aid"), new IndexOptions().name("ws_aid"));
        index(idSyncs(), Indexes.ascending("ws", "partner", "puid"), new IndexOptions().name("ws_partner_puid"));
        index(partnerData(), Indexes.ascending("ws", "aid"), new IndexOptions().name("ws_aid").sparse(true));
        index(rules(), Indexes.ascending("ws"), new IndexOptions().name("ws"));
        index(audiences(), Indexes.ascending("ws"), new IndexOptions().name("ws"));
        index(categories(), Indexes.ascending("ws"), new IndexOptions().name("ws"));
    }

    /**
     * The indexes every collected event updates: the TTL indexes of retention, events by visitor (erasure, the
     * timeline), visitors by audience (members, sizes, exports) and by expiry within a workspace (audience backfill).
     * Public for the bench's direct writes, which keep the same ones.
     */
    public static void indexCollected(MongoCollection<Document> events, MongoCollection<Document> visitors) {
        ttlIndex(events);
        ttlIndex(visitors);
        index(events, Indexes.ascending("ws", "aid"), new IndexOptions().name("ws_aid"));
        index(visitors, Indexes.ascending("aud.id"), new IndexOptions().name("aud_id"));
        index(visitors, Indexes.ascending("ws", EXPIRES_AT), new IndexOptions().name("ws_expiresAt"));
    }

    /** The TTL index retention needs on every collection of {@link #expiring()}. */
    private static void ttlIndex(MongoCollection<Document> c) {
        index(c, Indexes.ascending(EXPIRES_AT), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS)
                .name("ttl_expiresAt"));
    }

    private static void index(MongoCollection<Document> c, org.bson.conversions.Bson keys, IndexOptions options) {
        try {
            c.createIndex(keys, options);
        } catch (MongoException e) {
            Log.warnf("Index %s on %s not created: %s", options.getName(), c.getNamespace(), e.getMessage());
        }
    }

    private static void dropIndexIfPresent(MongoCollection<Document> c, String name) {
        for (Document index : c.listIndexes()) {
            if (name.equals(index.getString("name"))) {
                c.dropIndex(name);
                return;
            }
        }
    }

    /** The collections whose documents carry {@code expiresAt} and are purged. */
    public List<MongoCollection<Document>> expiring() {
        return List.of(events(), visitors(), idSyncs(), partnerData());
    }

    public MongoCollection<Document> settings() {
        return db.getCollection("workspace_settings");
    }

    public MongoCollection<Document> events() {
        return db.getCollection("dmp_events");
    }

    public MongoCollection<Document> visitors() {
        return db.getCollection("dmp_visitors");
    }

    public MongoCollection<Document> idSyncs() {
        return db.getCollection("dmp_id_syncs");
    }

    public MongoCollection<Document> partnerData() {
        return db.getCollection("dmp_partner_data");
    }

    public MongoCollection<Document> rules() {
        return db.getCollection("dmp_rules");
    }

    public MongoCollection<Document> audiences() {
        return db.getCollection("dmp_audiences");
    }

    public MongoCollection<Document> categories() {
        return db.getCollection("dmp_categories");
    }
}
