package org.opencdp.profile.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "IdentityRulesUpdate", description = "The whole rule set; list order is priority order")
public record IdentityRulesUpdate(
        @NotNull @Size(min = 1, max = 50) @Valid
        @Schema(description = "Every built-in type plus the workspace's custom types, highest priority first")
        List<TypeRuleInput> types,
        @NotNull @Size(max = 500) @Schema(description = "Values that never identify anyone")
        List<@NotNull @Size(max = 200) String> blockedValues) {

    @Schema(name = "IdentityTypeRuleInput")
    public record TypeRuleInput(
            @NotNull @Pattern(regexp = "[a-zA-Z][a-zA-Z0-9_]{0,39}", message = "must be a letter then up to 39 letters,"
                    + " digits or underscores") @Schema(example = "loyaltyCardId") String type,
            @Min(1) @Max(1000) @Schema(example = "1") int maxPerProfile) {}
}
