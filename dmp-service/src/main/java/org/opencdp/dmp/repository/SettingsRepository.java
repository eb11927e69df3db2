package org.opencdp.dmp.repository;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.bson.Document;
import org.opencdp.common.mongo.VersionedDocuments;
import org.opencdp.dmp.WorkspaceSettings;

/** Workspace settings documents, keyed by workspace id; versioned for optimistic concurrency. */
@ApplicationScoped
public class SettingsRepository {
    private final MongoCollection<Document> collection;

    public SettingsRepository(DmpCollections collections) {
        this.collection = collections.settings();
    }

    public Optional<WorkspaceSettings> find(String workspaceId, int defaultMinExportSize) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", workspaceId)).first())
                .map(d -> map(d, defaultMinExportSize));
    }

    /** Saves when the stored version is {@code expectedVersion} (0: nothing stored yet); empty when a write came first. */
    public Optional<WorkspaceSettings> save(String workspaceId, Duration retention, int minExportSize,
            long expectedVersion) {
        Document fields = new Document("retention", retention.toString()).append("minExportSize", minExportSize);
        return VersionedDocuments.save(collection, workspaceId, fields, expectedVersion, Instant.now())
                .map(d -> map(d, minExportSize));
    }

    private static WorkspaceSettings map(Document d, int defaultMinExportSize) {
        Number min = (Number) d.get("minExportSize");
        return new WorkspaceSettings(d.getString("_id"), Duration.parse(d.getString("retention")),
                min == null ? defaultMinExportSize : min.intValue(), VersionedDocuments.version(d),
                VersionedDocuments.updatedAt(d));
    }
}
