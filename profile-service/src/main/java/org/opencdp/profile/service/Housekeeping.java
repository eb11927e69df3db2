package org.opencdp.profile.service;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.opencdp.profile.repository.DeadLetterRepository;
import org.opencdp.profile.repository.DedupRepository;

/**
 * Removes expired de-duplication keys and dead letters. Production MongoDB does it through TTL indexes too; the
 * embedded store does not, and readers ignore expired entries either way. Safe on several replicas (deletes are
 * idempotent).
 */
@ApplicationScoped
public class Housekeeping {
    private final DedupRepository dedup;
    private final DeadLetterRepository deadLetters;

    public Housekeeping(DedupRepository dedup, DeadLetterRepository deadLetters) {
        this.dedup = dedup;
        this.deadLetters = deadLetters;
    }

    @Scheduled(every = "${cdp.profile.purge-every:10m}", delayed = "10m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purge() {
        Instant now = Instant.now();
        long keys = dedup.purgeExpired(now);
        long letters = deadLetters.purgeExpired(now);
        if (keys + letters > 0) {
            Log.infof("Purged %d expired de-duplication keys and %d dead letters", keys, letters);
        }
    }
}
