package org.opencdp.crm.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the CRM. */
@ConfigMapping(prefix = "cdp.crm")
public interface CrmConfig {
    /** ISO 3166 region for phone numbers given without a leading + (e.g. ZA, US, GB). */
    @WithDefault("ZA")
    String defaultPhoneRegion();

    /** Largest page of a list. */
    @WithDefault("200")
    int maxPageSize();

    Outbox outbox();

    /** Delivery of contact changes to profile-service. */
    interface Outbox {
        /** Whether this replica runs the delivery job. */
        @WithDefault("true")
        boolean enabled();

        /** How often the job looks for due events (a Quarkus scheduler period such as 1s). */
        @WithDefault("1s")
        String interval();

        /** Events claimed per run. */
        @WithDefault("100")
        int batchSize();

        /** Backoff after the first failed attempt; doubles per attempt up to {@link #maxBackoff()}. */
        @WithDefault("PT2S")
        Duration initialBackoff();

        @WithDefault("PT10M")
        Duration maxBackoff();

        /** How long a claimed event stays hidden from other replicas while it is being delivered. */
        @WithDefault("PT60S")
        Duration lease();

        /** How long delivered events are kept (an audit trail) before the hourly purge deletes them. */
        @WithDefault("P7D")
        Duration retention();

        /** Timeout of one delivery call. */
        @WithDefault("PT5S")
        Duration timeout();
    }
}
