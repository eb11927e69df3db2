package org.opencdp.crm.api;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.opencdp.crm.DealEvent;

@Schema(name = "DealEvent", description = "created, stage_changed (from -> to), won, lost, reopened or contract")
public record DealEventView(UUID id, UUID dealId, @Schema(example = "stage_changed") String type, UUID fromStageId,
                            UUID toStageId, @Schema(example = "Proposal -> Negotiation") String detail,
                            Instant occurredAt) {
    public static DealEventView of(DealEvent e) {
        return new DealEventView(e.id, e.dealId, e.type, e.fromStageId, e.toStageId, e.detail, e.occurredAt);
    }
}
