package org.opencdp.crm.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.opencdp.crm.DealOutcome;

@Schema(name = "DealClose", description = "Closing a deal needs a reason from the workspace's list"
        + " (GET /api/crm/deal-reasons?outcome=...), by id or by label, plus optional free text",
        example = "{\"outcome\":\"lost\",\"reason\":\"Lost to a competitor\",\"note\":\"Went with BigCo on price\"}")
public record DealClose(
        @NotNull @Schema(enumeration = {"won", "lost"}) DealOutcome outcome,
        UUID reasonId,
        @Size(max = 120) @Schema(description = "Label of the reason, any case", example = "Lost to a competitor")
        String reason,
        @Size(max = 2000) @Schema(example = "Went with BigCo on price") String note) {}
