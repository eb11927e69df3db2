package org.opencdp.crm.api;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.opencdp.crm.SatisfactionResponse;

@Schema(name = "SatisfactionResponse")
public record SatisfactionView(UUID id, UUID contactId, @Schema(example = "nps") String kind,
                               @Schema(example = "9") int score, String comment, Instant respondedAt) {
    public static SatisfactionView of(SatisfactionResponse r) {
        return new SatisfactionView(r.id, r.contactId, r.kind, r.score, r.comment, r.respondedAt);
    }
}
