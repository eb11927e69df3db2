package org.opencdp.dmp.repository;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.opencdp.dmp.api.VisitorView;

/**
 * Partner ids synced with our anonymous ids ({@code workspace|partner|anonymousId}) and partner segment data
 * ({@code workspace|partner|idType|id}); both expire and are never returned once expired.
 */
@ApplicationScoped
public class PartnerRepository {
    private static final String EXPIRES_AT = DmpCollections.EXPIRES_AT;
    private final DmpCollections collections;

    public PartnerRepository(DmpCollections collections) {
        this.collections = collections;
    }

    public void saveSync(String ws, String partner, String partnerUserId, String aid, Instant now, Instant expiresAt) {
        String id = ws + "|" + partner + "|" + aid;
        collections.idSyncs().replaceOne(Filters.eq("_id", id), new Document("_id", id).append("ws", ws)
                .append("partner", partner).append("aid", aid).append("puid", partnerUserId)
                .append("syncedAt", Date.from(now)).append(EXPIRES_AT, Date.from(expiresAt)),
                new ReplaceOptions().upsert(true));
    }

    public List<VisitorView.PartnerId> syncedIds(String ws, String aid, Instant now) {
        List<VisitorView.PartnerId> out = new ArrayList<>();
        for (Document d : collections.idSyncs().find(Filters.and(Filters.eq("ws", ws), Filters.eq("aid", aid),
                Filters.gt(EXPIRES_AT, Date.from(now))))) {
            out.add(new VisitorView.PartnerId(d.getString("partner"), d.getString("puid")));
        }
        return out;
    }

    /** The partner's user ids of these anonymous ids, where synced and unexpired. */
    public Map<String, String> partnerIds(String ws, String partner, Collection<String> aids, Instant now) {
        List<String> keys = aids.stream().map(a -> ws + "|" + partner + "|" + a).toList();
        Map<String, String> out = new HashMap<>();
        for (Document d : collections.idSyncs().find(Filters.in("_id", keys))) {
            if (d.getDate(EXPIRES_AT).toInstant().isAfter(now)) {   // expiry checked here: _id alone is the fast path
                out.put(d.getString("aid"), d.getString("puid"));
            }
        }
        return out;
    }

    /** Our anonymous ids of these partner user ids, where synced and unexpired. */
    public Map<String, String> anonymousIds(String ws, String partner, Collection<String> partnerUserIds, Instant now) {
        Map<String, String> out = new HashMap<>();
        for (Document d : collections.idSyncs().find(Filters.and(Filters.eq("ws", ws), Filters.eq("partner", partner),
                Filters.in("puid", partnerUserIds), Filters.gt(EXPIRES_AT, Date.from(now))))) {
            out.put(d.getString("puid"), d.getString("aid"));
        }
        return out;
    }

    /** Upserts partner segment records (documents with _id, ws, partner, idType, id, aid, segments, expiresAt). */
    public void upsertPartnerData(List<Document> records) {
        if (records.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> writes = new ArrayList<>(records.size());
        records.forEach(d -> writes.add(new ReplaceOneModel<>(Filters.eq("_id", d.getString("_id")), d,
                new ReplaceOptions().upsert(true))));
        collections.partnerData().bulkWrite(writes, new BulkWriteOptions().ordered(false));
    }

    /** Links partner-id records uploaded before the sync to the anonymous id. */
    public void linkPartnerData(String ws, String partner, String partnerUserId, String aid) {
        collections.partnerData().updateOne(Filters.eq("_id", ws + "|" + partner + "|partner|" + partnerUserId),
                new Document("$set", new Document("aid", aid)));
    }

    public List<VisitorView.PartnerSegment> segmentsOf(String ws, String aid, Instant now) {
        List<VisitorView.PartnerSegment> out = new ArrayList<>();
        for (Document d : collections.partnerData().find(Filters.and(Filters.eq("ws", ws), Filters.eq("aid", aid),
                Filters.gt(EXPIRES_AT, Date.from(now))))) {
            Instant expires = d.getDate(EXPIRES_AT).toInstant();
            for (String code : d.getList("segments", String.class)) {
                out.add(new VisitorView.PartnerSegment(d.getString("partner"), code, expires));
            }
        }
        return out;
    }

    public long deleteByVisitor(String ws, String aid) {
        var filter = Filters.and(Filters.eq("ws", ws), Filters.eq("aid", aid));
        return collections.idSyncs().deleteMany(filter).getDeletedCount()
                + collections.partnerData().deleteMany(filter).getDeletedCount();
    }
}
