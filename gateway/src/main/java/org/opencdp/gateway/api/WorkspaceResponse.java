package org.opencdp.gateway.api;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.opencdp.gateway.Workspace;

@Schema(name = "Workspace", description = "A tenant; every record of the platform belongs to one workspace")
public record WorkspaceResponse(
        @Schema(example = "3f1c2b9e-8d7a-4c61-9a0e-2f4b5c6d7e8f") String id,
        @Schema(example = "Acme Retail") String name,
        @Schema(example = "2026-11-29T10:15:30.123456Z") Instant createdAt) {

    public static WorkspaceResponse of(Workspace w) {
        return new WorkspaceResponse(w.id.toString(), w.name, w.createdAt);
    }
}
