package org.opencdp.dmp.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "cdp.dmp")
public interface DmpConfig {
    /** How long anonymous visitors and their events are kept when a workspace has not chosen. */
    @WithDefault("P30D")
    Duration defaultRetention();

    /** The shortest retention a workspace may choose. */
    @WithDefault("PT1M")
    Duration minRetention();

    /** The longest retention a workspace may choose. */
    @WithDefault("P365D")
    Duration maxRetention();
}
