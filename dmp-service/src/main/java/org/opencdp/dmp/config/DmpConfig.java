package org.opencdp.dmp.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

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

    /** Path of a MaxMind GeoIP2/GeoLite2 City or Country database ({@code classpath:} for a resource); none: no geo. */
    Optional<String> geoipDatabase();

    /** Half-life of category scores: a hit counts half as much after this long. */
    @WithDefault("P7D")
    Duration scoreHalfLife();

    /** How long rules, categories and audiences of a workspace are cached before they are read again. */
    @WithDefault("PT2S")
    Duration definitionsCacheTtl();

    /** Most events in one collect call. */
    @WithDefault("500")
    int maxBatch();

    /**
     * Megabytes of visitors kept in memory as this replica last wrote or read them (0: none), so that a visitor's next
     * events skip reading it back: a write still compares and sets on the stored one, and re-reads it when another
     * write came first. Kept as the BSON that was stored, about 1 KB a visitor.
     */
    @WithDefault("32")
    int visitorCacheMb();

    /** Most recent hits kept per visitor and category (the largest "visits" an audience can ask for). */
    @WithDefault("50")
    int maxHitsPerCategory();

    Export export();

    Purge purge();

    interface Export {
        /** Minimum audience size for an export when the workspace has not chosen. */
        @WithDefault("100")
        int defaultMinSize();

        /** The lowest minimum a workspace may choose (so that no export can single out a person). */
        @WithDefault("10")
        int lowestMinSize();
    }

    interface Purge {
        /** Whether the scheduled purge runs (the schedule itself is {@code cdp.dmp.purge.every}). */
        @WithDefault("true")
        boolean enabled();

        /** How often the purge runs (read by the scheduler). */
        @WithDefault("60s")
        String every();

        /** Delay of the first run after start (read by the scheduler). */
        @WithDefault("30s")
        String delay();

        /**
         * Most expired documents deleted by one range delete (a time slice). Small enough that the collection lock of
         * the embedded store is held well under a second.
         */
        @WithDefault("5000")
        int chunkSize();

        /** Most documents one run deletes per collection; the next run continues. */
        @WithDefault("2000000")
        int maxPerRun();

        /**
         * Pause after each chunk, as a multiple of the time the chunk took (0: none), so collection keeps its pace: 6
         * keeps the purge to about a seventh of the store's time (1,000,000 expired events in about 15 minutes on two
         * cores; collection at 3.0 lost a third of its rate).
         */
        @WithDefault("6.0")
        double pauseFactor();
    }
}
