package org.opencdp.profile.repository;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.opencdp.common.mongo.VersionedDocuments;
import org.opencdp.profile.IdentityRules;

/** One identity-rules document per workspace, keyed by the workspace id. */
@ApplicationScoped
public class IdentityRulesRepository {
    private final MongoCollection<Document> collection;

    public IdentityRulesRepository(MongoClient client,
            @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.collection = client.getDatabase(database).getCollection("identity_rules");
    }

    public Optional<IdentityRules> find(String workspaceId) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", workspaceId)).first())
                .map(IdentityRulesRepository::map);
    }

    public Optional<IdentityRules> save(String workspaceId, List<IdentityRules.TypeRule> types,
            List<String> blockedValues, long expectedVersion) {
        List<Document> typeDocs = types.stream().map(t -> new Document("type", t.type())
                .append("maxPerProfile", t.maxPerProfile()).append("builtIn", t.builtIn())).toList();
        Document fields = new Document("types", typeDocs).append("blockedValues", blockedValues);
        return VersionedDocuments.save(collection, workspaceId, fields, expectedVersion, Instant.now())
                .map(IdentityRulesRepository::map);
    }

    private static IdentityRules map(Document d) {
        List<IdentityRules.TypeRule> types = d.getList("types", Document.class).stream()
                .map(t -> new IdentityRules.TypeRule(t.getString("type"), t.getInteger("maxPerProfile"),
                        t.getBoolean("builtIn")))
                .toList();
        return new IdentityRules(d.getString("_id"), types, d.getList("blockedValues", String.class),
                VersionedDocuments.version(d), VersionedDocuments.updatedAt(d));
    }
}
