package org.opencdp.crm.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SatisfactionInput", description = "A CSAT (score 1-5) or NPS (score 0-10) answer",
        example = "{\"kind\":\"nps\",\"score\":9,\"comment\":\"Great support\",\"respondedAt\":\"2026-11-20T10:00:00Z\"}")
public record SatisfactionInput(
        @NotNull @Pattern(regexp = "csat|nps", message = "must be csat or nps")
        @Schema(enumeration = {"csat", "nps"}) String kind,
        @NotNull @Schema(example = "9") Integer score,
        @Size(max = 2000) String comment,
        @Schema(description = "When the contact answered; now when absent") Instant respondedAt) {}
