package org.opencdp.crm.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.opencdp.crm.DealOutcome;

@Schema(name = "DealReasonCreate")
public record DealReasonCreate(
        @NotNull @Schema(enumeration = {"won", "lost"}, example = "lost") DealOutcome outcome,
        @NotBlank @Size(max = 120) @Schema(example = "Lost to a competitor") String label) {}
