package org.opencdp.gateway.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CreateApiKeyRequest", description = "A new API key: write (send data) or secret (manage the workspace)")
public record CreateKeyRequest(
        @NotNull @Pattern(regexp = "write|secret", message = "must be write or secret")
        @Schema(enumeration = {"write", "secret"}, example = "write", required = true) String type,
        @NotBlank @Size(max = 200) @Schema(example = "website", required = true) String name) {}
