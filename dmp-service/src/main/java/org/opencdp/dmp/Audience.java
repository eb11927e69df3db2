package org.opencdp.dmp;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Visitors with any of {@link #categories} hit at least {@link #minVisits} times within {@link #window} and a
 * category score of at least {@link #minScore} (0 to 1).
 */
public record Audience(String id, String workspaceId, String name, List<String> categories, int minVisits,
                       Duration window, double minScore, Instant createdAt) {}
