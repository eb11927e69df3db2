package org.opencdp.dmp.repository;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.opencdp.dmp.WorkspaceSettings;

/** Workspace settings documents, keyed by workspace id; versioned for optimistic concurrency. */
@ApplicationScoped
public class SettingsRepository {
    private final MongoCollection<Document> collection;

    public SettingsRepository(MongoClient client, @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.collection = client.getDatabase(database).getCollection("workspace_settings");
    }

    public Optional<WorkspaceSettings> find(String workspaceId) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", workspaceId)).first()).map(SettingsRepository::map);
    }

    /**
     * Saves when the stored version is {@code expectedVersion} (0: nothing stored yet); empty when another write
     * came first.
     */
    public Optional<WorkspaceSettings> save(String workspaceId, Duration retention, long expectedVersion) {
        Instant now = Instant.now();
        if (expectedVersion == 0) {
            try {
                collection.insertOne(new Document("_id", workspaceId).append("retention", retention.toString())
                        .append("version", 1L).append("updatedAt", Date.from(now)));
                return Optional.of(new WorkspaceSettings(workspaceId, retention, 1L, now));
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                    return Optional.empty();
                }
                throw e;
            }
        }
        Document updated = collection.findOneAndUpdate(
                Filters.and(Filters.eq("_id", workspaceId), Filters.eq("version", expectedVersion)),
                Updates.combine(Updates.set("retention", retention.toString()), Updates.inc("version", 1L),
                        Updates.set("updatedAt", Date.from(now))),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        return Optional.ofNullable(updated).map(SettingsRepository::map);
    }

    private static WorkspaceSettings map(Document d) {
        return new WorkspaceSettings(d.getString("_id"), Duration.parse(d.getString("retention")),
                ((Number) d.get("version")).longValue(), d.getDate("updatedAt").toInstant());
    }
}
