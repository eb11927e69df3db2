package org.opencdp.profile.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import org.bson.Document;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.opencdp.profile.service.BsonValues;

@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "TimelineEvent", description = "One message of a profile's timeline")
public record EventView(
        @Schema(example = "ajs-6f0c2d") String messageId,
        @Schema(example = "track") String type,
        @Schema(example = "Order Completed") String name,
        @Schema(description = "When it happened (clock-skew corrected)") String timestamp,
        String receivedAt,
        @Schema(example = "tracking") String source,
        @Schema(description = "The profile it was first attributed to (kept through merges and unmerges)")
        String originProfileId,
        Map<String, Object> properties,
        Map<String, Object> traits,
        Map<String, Object> consents,
        Map<String, Object> context,
        @Schema(description = "Other fields of the message (groupId, previousId, originalTimestamp, sentAt, ...)")
        Map<String, Object> extra) {

    public static EventView of(Document d) {
        return new EventView(d.getString("messageId"), d.getString("type"), d.getString("name"),
                (String) BsonValues.plain(d.get("timestamp")), (String) BsonValues.plain(d.get("receivedAt")),
                d.getString("source"), d.getString("originProfileId"), BsonValues.plainMap(d.get("properties")),
                BsonValues.plainMap(d.get("traits")), BsonValues.plainMap(d.get("consents")),
                BsonValues.plainMap(d.get("context")), BsonValues.plainMap(d.get("extra")));
    }
}
