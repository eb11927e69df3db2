package org.opencdp.dmp.api;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DmpAudienceInput", description = "Visitors with any of the categories, hit at least minVisits times "
        + "within window, with a category score of at least minScore")
public record AudienceInput(
        @NotBlank @Size(max = 200) @Schema(example = "Sports fans", required = true) String name,
        @NotEmpty @Size(max = 20) @Schema(example = "[\"IAB-INT-SPORTS\"]", required = true) List<String> categories,
        @Min(1) @Max(50) @Schema(description = "Default 1", example = "3") Integer minVisits,
        @Schema(description = "ISO-8601 duration, PT1M to P365D; default P30D", example = "P14D") String window,
        @DecimalMin("0") @DecimalMax(value = "1", inclusive = false)
        @Schema(description = "0 to 1 (exclusive); default 0", example = "0") Double minScore) {}
