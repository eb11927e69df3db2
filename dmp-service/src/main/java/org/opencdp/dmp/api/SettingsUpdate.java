package org.opencdp.dmp.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DmpSettingsUpdate")
public record SettingsUpdate(
        @NotBlank
        @Pattern(regexp = "P.*", message = "must be an ISO-8601 duration such as P30D or PT1M")
        @Schema(description = "Retention of anonymous data, ISO-8601 duration from PT1M to P365D", example = "P30D")
        String retention) {}
