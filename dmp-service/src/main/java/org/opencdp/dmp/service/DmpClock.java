package org.opencdp.dmp.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;

/**
 * The time every expiry decision uses. Production: the system clock. Tests move it forward with {@link #shift} to
 * prove that expired data is never returned, without waiting.
 */
@ApplicationScoped
public class DmpClock {
    private volatile Duration offset = Duration.ZERO;

    public Instant now() {
        return Instant.now().plus(offset);
    }

    /** Moves this service's notion of now by {@code by} from the system clock (tests only; ZERO resets). */
    public void shift(Duration by) {
        this.offset = by;
    }
}
