package org.opencdp.dmp;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An anonymous visitor (cookie or device id) of one workspace: when seen, coarse context, category scores and
 * audience memberships. Stored with {@code workspaceId|anonymousId} as {@code _id}; expires at {@link #expiresAt}.
 *
 * @param categories per category id: the decaying score and the most recent hits
 * @param audiences  per audience id: until when the visitor qualifies without new events
 */
public record Visitor(String workspaceId, String anonymousId, Instant firstSeen, Instant lastSeen, Instant expiresAt,
                      String device, String country, String region, long events,
                      Map<String, CategoryState> categories, Map<String, Instant> audiences, long version) {

    public static String key(String workspaceId, String anonymousId) {
        return workspaceId + "|" + anonymousId;
    }

    /** A category's raw score at {@code at} (decays from then on) and the times of its most recent hits, newest first. */
    public record CategoryState(double raw, Instant at, List<Instant> hits) {}
}
