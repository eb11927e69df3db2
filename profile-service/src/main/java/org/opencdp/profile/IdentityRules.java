package org.opencdp.profile;

import java.time.Instant;
import java.util.List;

/**
 * How a workspace's identifiers link and merge profiles: identifier types in priority order (the first gives way
 * last when two profiles would merge), a limit per type per profile, and values that never identify anyone.
 * Version 0 means the defaults apply.
 */
public record IdentityRules(String workspaceId, List<TypeRule> types, List<String> blockedValues, long version,
        Instant updatedAt) {

    /** One identifier type: at most {@code maxPerProfile} values of it on one profile. */
    public record TypeRule(String type, int maxPerProfile, boolean builtIn) {}

    public static final List<TypeRule> DEFAULT_TYPES = List.of(
            new TypeRule("userId", 1, true),
            new TypeRule("crmContactId", 1, true),
            new TypeRule("email", 5, true),
            new TypeRule("phone", 5, true),
            new TypeRule("deviceId", 10, true),
            new TypeRule("anonymousId", 50, true));

    public static final List<String> DEFAULT_BLOCKED_VALUES = List.of(
            "", "null", "undefined", "nil", "none", "n/a", "na", "anonymous", "unknown", "guest", "test", "0", "-1",
            "false", "true", "[object object]", "noemail@example.com", "test@test.com");

    public static IdentityRules defaults(String workspaceId) {
        return new IdentityRules(workspaceId, DEFAULT_TYPES, DEFAULT_BLOCKED_VALUES, 0L, null);
    }
}
