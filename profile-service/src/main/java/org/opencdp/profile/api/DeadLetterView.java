package org.opencdp.profile.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.bson.Document;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "DeadLetter", description = "A rejected tracking message, kept with the reason")
public record DeadLetterView(
        String id,
        String receivedAt,
        @Schema(example = "/v1/batch") String endpoint,
        @Schema(description = "Position in the batch", example = "1") Integer index,
        @Schema(example = "event") String field,
        @Schema(example = "is required for track") String reason,
        @Schema(description = "The message as received (first 32 KB)") String message,
        String requestId) {

    public static DeadLetterView of(Document d) {
        String id = d.getString("_id");
        return new DeadLetterView(id.substring(id.indexOf('|') + 1), d.getDate("receivedAt").toInstant().toString(),
                d.getString("endpoint"), d.getInteger("index"), d.getString("field"), d.getString("reason"),
                d.getString("message"), d.getString("requestId"));
    }

    @Schema(name = "DeadLetterPage")
    public record Page(List<DeadLetterView> items, @Schema(description = "Pass as cursor for older entries")
            String nextCursor) {}
}
