package org.opencdp.crm.api;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.opencdp.crm.Interaction;

@Schema(name = "Interaction")
public record InteractionView(UUID id, UUID contactId, UUID dealId, @Schema(example = "call") String type,
                              @Schema(example = "outbound") String direction, Instant occurredAt, String summary,
                              Integer durationSeconds, String outcome, Instant createdAt) {
    public static InteractionView of(Interaction i) {
        return new InteractionView(i.id, i.contactId, i.dealId, i.type, i.direction, i.occurredAt, i.summary,
                i.durationSeconds, i.outcome, i.createdAt);
    }
}
