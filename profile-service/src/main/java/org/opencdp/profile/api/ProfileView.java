package org.opencdp.profile.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.opencdp.profile.service.BsonValues;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Profile", description = "One person: identities, traits with lineage, computed traits, consents",
        example = "{\"id\":\"p3f9a0c1d2e4b5a6978c0d1e2\",\"version\":4,\"identities\":[{\"type\":\"email\","
                + "\"value\":\"ann@example.com\"},{\"type\":\"userId\",\"value\":\"u-1\"}],"
                + "\"traits\":{\"firstName\":\"Ann\"},\"traitLineage\":{\"firstName\":{\"source\":\"crm\","
                + "\"messageId\":\"c-1:3\",\"recordId\":\"c-1\",\"updatedAt\":\"2026-11-29T05:00:00Z\"}},"
                + "\"computed\":{\"firstSeen\":\"2026-11-01T10:00:00Z\",\"lastSeen\":\"2026-11-29T05:00:00Z\","
                + "\"eventCounts\":{\"Order Completed\":2},\"orderCount\":2,\"revenue\":99.5,"
                + "\"lastOrderDate\":\"2026-11-28T18:00:00Z\"},\"consents\":{\"emailMarketing\":{\"granted\":true,"
                + "\"source\":\"crm\",\"updatedAt\":\"2026-11-29T05:00:00Z\"}}}")
public record ProfileView(
        String id,
        String workspaceId,
        @Schema(description = "Increases with every change; the sequence of change notifications") long version,
        String createdAt,
        String updatedAt,
        @Schema(description = "Set when you asked for a profile that was merged into this one: the id you asked for")
        String mergedFrom,
        List<Map<String, Object>> identities,
        Map<String, Object> traits,
        @Schema(description = "Per trait: source, messageId, recordId (source records), updatedAt, priority")
        Map<String, Object> traitLineage,
        @Schema(description = "firstSeen, lastSeen, eventCounts (track events by name), orderCount, revenue,"
                + " lastOrderDate (from Order Completed)") Map<String, Object> computed,
        @Schema(description = "Per consent: granted, source, messageId, updatedAt") Map<String, Object> consents,
        @Schema(description = "Profiles merged into this one: profileId, mergeId, at")
        List<Object> mergedProfiles,
        List<Object> audiences,
        List<Object> segments) {

    @SuppressWarnings("unchecked")
    public static ProfileView of(Document d, String mergedFrom) {
        List<Map<String, Object>> ids = d.getList("identities", Document.class, List.of()).stream()
                .map(i -> Map.<String, Object>of("type", i.getString("type"), "value", i.getString("value"))).toList();
        return new ProfileView(d.getString("_id"), d.getString("ws"), ((Number) d.get("version")).longValue(),
                (String) BsonValues.plain(d.get("createdAt")), (String) BsonValues.plain(d.get("updatedAt")),
                mergedFrom, ids, BsonValues.plainMap(d.get("traits")), BsonValues.plainMap(d.get("traitLineage")),
                BsonValues.plainMap(d.get("computed")), BsonValues.plainMap(d.get("consents")),
                (List<Object>) BsonValues.plain(d.getList("mergedProfiles", Object.class, List.of())),
                (List<Object>) BsonValues.plain(d.getList("audiences", Object.class, List.of())),
                (List<Object>) BsonValues.plain(d.getList("segments", Object.class, List.of())));
    }
}
