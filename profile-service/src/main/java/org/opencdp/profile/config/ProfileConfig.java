package org.opencdp.profile.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;

/** Settings of the profile service ({@code cdp.profile.*}). */
@ConfigMapping(prefix = "cdp.profile")
public interface ProfileConfig {
    /** How long a messageId is remembered per workspace for de-duplication (at least 7 days). */
    @WithDefault("P7D")
    Duration dedupWindow();

    /** Region (ISO 3166 alpha-2) assumed for phone numbers written without a country code. */
    @WithDefault("ZA")
    String defaultRegion();

    /** How long rejected tracking messages are kept. */
    @WithDefault("P30D")
    Duration deadLetterRetention();

    /** Priority of each source's traits; higher wins, then the more recent value. */
    Map<String, Integer> sourcePriorities();

    /** Priority of sources not listed (imports, partners). */
    @WithDefault("10")
    int defaultSourcePriority();

    /** How often expired de-dup keys and dead letters are purged. */
    @WithDefault("10m")
    String purgeEvery();

    @io.smallrye.config.WithName("notify")
    Notify notifications();

    interface Notify {
        @WithDefault("true")
        boolean enabled();

        @WithDefault("5s")
        Duration timeout();

        /** How often pending changes are looked for. */
        @WithDefault("2s")
        String every();

        /** Longest wait between two delivery attempts of one change. */
        @WithDefault("PT10M")
        Duration maxBackoff();
    }

    default int priorityOf(String source) {
        if (source == null) {
            return defaultSourcePriority();
        }
        Integer p = sourcePriorities().get(source);
        if (p == null) {
            int colon = source.indexOf(':');
            p = colon > 0 ? sourcePriorities().get(source.substring(0, colon)) : null;
        }
        return p == null ? defaultSourcePriority() : p;
    }
}
