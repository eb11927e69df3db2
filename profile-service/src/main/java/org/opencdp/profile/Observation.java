package org.opencdp.profile;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One thing learnt about a person, from any source; the unit {@code ProfileIngestion} consumes.
 *
 * <ul>
 * <li>{@code source}: where it comes from: {@code "tracking"} for the tracking API, {@code "crm"} for CRM source
 * records, {@code "import:<name>"} for imports. Its priority (config {@code cdp.profile.source-priorities}) decides
 * which trait value wins, then recency ({@code observedAt}).</li>
 * <li>{@code messageId}: lineage id kept with every trait it sets and as the event id (tracking: the Segment
 * messageId; records: e.g. {@code <recordId>:<sequence>}). Required, at most 200 characters.</li>
 * <li>{@code recordId}: {@code null} for a tracking message (de-duplicated by messageId for the de-dup window). Not
 * null for a source record: the observation then REPLACES the previous contribution of the same
 * ({@code source}, {@code recordId}) (traits it no longer carries are removed, identifiers it no longer carries lose
 * this record's link) and is not de-duplicated by messageId (the caller checks sequences).</li>
 * <li>{@code identifiers}: raw (type, value); normalised here (e-mail trimmed and lower-cased, phone to E.164),
 * blocked values and types the workspace does not know are dropped. At least one usable identifier is needed.</li>
 * <li>{@code traits}, {@code consents}: may be empty, never null.</li>
 * <li>{@code event}: optional timeline entry (always present for tracking messages).</li>
 * <li>{@code observedAt}: when the data was true (event timestamp after clock-skew correction, record
 * occurredAt); {@code receivedAt}: when the platform received it.</li>
 * </ul>
 */
public record Observation(String source, String messageId, String recordId, List<Identifier> identifiers,
        Map<String, Object> traits, Map<String, Boolean> consents, Event event, Instant observedAt,
        Instant receivedAt) {

    public Observation {
        identifiers = identifiers == null ? List.of() : identifiers;
        traits = traits == null ? Map.of() : traits;
        consents = consents == null ? Map.of() : consents;
        receivedAt = receivedAt == null ? Instant.now() : receivedAt;
        observedAt = observedAt == null ? (event != null && event.timestamp() != null ? event.timestamp() : receivedAt)
                : observedAt;
    }

    /** A tracking message (de-duplicated by messageId). */
    public static Observation message(String source, String messageId, List<Identifier> identifiers,
            Map<String, Object> traits, Map<String, Boolean> consents, Event event, Instant receivedAt) {
        return new Observation(source, messageId, null, identifiers, traits, consents, event,
                event == null ? null : event.timestamp(), receivedAt);
    }

    /** A source record's current state (replaces that record's previous contribution). */
    public static Observation record(String source, String recordId, String messageId, List<Identifier> identifiers,
            Map<String, Object> traits, Map<String, Boolean> consents, Instant occurredAt) {
        return new Observation(source, messageId, recordId, identifiers, traits, consents, null, occurredAt, null);
    }

    public boolean isRecord() {
        return recordId != null;
    }

    /** An identifier as sent: type (userId, email, phone, anonymousId, crmContactId, deviceId or custom) and value. */
    public record Identifier(String type, String value) {}

    /**
     * A timeline entry. {@code type}: identify, track, page, screen, group, alias (or a source's own, e.g. "record");
     * {@code name}: the track event name or page/screen name; {@code extra}: any other fields to keep (groupId,
     * previousId, originalTimestamp, sentAt, integrations ...).
     */
    public record Event(String type, String name, Map<String, Object> properties, Map<String, Object> context,
            Instant timestamp, Map<String, Object> extra) {}
}
