package org.opencdp.dmp.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DmpPartnerUpload", description = "Second- or third-party segment data for device or cookie ids")
public record PartnerUpload(
        @NotNull @Pattern(regexp = "[a-z0-9._-]{1,64}", message = "must be 1-64 lower-case letters, digits, . _ or -")
        @Schema(example = "acme-dsp", required = true) String partner,
        @NotEmpty @Size(max = 10000) @Valid @Schema(required = true) List<Record> records) {

    @Schema(name = "DmpPartnerRecord")
    public record Record(
            @Schema(description = "cookie or device (our anonymous ids), or partner (the partner's user id, linked "
                    + "through id syncs)", example = "cookie", required = true) String idType,
            @Schema(example = "c0ffee-42", required = true) String id,
            @Schema(description = "Segment codes (1-100 of up to 100 characters)", example = "[\"auto-intender\"]",
                    required = true) List<String> segments,
            @Schema(description = "When the data expires (at most the workspace retention from now; default that)",
                    example = "2026-12-31T00:00:00Z") String expiresAt) {}
}
