package org.opencdp.dmp.repository;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.opencdp.common.mongo.VersionedDocuments;
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

    /** Saves when the stored version is {@code expectedVersion} (0: nothing stored yet); empty when a write came first. */
    public Optional<WorkspaceSettings> save(String workspaceId, Duration retention, long expectedVersion) {
        return VersionedDocuments.save(collection, workspaceId, new Document("retention", retention.toString()),
                expectedVersion, Instant.now()).map(SettingsRepository::map);
    }

    private static WorkspaceSettings map(Document d) {
        return new WorkspaceSettings(d.getString("_id"), Duration.parse(d.getString("retention")),
                VersionedDocuments.version(d), VersionedDocuments.updatedAt(d));
    }
}
