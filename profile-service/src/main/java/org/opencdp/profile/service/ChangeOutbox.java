package org.opencdp.profile.service;

import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.opencdp.profile.ProfileState;

/**
 * The pending change of a profile for segment-service, kept in the profile document itself: {@code pendingChange:
 * {seq, reason, changedAt, dueAt, attempts, lastError, lease}}, with a sparse index on {@code pendingChange.dueAt}.
 * It is recorded by the same compare-and-set write that changes the profile, so a change is never written without its
 * notification and costs no write of its own. Changes of one profile coalesce: {@link ChangeNotifier} sends the
 * profile's current state with its version as the sequence; {@code seq} counts changes, so that a change made while
 * a delivery is in flight is delivered again.
 */
public final class ChangeOutbox {
    public static final String FIELD = "pendingChange";
    public static final String DUE_AT = FIELD + ".dueAt";
    public static final String SEQ = FIELD + ".seq";

    private ChangeOutbox() {}

    /**
     * Marks the profile as changed by {@code reason}, to be written with it. A pending change already waiting keeps its
     * due time and attempts (a delivery in flight or backing off is not hurried).
     */
    public static void mark(ProfileState profile, String reason, Instant now) {
        Document doc = profile.document();
        Document previous = doc.get(FIELD, Document.class);
        Document pending = previous == null ? new Document() : new Document(previous);
        Object seq = pending.get("seq");
        pending.put("seq", (seq instanceof Number n ? n.longValue() : 0L) + 1);
        pending.put("reason", reason);
        pending.put("changedAt", Date.from(now));
        pending.putIfAbsent("dueAt", Date.from(now));
        pending.putIfAbsent("attempts", 0);
        doc.put(FIELD, pending);
    }
}
