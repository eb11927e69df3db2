package org.opencdp.dmp;

import java.time.Duration;
import java.time.Instant;

/** DMP settings of one workspace; stored with the workspace id as {@code _id}. Version 0 means "never saved". */
public record WorkspaceSettings(String workspaceId, Duration retention, long version, Instant updatedAt) {}
