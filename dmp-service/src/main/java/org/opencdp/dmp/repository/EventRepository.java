package org.opencdp.dmp.repository;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;

/** Collected events (already cleaned of personal data), inserted in batches; each carries {@code expiresAt}. */
@ApplicationScoped
public class EventRepository {
    private final DmpCollections collections;

    public EventRepository(DmpCollections collections) {
        this.collections = collections;
    }

    public void insertAll(List<Document> events) {
        if (!events.isEmpty()) {
            collections.events().insertMany(events, new InsertManyOptions().ordered(false));
        }
    }

    public long deleteByVisitor(String ws, String anonymousId) {
        return collections.events().deleteMany(Filters.and(Filters.eq("ws", ws), Filters.eq("aid", anonymousId)))
                .getDeletedCount();
    }

    /** Unexpired events of a visitor (newest last), at most {@code limit}. */
    public List<Document> ofVisitor(String ws, String anonymousId, Instant now, int limit) {
        return collections.events().find(Filters.and(Filters.eq("ws", ws), Filters.eq("aid", anonymousId),
                Filters.gt(DmpCollections.EXPIRES_AT, Date.from(now)))).limit(limit).into(new java.util.ArrayList<>());
    }
}
