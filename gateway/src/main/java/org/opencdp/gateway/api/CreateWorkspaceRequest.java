package org.opencdp.gateway.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CreateWorkspaceRequest", description = "A new workspace")
public record CreateWorkspaceRequest(
        @NotBlank @Size(max = 200) @Schema(example = "Acme Retail", required = true) String name) {}
