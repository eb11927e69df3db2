package org.opencdp.dmp.repository;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.WriteModel;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
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
import org.bson.BsonBinaryReader;
import org.bson.BsonBinaryWriter;
import org.bson.ByteBuf;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.Codec;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.EncoderContext;
import org.bson.conversions.Bson;
import org.bson.io.BasicOutputBuffer;
import org.opencdp.dmp.Visitor;
import org.opencdp.dmp.Visitor.CategoryState;
import org.opencdp.dmp.config.DmpConfig;

/**
 * Visitor documents keyed by {@code workspaceId|anonymousId}. Writes are batched compare-and-set replaces (no
 * transactions needed) on the write token {@code w} each visitor was read with, or on its version; reads never return
 * an expired visitor. The visitors this replica wrote or read last are kept in memory (cdp.dmp.visitor-cache-mb) as
 * the BSON stored, with the token it was stored with, so that collection need not read them back: when another writer
 * (a replica, an audience backfill, the purge, an erasure) came first, the compare-and-set fails and the visitor is
 * read again.
 */
@ApplicationScoped
public class VisitorRepository {
    private static final String EXPIRES_AT = DmpCollections.EXPIRES_AT;
    /** Heap a cached visitor takes besides its BSON: key, entry, record and array headers. */
    private static final int ENTRY_OVERHEAD_BYTES = 160;
    private static final EncoderContext ENCODING = EncoderContext.builder().build();
    private static final DecoderContext DECODING = DecoderContext.builder().build();
    private final DmpCollections collections;
    private final MongoCollection<RawBsonDocument> rawVisitors;
    private final Codec<Document> codec;
    private final Cache<String, Remembered> recent;

    /** A visitor as stored, with the write token of that write (the key of the next compare-and-set). */
    public record Stored(Visitor visitor, String token) {}

    /**
     * A visitor as this replica last stored or read it: its BSON (a few times smaller on the heap than the decoded
     * visitor, and written to the store as it is) and write token.
     */
    private record Remembered(byte[] bson, String token) {}

    public VisitorRepository(DmpCollections collections, DmpConfig config, MeterRegistry registry) {
        this.collections = collections;
        this.rawVisitors = collections.visitors().withDocumentClass(RawBsonDocument.class);
        this.codec = collections.visitors().getCodecRegistry().get(Document.class);
        this.recent = Caffeine.newBuilder().maximumWeight(config.visitorCacheMb() * 1024L * 1024L)
                .weigher((String key, Remembered r) -> r.bson().length + 2 * key.length() + ENTRY_OVERHEAD_BYTES)
                .recordStats().build();
        CaffeineCacheMetrics.monitor(registry, recent, "dmp_visitors");
    }

    /**
     * Stored visitors by anonymous id, expired ones included (a write replaces them): from memory when
     * {@code remembered} allows and this replica holds them, else read (and remembered).
     */
    public Map<String, Stored> findForUpdate(String ws, Collection<String> anonymousIds, boolean remembered) {
        Map<String, Stored> out = new HashMap<>();
        List<String> keys = new ArrayList<>(anonymousIds.size());
        for (String aid : anonymousIds) {
            String key = Visitor.key(ws, aid);
            Remembered known = remembered ? recent.getIfPresent(key) : null;
            if (known != null) {
                out.put(aid, new Stored(map(decode(known.bson())), known.token()));
            } else {
                keys.add(key);
            }
        }
        if (!keys.isEmpty()) {
            for (RawBsonDocument raw : rawVisitors.find(Filters.in("_id", keys))) {
                byte[] bson = bytes(raw);
                Document d = decode(bson);
                Stored s = new Stored(map(d), d.getString("w"));
                out.put(s.visitor().anonymousId(), s);
                recent.put(d.getString("_id"), new Remembered(bson, s.token()));
            }
        }
        return out;
    }

    /** As {@link #writeAll(Collection, Map)}, each visitor compared on its version alone. */
    public Set<String> writeAll(Collection<Visitor> visitors) {
        return writeAll(visitors, Map.of());
    }

    /**
     * Writes the visitors: a visitor of version 1 is inserted (unless one exists), any other replaces the stored one
     * only if that is still the one it was computed from: the write token of {@code read} (by anonymous id) when
     * given, else the version {@code version - 1}. Returns the anonymous ids whose write lost to a concurrent one
     * (re-read and retry them).
     */
    public Set<String> writeAll(Collection<Visitor> visitors, Map<String, Stored> read) {
        if (visitors.isEmpty()) {
            return Set.of();
        }
        String token = UUID.randomUUID().toString();
        Map<String, Write> byKey = new LinkedHashMap<>();
        List<WriteModel<RawBsonDocument>> writes = new ArrayList<>(visitors.size());
        for (Visitor v : visitors) {
            Write w = new Write(v, encode(toDocument(v).append("w", token)));
            String key = Visitor.key(v.workspaceId(), v.anonymousId());
            byKey.put(key, w);
            RawBsonDocument d = new RawBsonDocument(w.bson());
            Stored prior = read.get(v.anonymousId());
            if (v.version() == 1) {
                writes.add(new InsertOneModel<>(d));
            } else {
                // compare-and-set on {_id, w} or {_id, v}: answered from the _id index on MongoDB and on the
                // embedded store; a token is never reused, a version is when a deleted visitor comes back
                Bson expected = prior != null && prior.token() != null ? Filters.eq("w", prior.token())
                        : Filters.eq("v", v.version() - 1);
                writes.add(new ReplaceOneModel<>(Filters.and(Filters.eq("_id", key), expected), d));
            }
        }
        int done;
        try {
            var result = rawVisitors.bulkWrite(writes, new BulkWriteOptions().ordered(false));
            done = result.getInsertedCount() + result.getModifiedCount();
        } catch (MongoBulkWriteException e) {
            done = -1;
        }
        if (done == visitors.size()) {
            byKey.forEach((key, w) -> recent.put(key, new Remembered(w.bson(), token)));
            return Set.of();
        }
        Set<String> lost = new HashSet<>();
        byKey.values().forEach(w -> lost.add(w.visitor().anonymousId()));
        recent.invalidateAll(byKey.keySet());
        for (Document d : collections.visitors().find(Filters.in("_id", byKey.keySet()))
                .projection(Projections.include("w"))) {
            if (token.equals(d.getString("w"))) {
                Write won = byKey.get(d.getString("_id"));
                lost.remove(won.visitor().anonymousId());
                recent.put(d.getString("_id"), new Remembered(won.bson(), token));
            }
        }
        return lost;
    }

    /** One visitor of a {@link #writeAll} and the BSON written for it. */
    private record Write(Visitor visitor, byte[] bson) {}

    private byte[] encode(Document d) {
        BasicOutputBuffer out = new BasicOutputBuffer(1024);
        try (BsonBinaryWriter writer = new BsonBinaryWriter(out)) {
            codec.encode(writer, d, ENCODING);
        }
        return out.toByteArray();
    }

    private Document decode(byte[] bson) {
        try (BsonBinaryReader reader = new BsonBinaryReader(ByteBuffer.wrap(bson))) {
            return codec.decode(reader, DECODING);
        }
    }

    /** The document's own bytes, without the spare capacity of the buffer it was read into. */
    private static byte[] bytes(RawBsonDocument raw) {
        ByteBuf buffer = raw.getByteBuffer();
        byte[] out = new byte[buffer.remaining()];
        buffer.get(out);
        return out;
    }

    /** The visitor unless it has expired (read by _id alone, the expiry checked here: the fastest lookup everywhere). */
    public java.util.Optional<Visitor> find(String ws, String anonymousId, Instant now) {
        return java.util.Optional.ofNullable(collections.visitors().find(Filters.eq("_id", Visitor.key(ws, anonymousId)))
                .first()).map(VisitorRepository::map).filter(v -> v.expiresAt().isAfter(now));
    }

    public boolean delete(String ws, String anonymousId) {
        recent.invalidate(Visitor.key(ws, anonymousId));
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
