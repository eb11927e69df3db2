package org.opencdp.dmp.repository;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.WriteModel;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.opencdp.dmp.Visitor;
import org.opencdp.dmp.Visitor.CategoryState;

/**
 * Visitor documents keyed by {@code workspaceId|anonymousId}. Writes are batched compare-and-set replaces on a
 * version (no transactions needed); reads never return an expired visitor.
 */
@ApplicationScoped
public class VisitorRepository {
    private static final String EXPIRES_AT = DmpCollections.EXPIRES_AT;
    private final DmpCollections collections;

    public VisitorRepository(DmpCollections collections) {
        this.collections = collections;
    }

    /** Stored visitors by anonymous id, expired ones included (a write replaces them). */
    public Map<String, Visitor> findForUpdate(String ws, Collection<String> anonymousIds) {
        List<String> keys = anonymousIds.stream().map(a -> Visitor.key(ws, a)).toList();
        Map<String, Visitor> out = new HashMap<>();
        for (Document d : collections.visitors().find(Filters.in("_id", keys))) {
            Visitor v = map(d);
            out.put(v.anonymousId(), v);
        }
        return out;
    }

    /**
     * Writes the visitors, each only if its stored version is still {@code version - 1} (or absent when version is 1);
     * returns the anonymous ids whose write lost to a concurrent one (re-read and retry them).
     */
    public Set<String> writeAll(Collection<Visitor> visitors) {
        if (visitors.isEmpty()) {
            return Set.of();
        }
        String token = UUID.randomUUID().toString();
        List<WriteModel<Document>> writes = new ArrayList<>(visitors.size());
        for (Visitor v : visitors) {
            Document d = toDocument(v).append("w", token);
            if (v.version() == 1) {
                writes.add(new InsertOneModel<>(d));
            } else {
                // compare-and-set on {_id, v}: answered from the _id index on MongoDB and on the embedded store
                writes.add(new ReplaceOneModel<>(Filters.and(Filters.eq("_id", d.getString("_id")),
                        Filters.eq("v", v.version() - 1)), d));
            }
        }
        int expected = visitors.size();
        int done;
        try {
            var result = collections.visitors().bulkWrite(writes, new BulkWriteOptions().ordered(false));
            done = result.getInsertedCount() + result.getModifiedCount();
        } catch (MongoBulkWriteException e) {
            done = -1;
        }
        if (done == expected) {
            return Set.of();
        }
        Map<String, String> byKey = new LinkedHashMap<>();
        visitors.forEach(v -> byKey.put(Visitor.key(v.workspaceId(), v.anonymousId()), v.anonymousId()));
        Set<String> lost = new HashSet<>(byKey.values());
        for (Document d : collections.visitors().find(Filters.in("_id", byKey.keySet()))
                .projection(Projections.include("w"))) {
            if (token.equals(d.getString("w"))) {
                lost.remove(byKey.get(d.getString("_id")));
            }
        }
        return lost;
    }

    /** The visitor unless it has expired (read by _id alone, the expiry checked here: the fastest lookup everywhere). */
    public java.util.Optional<Visitor> find(String ws, String anonymousId, Instant now) {
        return java.util.Optional.ofNullable(collections.visitors().find(Filters.eq("_id", Visitor.key(ws, anonymousId)))
                .first()).map(VisitorRepository::map).filter(v -> v.expiresAt().isAfter(now));
    }

    public boolean delete(String ws, String anonymousId) {
        return collections.visitors().deleteOne(Filters.eq("_id", Visitor.key(ws, anonymousId))).getDeletedCount() > 0;
    }

    /** Unexpired visitors of the workspace currently in the audience. */
    public static Bson inAudience(String ws, String audienceId, Instant now) {
        return Filters.and(Filters.eq("ws", ws), Filters.gt(EXPIRES_AT, Date.from(now)),
                Filters.elemMatch("aud", Filters.and(Filters.eq("id", audienceId), Filters.gt("until", Date.from(now)))));
    }

    public long count(Bson filter) {
        return collections.visitors().countDocuments(filter);
    }

    /** Anonymous ids matching the filter after {@code afterId} in id order, at most {@code limit}. */
    public List<String> anonymousIds(String ws, Bson filter, String afterId, int limit) {
        Bson f = afterId == null ? filter : Filters.and(filter, Filters.gt("_id", Visitor.key(ws, afterId)));
        List<String> out = new ArrayList<>(limit);
        for (Document d : collections.visitors().find(f).projection(Projections.include("aid"))
                .sort(Sorts.ascending("_id")).limit(limit)) {
            out.add(d.getString("aid"));
        }
        return out;
    }

    /** Unexpired visitors of the workspace in id order after {@code afterId}, for re-evaluating audiences. */
    public List<Visitor> page(String ws, Instant now, String afterId, int limit) {
        Bson f = Filters.and(Filters.eq("ws", ws), Filters.gt(EXPIRES_AT, Date.from(now)));
        if (afterId != null) {
            f = Filters.and(f, Filters.gt("_id", Visitor.key(ws, afterId)));
        }
        List<Visitor> out = new ArrayList<>(limit);
        for (Document d : collections.visitors().find(f).sort(Sorts.ascending("_id")).limit(limit)) {
            out.add(map(d));
        }
        return out;
    }

    static Document toDocument(Visitor v) {
        Document cats = new Document();
        v.categories().forEach((id, s) -> cats.append(id, new Document("r", s.raw()).append("at", Date.from(s.at()))
                .append("h", HitTimes.pack(s.hits()))));
        List<Document> aud = new ArrayList<>();
        v.audiences().forEach((id, until) -> aud.add(new Document("id", id).append("until", Date.from(until))));
        return new Document("_id", Visitor.key(v.workspaceId(), v.anonymousId())).append("ws", v.workspaceId())
                .append("aid", v.anonymousId()).append("firstSeen", Date.from(v.firstSeen()))
                .append("lastSeen", Date.from(v.lastSeen())).append(EXPIRES_AT, Date.from(v.expiresAt()))
                .append("device", v.device()).append("country", v.country()).append("region", v.region())
                .append("n", v.events()).append("cats", cats).append("aud", aud).append("v", v.version());
    }

    static Visitor map(Document d) {
        Map<String, CategoryState> cats = new HashMap<>();
        Document c = d.get("cats", Document.class);
        if (c != null) {
            for (Map.Entry<String, Object> e : c.entrySet()) {
                Document s = (Document) e.getValue();
                List<Instant> hits = HitTimes.unpack(s.get("h"));
                cats.put(e.getKey(), new CategoryState(((Number) s.get("r")).doubleValue(),
                        s.getDate("at").toInstant(), hits));
            }
        }
        Map<String, Instant> aud = new HashMap<>();
        List<Document> a = d.getList("aud", Document.class);
        if (a != null) {
            a.forEach(x -> aud.put(x.getString("id"), x.getDate("until").toInstant()));
        }
        return new Visitor(d.getString("ws"), d.getString("aid"), d.getDate("firstSeen").toInstant(),
                d.getDate("lastSeen").toInstant(), d.getDate(EXPIRES_AT).toInstant(), d.getString("device"),
                d.getString("country"), d.getString("region"), ((Number) d.get("n")).longValue(), cats, aud,
                ((Number) d.get("v")).longValue());
    }
}
