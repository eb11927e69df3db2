package org.opencdp.crm.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CompanyInput", example = "{\"name\":\"Acme Ltd\",\"domain\":\"acme.example\",\"industry\":\"Retail\"}")
public record CompanyInput(
        @NotBlank @Size(max = 200) @Schema(example = "Acme Ltd") String name,
        @Size(max = 200) @Schema(example = "acme.example") String domain,
        @Size(max = 120) @Schema(example = "Retail") String industry) {}
