package org.opencdp.profile.service;

import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.opencdp.profile.Observation;

/** Stored shapes of timeline events and source-record contributions. */
final class EventDocuments {
    private EventDocuments() {}

    /**
     * {@code events}: {@code _id = ws|messageId}; {@code originProfileId} is the profile the event was first
     * attributed to (it never changes; a profile's timeline is the events of all its origin ids).
     */
    static Document event(String ws, String origin, Observation o) {
        Observation.Event e = o.event();
        Document d = new Document("_id", Ids.message(ws, o.messageId())).append("ws", ws)
                .append("originProfileId", origin).append("messageId", o.messageId()).append("source", o.source())
                .append("type", e.type()).append("name", e.name())
                .append("timestamp", Date.from(e.timestamp() == null ? o.observedAt() : e.timestamp()))
                .append("receivedAt", Date.from(o.receivedAt()));
        if (o.recordId() != null) {
            d.append("recordId", o.recordId());
        }
        if (e.properties() != null && !e.properties().isEmpty()) {
            d.append("properties", BsonValues.document(e.properties()));
        }
        if (!o.traits().isEmpty()) {
            d.append("traits", BsonValues.document(o.traits()));
        }
        if (!o.consents().isEmpty()) {
            d.append("consents", new Document(o.consents()));
        }
        if (e.context() != null && !e.context().isEmpty()) {
            d.append("context", BsonValues.document(e.context()));
        }
        if (e.extra() != null && !e.extra().isEmpty()) {
            d.append("extra", BsonValues.document(e.extra()));
        }
        return d;
    }

    /** {@code contributions}: the current state of one source record ({@code _id = ws|source|recordId}). */
    static Document contribution(String key, String ws, String origin, Observation o, List<String> identityKeys) {
        return new Document("_id", key).append("ws", ws).append("originProfileId", origin)
                .append("source", o.source()).append("recordId", o.recordId()).append("messageId", o.messageId())
                .append("identityKeys", identityKeys).append("traits", BsonValues.document(o.traits()))
                .append("consents", new Document(o.consents())).append("observedAt", Date.from(o.observedAt()));
    }
}
