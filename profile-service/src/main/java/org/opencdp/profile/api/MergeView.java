package org.opencdp.profile.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.opencdp.profile.service.BsonValues;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "MergeLogEntry", description = "A merge, a refused merge or an unmerge (append-only log)",
        example = "{\"id\":\"m3c1f0a9b7d2e4c5a6b7\",\"kind\":\"merge\",\"survivorId\":\"p1\",\"loserId\":\"p2\","
                + "\"profileIds\":[\"p1\",\"p2\"],\"cause\":{\"identifiers\":[{\"type\":\"anonymousId\","
                + "\"value\":\"a-1\"}],\"messageId\":\"m-9\",\"source\":\"tracking\"},"
                + "\"at\":\"2026-11-29T05:00:00Z\",\"unmerged\":false}")
public record MergeView(
        String id,
        @Schema(description = "merge, refused or unmerge", example = "merge") String kind,
        @Schema(description = "merge: the profile that absorbed the other") String survivorId,
        @Schema(description = "merge: the profile merged away") String loserId,
        List<String> profileIds,
        @Schema(description = "The identifiers and message that tied the profiles") Map<String, Object> cause,
        @Schema(description = "refused: why") String reason,
        @Schema(description = "refused: how many messages were refused for the same reason") Integer count,
        @Schema(description = "unmerge: the merge it undid") String mergeId,
        @Schema(description = "merge: whether it was undone") Boolean unmerged,
        String at) {

    public static MergeView of(Document d, boolean unmerged) {
        String kind = d.getString("kind");
        return new MergeView(d.getString("_id"), kind, d.getString("survivorId"), d.getString("loserId"),
                d.getList("profileIds", String.class), BsonValues.plainMap(d.get("cause")), d.getString("reason"),
                d.getInteger("count"), d.getString("mergeId"), "merge".equals(kind) ? unmerged : null,
                d.getDate("at").toInstant().toString());
    }

    @Schema(name = "MergeLog")
    public record Page(List<MergeView> items) {}

    @Schema(name = "UnmergeRequest")
    public record UnmergeRequest(
            @jakarta.validation.constraints.NotBlank @Schema(description = "Id of a merge of this profile's log",
                    example = "m3c1f0a9b7d2e4c5a6b7") String mergeId) {}

    @Schema(name = "UnmergeResult", description = "The two profiles after the split, each re-derived from what it"
            + " received")
    public record UnmergeResult(String mergeId, ProfileView survivor, ProfileView restored) {}
}
