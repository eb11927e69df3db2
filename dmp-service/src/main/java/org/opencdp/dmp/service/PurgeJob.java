package org.opencdp.dmp.service;

import com.mongodb.client.MongoCollection;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bson.Document;
import org.opencdp.dmp.config.DmpConfig;
import org.opencdp.dmp.repository.DmpCollections;
import org.opencdp.dmp.repository.ExpiredDocuments;

/**
 * Deletes expired documents on a schedule, for stores without TTL expiry (the embedded Mongo wire server) and to
 * bound the lag of MongoDB's own TTL monitor. Safe on several replicas: each step is a range delete of documents that
 * expired before a bound, idempotent whoever runs it. Slices are bounded (cdp.dmp.purge.chunk-size) and followed by a
 * pause proportional to their cost (cdp.dmp.purge.pause-factor), so collection keeps most of the store's capacity
 * while a large backlog is purged (see {@link ExpiredDocuments}).
 */
@ApplicationScoped
public class PurgeJob {
    private final DmpCollections collections;
    private final DmpConfig config;
    private final DmpClock clock;

    public PurgeJob(DmpCollections collections, DmpConfig config, DmpClock clock) {
        this.collections = collections;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${cdp.dmp.purge.every:60s}", delayed = "${cdp.dmp.purge.delay:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Disabled.class)
    void scheduled() {
        Map<String, Long> deleted = purge(clock.now());
        long total = deleted.values().stream().mapToLong(Long::longValue).sum();
        if (total > 0) {
            Log.infof("Purged expired DMP data: %s", deleted);
        }
    }

    /** Deletes what expired before {@code now} (up to cdp.dmp.purge.max-per-run per collection); counts per collection. */
    public Map<String, Long> purge(Instant now) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (MongoCollection<Document> c : collections.expiring()) {
            out.put(c.getNamespace().getCollectionName(), purge(c, now));
        }
        return out;
    }

    private long purge(MongoCollection<Document> collection, Instant now) {
        return ExpiredDocuments.purge(collection, Date.from(now), new ExpiredDocuments.Settings(
                config.purge().chunkSize(), config.purge().maxPerRun(), config.purge().pauseFactor())).deleted();
    }

    /** Skips scheduled runs when cdp.dmp.purge.enabled is false (tests drive {@link #purge} directly). */
    @ApplicationScoped
    public static class Disabled implements Scheduled.SkipPredicate {
        private final DmpConfig config;

        public Disabled(DmpConfig config) {
            this.config = config;
        }

        @Override
        public boolean test(io.quarkus.scheduler.ScheduledExecution execution) {
            return !config.purge().enabled();
        }
    }
}
