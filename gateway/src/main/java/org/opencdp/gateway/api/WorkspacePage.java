package org.opencdp.gateway.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "WorkspacePage", description = "One page of workspaces, oldest first")
public record WorkspacePage(
        List<WorkspaceResponse> items,
        @Schema(example = "0") int page,
        @Schema(example = "50") int size,
        @Schema(example = "1") long total) {}
