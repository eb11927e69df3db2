package org.opencdp.dmp.api;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.opencdp.dmp.WorkspaceSettings;

@Schema(name = "DmpSettings", description = "DMP settings of the workspace")
public record SettingsView(
        @Schema(example = "0b9d6c1e-3f7a-4d39-9a51-4f1f0f0c8b1e") String workspaceId,
        @Schema(description = "How long anonymous visitors and events are kept (ISO-8601 duration)", example = "P30D")
        String retention,
        @Schema(description = "Smallest audience that may be exported", example = "100") int minExportSize,
        @Schema(description = "Version for If-Match; 0 while the defaults apply", example = "1") long version,
        Instant updatedAt) {

    public static SettingsView of(WorkspaceSettings s) {
        return new SettingsView(s.workspaceId(), s.retention().toString(), s.minExportSize(), s.version(),
                s.updatedAt());
    }
}
