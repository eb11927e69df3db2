package org.opencdp.dmp.repository;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import java.util.Date;
import org.bson.Document;

/**
 * Deletes expired documents in bounded time slices: from the oldest expired {@code expiresAt}, a slice
 * [.., upper) is deleted with one range delete when it holds at most {@code chunk} documents (else the slice shrinks),
 * then the next slice follows after a pause proportional to the work done. Each slice's span is scaled by how many
 * documents the previous one held, aiming at about 80% of {@code chunk}: the cost of a slice is mostly fixed, so
 * slices far below the chunk would make a large backlog take many times longer. A range delete on {@code expiresAt}
 * uses the TTL index on MongoDB and is the cheapest delete on the embedded wire server (which deletes by
 * {@code _id $in} thousands of times slower). Idempotent: any number of replicas may run it at once.
 */
public final class ExpiredDocuments {
    private static final long INITIAL_STEP_MS = 60_000;
    private static final int SAMPLE = 1000;
    private static final double FILL = 0.8;
    private static final double MAX_GROWTH = 4;

    /** How to purge: documents per slice, most per run, pause after a slice as a multiple of its duration. */
    public record Settings(int chunk, long maxPerRun, double pauseFactor) {}

    /** What one run did: documents deleted, in how many range deletes. */
    public record Purged(long deleted, int slices) {}

    private ExpiredDocuments() {}

    public static Purged purge(MongoCollection<Document> collection, Date now, Settings settings) {
        // the lower bound: the oldest of a sample of expired documents (no sort: the wire server would sort them all;
        // anything older is deleted by the first slice anyway, whose size the count below bounds)
        long lo = Long.MAX_VALUE;
        for (Document d : collection.find(Filters.lt(DmpCollections.EXPIRES_AT, now))
                .projection(Projections.include(DmpCollections.EXPIRES_AT)).limit(SAMPLE).batchSize(SAMPLE)) {
            lo = Math.min(lo, d.getDate(DmpCollections.EXPIRES_AT).getTime());
        }
        if (lo == Long.MAX_VALUE) {
            return new Purged(0, 0);
        }
        long step = INITIAL_STEP_MS;
        long deleted = 0;
        int slices = 0;
        while (deleted < settings.maxPerRun()) {
            long started = System.nanoTime();
            long upper = Math.min(lo + step, now.getTime());
            int inSlice = countUpTo(collection, new Date(upper), settings.chunk() + 1);
            if (inSlice > settings.chunk() && step > 1) {
                step = Math.max(1, step / 4);
                continue;
            }
            if (inSlice > 0) {
                deleted += collection.deleteMany(Filters.lt(DmpCollections.EXPIRES_AT, new Date(upper)))
                        .getDeletedCount();
                slices++;
            }
            if (upper >= now.getTime()) {
                break;
            }
            lo = upper;
            step = nextStep(step, inSlice, settings.chunk());
            pause(System.nanoTime() - started, settings.pauseFactor());
        }
        return new Purged(deleted, slices);
    }

    /** The span of the next slice, for about {@code FILL * chunk} documents at the density of the last one. */
    static long nextStep(long step, int inSlice, int chunk) {
        double scale = Math.min(MAX_GROWTH, FILL * chunk / Math.max(1, inSlice));
        return Math.max(1, (long) (step * scale));
    }

    private static int countUpTo(MongoCollection<Document> collection, Date upper, int limit) {
        int n = 0;
        for (Document ignored : collection.find(Filters.lt(DmpCollections.EXPIRES_AT, upper))
                .projection(Projections.include("_id")).limit(limit).batchSize(limit)) {
            n++;
        }
        return n;
    }

    private static void pause(long nanos, double factor) {
        long millis = (long) (nanos * factor / 1_000_000);
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
