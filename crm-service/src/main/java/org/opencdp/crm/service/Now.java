package org.opencdp.crm.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The current instant at the precision PostgreSQL stores (microseconds), so that cursors compare exactly. */
public final class Now {
    private Now() {}

    public static Instant instant() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
