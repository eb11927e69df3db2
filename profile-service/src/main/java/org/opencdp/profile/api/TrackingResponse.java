package org.opencdp.profile.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "TrackingResponse", description = "Accepted. A batch lists the messages it rejected (kept as dead"
        + " letters, see GET /api/profiles/dead-letters); the others were stored.",
        example = "{\"success\":true,\"rejected\":[{\"index\":1,\"field\":\"event\",\"reason\":\"is required for track\"}]}")
public record TrackingResponse(
        @Schema(example = "true") boolean success,
        @Schema(description = "Rejected messages of a batch (absent when none)") List<Rejected> rejected) {

    public static final TrackingResponse OK = new TrackingResponse(true, null);

    @Schema(name = "RejectedMessage")
    public record Rejected(@Schema(description = "Position in the batch, from 0", example = "1") int index,
            @Schema(example = "event") String field,
            @Schema(example = "is required for track") String reason) {}
}
