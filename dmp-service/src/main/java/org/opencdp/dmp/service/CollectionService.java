package org.opencdp.dmp.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.opencdp.dmp.api.CollectEvent;
import org.opencdp.dmp.api.CollectResult;
import org.opencdp.dmp.api.CollectResult.Note;
import org.opencdp.dmp.repository.DmpCollections;
import org.opencdp.dmp.repository.EventRepository;

/**
 * Collection: prepares each event (consent, validation, personal data, IP, device, geo), categorises it, inserts the
 * batch of events in one call and applies it to the visitors in one read and one bulk write.
 */
@ApplicationScoped
public class CollectionService {
    private final EventPreparer preparer;
    private final SettingsService settings;
    private final WorkspaceDefinitions definitions;
    private final EventRepository events;
    private final VisitorUpdater visitors;
    private final DmpClock clock;

    public CollectionService(EventPreparer preparer, SettingsService settings, WorkspaceDefinitions definitions,
            EventRepository events, VisitorUpdater visitors, DmpClock clock) {
        this.preparer = preparer;
        this.settings = settings;
        this.definitions = definitions;
        this.events = events;
        this.visitors = visitors;
        this.clock = clock;
    }

    public CollectResult collect(String ws, List<CollectEvent> batch, EventPreparer.RequestInfo request) {
        Instant now = clock.now();
        Duration retention = settings.cached(ws).retention();
        Date expiresAt = Date.from(now.plus(retention));
        WorkspaceDefinitions.Snapshot defs = definitions.of(ws);
        List<Note> notes = new ArrayList<>();
        List<Document> docs = new ArrayList<>(batch.size());
        List<VisitorUpdater.Hit> hits = new ArrayList<>(batch.size());
        int withoutConsent = 0;
        int rejected = 0;
        for (int i = 0; i < batch.size(); i++) {
            int before = notes.size();
            Optional<EventPreparer.Prepared> prepared = preparer.prepare(i, batch.get(i), request, now, retention, notes);
            if (prepared.isEmpty()) {
                if (EventPreparer.NOT_STORED.equals(notes.get(before).outcome())) {
                    withoutConsent++;
                } else {
                    rejected++;
                }
                continue;
            }
            EventPreparer.Prepared p = prepared.get();
            Map<String, Double> categories = defs.categoriser().categorise(
                    new Categoriser.Input(p.url(), p.title(), p.keywords(), p.event(), p.properties()));
            docs.add(document(ws, p, categories, now, expiresAt));
            hits.add(new VisitorUpdater.Hit(p.anonymousId(), p.time(), categories, p.device(), p.country(), p.region()));
        }
        events.insertAll(docs);
        visitors.apply(ws, hits, defs.audiences(), now, retention);
        return new CollectResult(batch.size(), docs.size(), withoutConsent, rejected, notes);
    }

    private static Document document(String ws, EventPreparer.Prepared p, Map<String, Double> categories, Instant now,
            Date expiresAt) {
        // a string id in ObjectId order (time first): the embedded store compares string keys far faster
        Document d = new Document("_id", new ObjectId().toHexString()).append("ws", ws).append("aid", p.anonymousId())
                .append("type", p.type());
        put(d, "event", p.event());
        put(d, "url", p.url());
        put(d, "ref", p.referrer());
        put(d, "title", p.title());
        if (!p.keywords().isEmpty()) {
            d.append("keywords", p.keywords());
        }
        if (!p.properties().isEmpty()) {
            d.append("props", storable(p.properties()));
        }
        d.append("device", p.device());
        put(d, "ip", p.ip());
        put(d, "country", p.country());
        put(d, "region", p.region());
        if (!categories.isEmpty()) {
            d.append("cats", List.copyOf(categories.keySet()));
        }
        return d.append("at", Date.from(p.time())).append("receivedAt", Date.from(now))
                .append(DmpCollections.EXPIRES_AT, expiresAt);
    }

    /** Field names MongoDB accepts everywhere: no dots, no leading dollar. */
    static Document storable(Map<?, ?> map) {
        Document out = new Document();
        map.forEach((k, v) -> {
            String key = String.valueOf(k).replace('.', '_');
            out.append(key.startsWith("$") ? "_" + key.substring(1) : key, storableValue(v));
        });
        return out;
    }

    private static Object storableValue(Object v) {
        if (v instanceof Map<?, ?> m) {
            return storable(m);
        }
        if (v instanceof List<?> list) {
            return list.stream().map(CollectionService::storableValue).toList();
        }
        return v;
    }

    private static void put(Document d, String key, Object value) {
        if (value != null) {
            d.append(key, value);
        }
    }
}
