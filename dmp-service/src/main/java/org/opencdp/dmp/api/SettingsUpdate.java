package org.opencdp.dmp.api;

import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DmpSettingsUpdate", description = "Give at least one field; the others keep their value")
public record SettingsUpdate(
        @Pattern(regexp = "P.*", message = "must be an ISO-8601 duration such as P30D or PT1M")
        @Schema(description = "Retention of anonymous data, ISO-8601 duration from PT1M to P365D", example = "P30D")
        String retention,
        @Schema(description = "Smallest audience that may be exported (at least 10 by default)", example = "100")
        Integer minExportSize) {}
