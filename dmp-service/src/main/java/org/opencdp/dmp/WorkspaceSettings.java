package org.opencdp.dmp;

import java.time.Duration;
import java.time.Instant;

/**
 * DMP settings of one workspace; stored with the workspace id as {@code _id}. Version 0 means "never saved".
 *
 * @param minExportSize the smallest audience that may be exported
 */
public record WorkspaceSettings(String workspaceId, Duration retention, int minExportSize, long version,
                                Instant updatedAt) {}
