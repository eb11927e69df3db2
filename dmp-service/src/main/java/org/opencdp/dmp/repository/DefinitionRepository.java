package org.opencdp.dmp.repository;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.opencdp.dmp.Audience;
import org.opencdp.dmp.Category;
import org.opencdp.dmp.CategoryRule;

/**
 * A workspace's own definitions: custom categories, category rules and audiences. Keyed by
 * {@code workspaceId|id}, so reads by id never cross workspaces.
 */
@ApplicationScoped
public class DefinitionRepository {
    private final DmpCollections collections;

    public DefinitionRepository(DmpCollections collections) {
        this.collections = collections;
    }

    private static String key(String ws, String id) {
        return ws + "|" + id;
    }

    // categories

    public List<Category> categories(String ws) {
        List<Category> out = new ArrayList<>();
        for (Document d : collections.categories().find(Filters.eq("ws", ws)).sort(Sorts.ascending("_id"))) {
            out.add(new Category(d.getString("id"), d.getString("name"), d.getString("parent"),
                    d.getInteger("tier", 1), false));
        }
        return out;
    }

    /** Inserts; false when the id exists already. */
    public boolean insertCategory(String ws, Category c) {
        return insert(collections.categories(), new Document("_id", key(ws, c.id())).append("ws", ws)
                .append("id", c.id()).append("name", c.name()).append("parent", c.parentId()).append("tier", c.tier()));
    }

    public boolean deleteCategory(String ws, String id) {
        return collections.categories().deleteOne(Filters.eq("_id", key(ws, id))).getDeletedCount() > 0;
    }

    // rules

    public List<CategoryRule> rules(String ws) {
        List<CategoryRule> out = new ArrayList<>();
        for (Document d : collections.rules().find(Filters.eq("ws", ws)).sort(Sorts.ascending("_id"))) {
            out.add(rule(d));
        }
        return out;
    }

    public Optional<CategoryRule> rule(String ws, String id) {
        return Optional.ofNullable(collections.rules().find(Filters.eq("_id", key(ws, id))).first())
                .map(DefinitionRepository::rule);
    }

    public void saveRule(CategoryRule r) {
        collections.rules().replaceOne(Filters.eq("_id", key(r.workspaceId(), r.id())),
                new Document("_id", key(r.workspaceId(), r.id())).append("ws", r.workspaceId()).append("id", r.id())
                        .append("type", r.type()).append("pattern", r.pattern()).append("property", r.property())
                        .append("value", r.value()).append("categoryId", r.categoryId()).append("weight", r.weight()),
                new ReplaceOptions().upsert(true));
    }

    public boolean deleteRule(String ws, String id) {
        return collections.rules().deleteOne(Filters.eq("_id", key(ws, id))).getDeletedCount() > 0;
    }

    private static CategoryRule rule(Document d) {
        return new CategoryRule(d.getString("id"), d.getString("ws"), d.getString("type"), d.getString("pattern"),
                d.getString("property"), d.getString("value"), d.getString("categoryId"),
                ((Number) d.get("weight")).doubleValue());
    }

    // audiences

    public List<Audience> audiences(String ws) {
        List<Audience> out = new ArrayList<>();
        for (Document d : collections.audiences().find(Filters.eq("ws", ws)).sort(Sorts.ascending("_id"))) {
            out.add(audience(d));
        }
        return out;
    }

    public Optional<Audience> audience(String ws, String id) {
        return Optional.ofNullable(collections.audiences().find(Filters.eq("_id", key(ws, id))).first())
                .map(DefinitionRepository::audience);
    }

    public void saveAudience(Audience a) {
        collections.audiences().replaceOne(Filters.eq("_id", key(a.workspaceId(), a.id())),
                new Document("_id", key(a.workspaceId(), a.id())).append("ws", a.workspaceId()).append("id", a.id())
                        .append("name", a.name()).append("categories", a.categories())
                        .append("minVisits", a.minVisits()).append("window", a.window().toString())
                        .append("minScore", a.minScore()).append("createdAt", Date.from(a.createdAt())),
                new ReplaceOptions().upsert(true));
    }

    public boolean deleteAudience(String ws, String id) {
        return collections.audiences().deleteOne(Filters.eq("_id", key(ws, id))).getDeletedCount() > 0;
    }

    private static Audience audience(Document d) {
        return new Audience(d.getString("id"), d.getString("ws"), d.getString("name"),
                d.getList("categories", String.class), d.getInteger("minVisits", 1),
                Duration.parse(d.getString("window")), ((Number) d.get("minScore")).doubleValue(),
                d.getDate("createdAt").toInstant());
    }

    private static boolean insert(MongoCollection<Document> c, Document d) {
        try {
            c.insertOne(d);
            return true;
        } catch (com.mongodb.MongoWriteException e) {
            if (e.getError().getCategory() == com.mongodb.ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }
}
