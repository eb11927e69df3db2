package org.opencdp.profile;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.bson.Document;

/**
 * A profile document being changed in memory: identities, traits with lineage, consents, computed traits and the
 * origin ids (this profile's own id plus the ids of the profiles merged into it, which own the events and records
 * they first received). Every change goes through the same fold, so that applying messages one by one and
 * re-deriving a profile from its events and records give the same result.
 *
 * <p>Stored shape ({@code profiles} collection, {@code _id} = profile id): ws, version, createdAt, updatedAt,
 * mergedInto, mergeId, originIds, identities [{type, value, origin}], traits {name: value}, traitLineage {name:
 * {source, messageId, recordId, updatedAt, priority}}, consents {name: {granted, source, messageId, updatedAt}},
 * computed {firstSeen, lastSeen, eventCounts, orderCount, revenue, lastOrderDate}, mergedProfiles
 * [{profileId, mergeId, at}], audiences, segments.
 */
public final class ProfileState {
    public static final String ORDER_COMPLETED = "Order Completed";
    private final Document doc;
    private final long loadedVersion;

    public ProfileState(Document doc) {
        this.doc = doc;
        Object v = doc.get("version");
        this.loadedVersion = v == null ? 0L : ((Number) v).longValue();
    }

    public static ProfileState blank(String workspaceId, String id, Instant now) {
        Document d = new Document("_id", id).append("ws", workspaceId).append("version", 0L)
                .append("createdAt", Date.from(now)).append("updatedAt", Date.from(now))
                .append("originIds", new ArrayList<>(List.of(id))).append("identities", new ArrayList<Document>())
                .append("traits", new Document()).append("traitLineage", new Document())
                .append("consents", new Document()).append("computed", new Document())
                .append("mergedProfiles", new ArrayList<Document>())
                .append("audiences", new ArrayList<>()).append("segments", new ArrayList<>());
        return new ProfileState(d);
    }

    /** The empty profile document inserted before identities point to it. */
    public static Document shell(String workspaceId, String id, Instant now) {
        return blank(workspaceId, id, now).doc;
    }

    public Document document() {
        return doc;
    }

    public String id() {
        return doc.getString("_id");
    }

    public long loadedVersion() {
        return loadedVersion;
    }

    public String mergedInto() {
        return doc.getString("mergedInto");
    }

    @SuppressWarnings("unchecked")
    public List<String> originIds() {
        List<String> l = (List<String>) doc.get("originIds");
        if (l == null) {
            l = new ArrayList<>(List.of(id()));
            doc.put("originIds", l);
        }
        return l;
    }

    @SuppressWarnings("unchecked")
    public List<Document> identities() {
        return (List<Document>) doc.get("identities");
    }

    public Document traits() {
        return sub("traits");
    }

    public Document lineage() {
        return sub("traitLineage");
    }

    public Document consents() {
        return sub("consents");
    }

    public Document computed() {
        return sub("computed");
    }

    private Document sub(String name) {
        Document d = doc.get(name, Document.class);
        if (d == null) {
            d = new Document();
            doc.put(name, d);
        }
        return d;
    }

    public long countOf(String type) {
        return identities().stream().filter(i -> type.equals(i.getString("type"))).count();
    }

    public boolean hasIdentity(String type, String value) {
        return identities().stream().anyMatch(i -> type.equals(i.getString("type")) && value.equals(i.getString("value")));
    }

    public void addIdentity(String type, String value, String origin) {
        if (!hasIdentity(type, value)) {
            identities().add(new Document("type", type).append("value", value).append("origin", origin));
        }
    }

    public void removeIdentity(String type, String value) {
        identities().removeIf(i -> type.equals(i.getString("type")) && value.equals(i.getString("value")));
    }

    /** Sets each trait unless the current value comes from a higher-priority source or a more recent message. */
    public void applyTraits(Map<String, Object> traits, String source, String messageId, String recordId,
            Instant observedAt, int priority) {
        Document values = traits();
        Document lineage = lineage();
        for (Map.Entry<String, Object> t : traits.entrySet()) {
            Document current = lineage.get(t.getKey(), Document.class);
            if (current == null || wins(priority, observedAt, current)) {
                values.put(t.getKey(), t.getValue());
                lineage.put(t.getKey(), new Document("source", source).append("messageId", messageId)
                        .append("recordId", recordId).append("updatedAt", Date.from(observedAt))
                        .append("priority", priority));
            }
        }
    }

    private static boolean wins(int priority, Instant at, Document current) {
        int p = current.getInteger("priority", 0);
        if (priority != p) {
            return priority > p;
        }
        Date c = current.getDate("updatedAt");
        return c == null || !at.isBefore(c.toInstant());
    }

    /** Consents: the most recent statement wins whatever its source. */
    public void applyConsents(Map<String, Boolean> consents, String source, String messageId, Instant observedAt) {
        Document all = consents();
        for (Map.Entry<String, Boolean> c : consents.entrySet()) {
            if (c.getValue() == null) {
                continue;
            }
            Document current = all.get(c.getKey(), Document.class);
            Date at = current == null ? null : current.getDate("updatedAt");
            if (at == null || !observedAt.isBefore(at.toInstant())) {
                all.put(c.getKey(), new Document("granted", c.getValue()).append("source", source)
                        .append("messageId", messageId).append("updatedAt", Date.from(observedAt)));
            }
        }
    }

    /** Computed traits from one timeline event. */
    public void applyEvent(String type, String name, Map<String, Object> properties, Instant at) {
        Document c = computed();
        Date when = Date.from(at);
        Date first = c.getDate("firstSeen");
        if (first == null || when.before(first)) {
            c.put("firstSeen", when);
        }
        Date last = c.getDate("lastSeen");
        if (last == null || when.after(last)) {
            c.put("lastSeen", when);
        }
        if (!"track".equals(type) || name == null) {
            return;
        }
        Document counts = c.get("eventCounts", Document.class);
        if (counts == null) {
            counts = new Document();
            c.put("eventCounts", counts);
        }
        String key = org.opencdp.profile.service.BsonValues.safeKey(name);
        counts.put(key, ((Number) counts.getOrDefault(key, 0L)).longValue() + 1);
        if (ORDER_COMPLETED.equals(name)) {
            c.put("orderCount", ((Number) c.getOrDefault("orderCount", 0L)).longValue() + 1);
            double revenue = revenue(properties);
            c.put("revenue", round(((Number) c.getOrDefault("revenue", 0.0)).doubleValue() + revenue));
            Date lastOrder = c.getDate("lastOrderDate");
            if (lastOrder == null || when.after(lastOrder)) {
                c.put("lastOrderDate", when);
            }
        }
    }

    /** revenue, else total, else the sum of price * quantity of the products (Segment e-commerce spec). */
    @SuppressWarnings("unchecked")
    public static double revenue(Map<String, Object> p) {
        if (p == null) {
            return 0;
        }
        for (String key : List.of("revenue", "total")) {
            double v = org.opencdp.profile.service.BsonValues.number(p.get(key));
            if (!Double.isNaN(v)) {
                return v;
            }
        }
        double sum = 0;
        if (p.get("products") instanceof List<?> products) {
            for (Object o : products) {
                if (o instanceof Map<?, ?> m) {
                    double price = org.opencdp.profile.service.BsonValues.number(((Map<String, Object>) m).get("price"));
                    double qty = org.opencdp.profile.service.BsonValues.number(((Map<String, Object>) m).get("quantity"));
                    if (!Double.isNaN(price)) {
                        sum += price * (Double.isNaN(qty) ? 1 : qty);
                    }
                }
            }
        }
        return sum;
    }

    private static double round(double v) {
        return Math.round(v * 10_000d) / 10_000d;
    }

    /** Takes in everything of a profile merged into this one. */
    public void absorb(ProfileState loser, String mergeId, Instant at) {
        LinkedHashSet<String> origins = new LinkedHashSet<>(originIds());
        origins.addAll(loser.originIds());
        doc.put("originIds", new ArrayList<>(origins));
        for (Document i : loser.identities()) {
            addIdentity(i.getString("type"), i.getString("value"), i.getString("origin"));
        }
        Document lineage = lineage();
        for (Map.Entry<String, Object> t : loser.traits().entrySet()) {
            Document theirs = loser.lineage().get(t.getKey(), Document.class);
            Document ours = lineage.get(t.getKey(), Document.class);
            if (theirs != null && (ours == null || beats(theirs, ours))) {
                traits().put(t.getKey(), t.getValue());
                lineage.put(t.getKey(), theirs);
            }
        }
        for (Map.Entry<String, Object> c : loser.consents().entrySet()) {
            Document theirs = (Document) c.getValue();
            Document ours = consents().get(c.getKey(), Document.class);
            if (ours == null || !theirs.getDate("updatedAt").before(ours.getDate("updatedAt"))) {
                consents().put(c.getKey(), theirs);
            }
        }
        combineComputed(loser.computed());
        @SuppressWarnings("unchecked")
        List<Document> merged = (List<Document>) doc.get("mergedProfiles");
        if (merged == null) {
            merged = new ArrayList<>();
            doc.put("mergedProfiles", merged);
        }
        merged.add(new Document("profileId", loser.id()).append("mergeId", mergeId).append("at", Date.from(at)));
    }

    private static boolean beats(Document theirs, Document ours) {
        int a = theirs.getInteger("priority", 0);
        int b = ours.getInteger("priority", 0);
        if (a != b) {
            return a > b;
        }
        Date x = theirs.getDate("updatedAt");
        Date y = ours.getDate("updatedAt");
        return y == null || (x != null && x.after(y));
    }

    private void combineComputed(Document other) {
        Document c = computed();
        minDate(c, other, "firstSeen", true);
        minDate(c, other, "lastSeen", false);
        minDate(c, other, "lastOrderDate", false);
        Document counts = other.get("eventCounts", Document.class);
        if (counts != null) {
            Document ours = c.get("eventCounts", Document.class);
            if (ours == null) {
                ours = new Document();
                c.put("eventCounts", ours);
            }
            for (Map.Entry<String, Object> e : counts.entrySet()) {
                ours.put(e.getKey(), ((Number) ours.getOrDefault(e.getKey(), 0L)).longValue()
                        + ((Number) e.getValue()).longValue());
            }
        }
        if (other.get("orderCount") != null) {
            c.put("orderCount", ((Number) c.getOrDefault("orderCount", 0L)).longValue()
                    + ((Number) other.get("orderCount")).longValue());
        }
        if (other.get("revenue") != null) {
            c.put("revenue", round(((Number) c.getOrDefault("revenue", 0.0)).doubleValue()
                    + ((Number) other.get("revenue")).doubleValue()));
        }
    }

    private static void minDate(Document c, Document other, String key, boolean min) {
        Date theirs = other.getDate(key);
        Date ours = c.getDate(key);
        if (theirs != null && (ours == null || (min ? theirs.before(ours) : theirs.after(ours)))) {
            c.put(key, theirs);
        }
    }

    public void markMerged(String survivorId, String mergeId, Document cause, Instant at) {
        doc.put("mergedInto", survivorId);
        doc.put("mergeId", mergeId);
        doc.put("mergeCause", cause);
        doc.put("mergedAt", Date.from(at));
    }

    /** The document to write: version + 1, updatedAt now, the writer's token. */
    public Document forWrite(Instant now, String writeId) {
        doc.put("version", loadedVersion + 1);
        doc.put("updatedAt", Date.from(now));
        doc.put("writeId", writeId);
        return doc;
    }

    public boolean sameAs(ProfileState other) {
        return other != null && Objects.equals(id(), other.id());
    }
}
