package org.opencdp.profile.service;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.opencdp.common.problem.Problem;
import org.opencdp.common.time.IsoInstants;
import org.opencdp.profile.Observation;

/**
 * Validates one Segment-spec message and turns it into an {@link Observation}: userId or anonymousId required,
 * {@code event} for track, {@code previousId} + {@code userId} for alias, {@code groupId} for group; messageId
 * generated when absent; timestamp corrected for clock skew ({@code receivedAt - (sentAt - originalTimestamp)}; an
 * explicit {@code timestamp} without originalTimestamp is taken as is, e.g. historical imports); context kept.
 */
public final class TrackingParser {
    public static final Set<String> TYPES = Set.of("identify", "track", "page", "screen", "group", "alias");
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};
    private static final Set<String> KNOWN = Set.of("type", "userId", "anonymousId", "messageId", "timestamp",
            "originalTimestamp", "sentAt", "receivedAt", "context", "traits", "properties", "event", "name",
            "category", "groupId", "previousId", "integrations", "writeKey", "channel", "version", "_metadata");
    private final ObjectMapper mapper;

    public TrackingParser(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** A message that failed validation: the field and why. */
    public record Rejection(String field, String reason) {
        public Problem.Violation violation(String prefix) {
            return new Problem.Violation(prefix + field, reason);
        }
    }

    /** Either an observation or a rejection. */
    public record Parsed(Observation observation, Rejection rejection) {}

    /**
     * @param type the call (from the path, or the message's own {@code type} in a batch)
     * @param batchDefaults batch-level sentAt/context/integrations (null for single calls)
     * @param customTypes identifier types the workspace declares beyond the built-in ones (read from traits)
     */
    public Parsed parse(JsonNode node, String type, ObjectNode batchDefaults, Instant receivedAt, String clientIp,
            Set<String> customTypes) {
        if (node == null || !node.isObject()) {
            return reject("", "must be a JSON object");
        }
        String t = type != null ? type : text(node, "type");
        if (t == null || !TYPES.contains(t)) {
            return reject("type", "must be one of identify, track, page, screen, group, alias");
        }
        String userId = idText(node, "userId");
        String anonymousId = idText(node, "anonymousId");
        for (String f : List.of("userId", "anonymousId", "previousId", "groupId")) {
            JsonNode v = node.get(f);
            if (v != null && !v.isNull() && !(v.isTextual() || v.isNumber())) {
                return reject(f, "must be a string");
            }
            if (v != null && v.asText().length() > 320) {
                return reject(f, "must be at most 320 characters");
            }
        }
        if (blank(userId) && blank(anonymousId)) {
            return reject("userId", "userId or anonymousId is required");
        }
        if (t.equals("track") && blank(text(node, "event"))) {
            return reject("event", "is required for track");
        }
        if (t.equals("alias") && (blank(idText(node, "previousId")) || blank(userId))) {
            return reject(blank(userId) ? "userId" : "previousId", "previousId and userId are required for alias");
        }
        if (t.equals("group") && blank(idText(node, "groupId"))) {
            return reject("groupId", "is required for group");
        }
        for (String f : List.of("traits", "properties", "context", "integrations")) {
            JsonNode v = node.get(f);
            if (v != null && !v.isNull() && !v.isObject()) {
                return reject(f, "must be an object");
            }
        }
        JsonNode messageIdNode = node.get("messageId");
        String messageId;
        if (messageIdNode == null || messageIdNode.isNull() || messageIdNode.asText().isBlank()) {
            messageId = "srv-" + Long.toHexString(ThreadLocalRandom.current().nextLong())
                    + Long.toHexString(ThreadLocalRandom.current().nextLong());
        } else if (!messageIdNode.isTextual() || messageIdNode.asText().length() > 100) {
            return reject("messageId", "must be a string of at most 100 characters");
        } else {
            messageId = messageIdNode.asText();
        }
        Instant timestamp;
        Instant original;
        Instant sentAt;
        try {
            Instant explicit = instant(node, "timestamp");
            original = instant(node, "originalTimestamp");
            sentAt = instant(node, "sentAt");
            if (sentAt == null && batchDefaults != null) {
                sentAt = instant(batchDefaults, "sentAt");
            }
            if (original != null && sentAt != null) {
                timestamp = receivedAt.minusMillis(sentAt.toEpochMilli() - original.toEpochMilli());
            } else if (explicit != null) {
                timestamp = explicit;
            } else {
                timestamp = original != null ? original : receivedAt;
            }
        } catch (DateTimeParseException e) {
            return reject(e.getParsedString() == null ? "timestamp" : e.getMessage(),
                    "must be an ISO-8601 date-time");
        }
        Map<String, Object> context = map(node.get("context"));
        if (batchDefaults != null && batchDefaults.get("context") instanceof ObjectNode shared) {
            Map<String, Object> merged = map(shared);
            merged.putAll(context);
            context = merged;
        }
        if (clientIp != null && !context.containsKey("ip")) {
            context.put("ip", clientIp);
        }
        Map<String, Object> traits = new LinkedHashMap<>();
        Map<String, Object> contextTraits = context.get("traits") instanceof Map<?, ?> ct ? cast(ct) : Map.of();
        if (t.equals("identify")) {
            traits.putAll(contextTraits);
            traits.putAll(map(node.get("traits")));
        }
        List<Observation.Identifier> ids = identifiers(node, t, userId, anonymousId, traits, contextTraits, context,
                customTypes);
        Map<String, Object> extra = new LinkedHashMap<>();
        node.fields().forEachRemaining(f -> {
            if (!KNOWN.contains(f.getKey())) {
                extra.put(f.getKey(), mapper.convertValue(f.getValue(), Object.class));
            }
        });
        for (String f : List.of("groupId", "previousId", "category", "integrations", "channel")) {
            if (node.hasNonNull(f)) {
                extra.put(f, mapper.convertValue(node.get(f), Object.class));
            }
        }
        if (t.equals("group") && node.hasNonNull("traits")) {
            extra.put("groupTraits", map(node.get("traits")));
        }
        if (original != null) {
            extra.put("originalTimestamp", original.toString());
        }
        if (sentAt != null) {
            extra.put("sentAt", sentAt.toString());
        }
        if (!blank(userId)) {
            extra.put("userId", userId);
        }
        if (!blank(anonymousId)) {
            extra.put("anonymousId", anonymousId);
        }
        String name = t.equals("track") ? text(node, "event") : text(node, "name");
        Observation.Event event = new Observation.Event(t, name, map(node.get("properties")), context, timestamp,
                extra);
        return new Parsed(Observation.message("tracking", messageId, ids, traits, consents(context), event,
                receivedAt), null);
    }

    private static List<Observation.Identifier> identifiers(JsonNode node, String type, String userId,
            String anonymousId, Map<String, Object> traits, Map<String, Object> contextTraits,
            Map<String, Object> context, Set<String> customTypes) {
        List<Observation.Identifier> ids = new ArrayList<>();
        if (!blank(userId)) {
            ids.add(new Observation.Identifier("userId", userId));
        }
        if (!blank(anonymousId)) {
            ids.add(new Observation.Identifier("anonymousId", anonymousId));
        }
        if (type.equals("alias")) {
            ids.add(new Observation.Identifier("previousId", idText(node, "previousId")));
        }
        for (Map<String, Object> source : List.of(traits, contextTraits)) {
            addText(ids, "email", source.get("email"));
            addText(ids, "phone", source.get("phone"));
            for (String custom : customTypes) {
                addText(ids, custom, source.get(custom));
            }
        }
        if (context.get("device") instanceof Map<?, ?> device) {
            addText(ids, "deviceId", device.get("id"));
        }
        return ids;
    }

    private static void addText(List<Observation.Identifier> ids, String type, Object value) {
        if (value instanceof String || value instanceof Number) {
            Observation.Identifier id = new Observation.Identifier(type, value.toString());
            if (!ids.contains(id)) {
                ids.add(id);
            }
        }
    }

    /** Segment consent: context.consent.categoryPreferences {"Advertising": true, ...}. */
    private static Map<String, Boolean> consents(Map<String, Object> context) {
        Map<String, Boolean> out = new LinkedHashMap<>();
        if (context.get("consent") instanceof Map<?, ?> consent
                && consent.get("categoryPreferences") instanceof Map<?, ?> prefs) {
            prefs.forEach((k, v) -> {
                if (v instanceof Boolean b) {
                    out.put(BsonValues.safeKey(String.valueOf(k)), b);
                }
            });
        }
        return out;
    }

    private static Parsed reject(String field, String reason) {
        return new Parsed(null, new Rejection(field, reason));
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() || !v.isTextual() ? null : v.asText();
    }

    private static String idText(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() || !(v.isTextual() || v.isNumber()) ? null : v.asText();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static Instant instant(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new DateTimeParseException(field, "", 0);
        }
        try {
            return IsoInstants.parse(v.asText());
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(v.asText());
            } catch (DateTimeParseException e2) {
                throw new DateTimeParseException(field, v.asText(), 0);
            }
        }
    }

    private Map<String, Object> map(JsonNode node) {
        if (node == null || !node.isObject()) {
            return new LinkedHashMap<>();
        }
        return mapper.convertValue(node, MAP);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }
}
