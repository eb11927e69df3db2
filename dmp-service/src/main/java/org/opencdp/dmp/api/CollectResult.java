package org.opencdp.dmp.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "DmpCollectResult", description = "What happened to each event of a collect call")
public record CollectResult(
        @Schema(example = "3") int received,
        @Schema(description = "Events stored", example = "1") int stored,
        @Schema(description = "Events not stored for lack of advertising consent", example = "1") int withoutConsent,
        @Schema(description = "Events rejected (personal data that cannot be removed, invalid fields)", example = "1")
        int rejected,
        @Schema(description = "One entry per event not stored, and per field removed from a stored event")
        List<Note> notes) {

    /** What happened to one event or one of its fields. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "DmpCollectNote")
    public record Note(
            @Schema(description = "Position in the batch (0 for a single event)", example = "0") int index,
            @Schema(description = "not-stored (no consent), rejected, or stripped (field removed, event stored)",
                    example = "stripped") String outcome,
            @Schema(description = "The field concerned", example = "properties.email") String field,
            @Schema(example = "field name denotes personal data") String reason) {}
}
