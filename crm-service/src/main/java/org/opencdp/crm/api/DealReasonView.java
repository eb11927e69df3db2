package org.opencdp.crm.api;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.opencdp.crm.DealOutcome;
import org.opencdp.crm.DealReason;

@Schema(name = "DealReason", description = "A reason offered when a deal is closed")
public record DealReasonView(
        UUID id,
        @Schema(enumeration = {"won", "lost"}, example = "lost") DealOutcome outcome,
        @Schema(example = "Lost to a competitor") String label,
        @Schema(description = "Order in pick lists") int position,
        @Schema(description = "Retired reasons stay for reporting but cannot be chosen") boolean active,
        Instant createdAt) {

    public static DealReasonView of(DealReason r) {
        return new DealReasonView(r.id, r.outcome, r.label, r.position, r.active, r.createdAt);
    }
}
