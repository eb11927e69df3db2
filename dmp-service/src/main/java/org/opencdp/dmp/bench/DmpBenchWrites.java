package org.opencdp.dmp.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.opencdp.dmp.repository.DmpCollections;
import org.opencdp.dmp.repository.ExpiredDocuments;

/**
 * The store-side half of {@code ./cdp bench dmp}, run by the launcher in its own JVM on dmp-service's classpath:
 * <ul>
 *   <li>{@code direct <mongo> <db> <ws> <threads> <batches.jsonl>...}: the minimal writes collection needs for the
 *   same events, in bulk: per batch one insertMany of the events and one bulkWrite of visitor upserts by
 *   {@code _id}, both collections with the indexes dmp-service keeps ({@code DmpCollections.indexCollected}). Prints
 *   {@code direct events=N seconds=S} per file (the first files warm this JVM up as the gateway path is).</li>
 *   <li>{@code seed-expired <mongo> <db> <ws> <count>}: inserts expired events (expiresAt spread over the last day).
 *   Prints {@code seeded=N seconds=S}.</li>
 *   <li>{@code purge <mongo> <db> <chunk> <pause-factor>}: the purge of dmp-service's job on dmp_events. Prints
 *   {@code purged=N slices=K seconds=S}.</li>
 *   <li>{@code watch-purge <mongo> <db> <timeout-seconds>}: watches dmp-service's own scheduled purge work through
 *   the expired events of dmp_events: it has started when the oldest expired event is gone, and ended when none is
 *   left. Prints {@code watched started=<epoch ms> ended=<epoch ms> seconds=S} (or {@code watched timeout=true}).</li>
 *   <li>{@code count-expired <mongo> <db>}: how many events of dmp_events have expired (any workspace; counted up
 *   to 1,000). Prints
 *   {@code expired=N seconds=S}.</li>
 * </ul>
 */
public final class DmpBenchWrites {
    private DmpBenchWrites() {}

    public static void main(String[] args) throws Exception {
        try (MongoClient client = MongoClients.create(args[1])) {
            var db = client.getDatabase(args[2]);
            switch (args[0]) {
                case "direct" -> {
                    for (int f = 5; f < args.length; f++) {
                        direct(db.getCollection("dmp_events"), db.getCollection("dmp_visitors"), args[3],
                                Integer.parseInt(args[4]), Files.readAllLines(Path.of(args[f])));
                    }
                }
                case "seed-expired" -> seed(db.getCollection("dmp_events"), args[3], Integer.parseInt(args[4]));
                case "purge" -> purge(db.getCollection("dmp_events"), Integer.parseInt(args[3]),
                        Double.parseDouble(args[4]));
                case "count-expired" -> countExpired(db.getCollection("dmp_events"));
                case "watch-purge" -> watchPurge(db.getCollection("dmp_events"), Long.parseLong(args[3]));
                default -> throw new IllegalArgumentException("unknown mode " + args[0]);
            }
        }
    }

    static void direct(MongoCollection<Document> events, MongoCollection<Document> visitors, String ws, int threads,
            List<String> batches) throws Exception {
        // the indexes dmp-service keeps on both collections, which every collected event updates
        DmpCollections.indexCollected(events, visitors);
        ObjectMapper mapper = new ObjectMapper();
        Date expires = new Date(System.currentTimeMillis() + Duration.ofDays(30).toMillis());
        AtomicInteger next = new AtomicInteger();
        AtomicInteger count = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < batches.size(); i = next.getAndIncrement()) {
                    JsonNode batch = mapper.readTree(batches.get(i)).get("batch");
                    Date now = new Date();
                    List<Document> docs = new ArrayList<>(batch.size());
                    List<WriteModel<Document>> upserts = new ArrayList<>(batch.size());
                    for (JsonNode e : batch) {
                        String aid = e.get("anonymousId").asText();
                        docs.add(new Document("_id", new ObjectId().toHexString()).append("ws", ws).append("aid", aid)
                                .append("type", "page")
                                .append("url", e.path("url").asText(null)).append("at", now).append("receivedAt", now)
                                .append("expiresAt", expires));
                        upserts.add(new UpdateOneModel<>(Filters.eq("_id", ws + "|" + aid),
                                new Document("$setOnInsert", new Document("ws", ws).append("aid", aid)
                                        .append("firstSeen", now))
                                        .append("$set", new Document("lastSeen", now).append("expiresAt", expires))
                                        .append("$inc", new Document("n", 1)),
                                new UpdateOptions().upsert(true)));
                    }
                    events.insertMany(docs, new InsertManyOptions().ordered(false));
                    visitors.bulkWrite(upserts, new BulkWriteOptions().ordered(false));
                    count.addAndGet(docs.size());
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        System.out.printf(Locale.ROOT, "direct events=%d seconds=%.3f%n", count.get(), (System.nanoTime() - start) / 1e9);
    }

    static void seed(MongoCollection<Document> events, String ws, int count) {
        long now = System.currentTimeMillis();
        long spread = Duration.ofDays(1).toMillis();
        long start = System.nanoTime();
        List<Document> docs = new ArrayList<>(1000);
        for (int i = 0; i < count; i++) {
            Date expired = new Date(now - 60_000 - (long) ((double) (count - i) / count * spread));
            docs.add(new Document("_id", new ObjectId().toHexString()).append("ws", ws)
                    .append("aid", "expired-" + (i % 50_000)).append("type", "page")
                    .append("url", "https://bench.example/old/" + (i % 100)).append("at", expired)
                    .append("expiresAt", expired));
            if (docs.size() == 1000) {
                events.insertMany(docs, new InsertManyOptions().ordered(false));
                docs = new ArrayList<>(1000);
            }
        }
        if (!docs.isEmpty()) {
            events.insertMany(docs);
        }
        System.out.printf(Locale.ROOT, "seeded=%d seconds=%.3f%n", count, (System.nanoTime() - start) / 1e9);
    }

    static void countExpired(MongoCollection<Document> events) {
        long start = System.nanoTime();
        // a find on the expiresAt index, up to 1,000: countDocuments is an aggregation, which scans the whole
        // collection on the embedded store (and a long scan under heavy deletes can fail there)
        long expired = 0;
        for (Document ignored : events.find(Filters.lt("expiresAt", new Date()))
                .projection(new Document("_id", 1)).limit(1000)) {
            expired++;
        }
        System.out.printf(Locale.ROOT, "expired=%d seconds=%.3f%n", expired, (System.nanoTime() - start) / 1e9);
    }

    static void watchPurge(MongoCollection<Document> events, long timeoutSeconds) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutSeconds * 1000;
        Object first = oldestExpired(events);
        long started = first == null ? System.currentTimeMillis() : 0;
        while (System.currentTimeMillis() < deadline) {
            Object oldest = oldestExpired(events);
            long now = System.currentTimeMillis();
            if (started == 0 && !Objects.equals(oldest, first)) {
                started = now;
            }
            if (oldest == null) {
                System.out.printf(Locale.ROOT, "watched started=%d ended=%d seconds=%.3f%n", started, now,
                        (now - started) / 1e3);
                return;
            }
            Thread.sleep(500);
        }
        System.out.println("watched timeout=true seconds=" + timeoutSeconds);
    }

    /** The id of the oldest expired event (the expiresAt index yields them oldest first), null when none is left. */
    private static Object oldestExpired(MongoCollection<Document> events) {
        Document d = events.find(Filters.lt("expiresAt", new Date())).projection(new Document("_id", 1)).limit(1)
                .first();
        return d == null ? null : d.get("_id");
    }

    static void purge(MongoCollection<Document> events, int chunk, double pauseFactor) {
        long start = System.nanoTime();
        ExpiredDocuments.Purged purged = ExpiredDocuments.purge(events, new Date(), new ExpiredDocuments.Settings(chunk,
                Long.MAX_VALUE, pauseFactor));
        System.out.printf(Locale.ROOT, "purged=%d slices=%d seconds=%.3f%n", purged.deleted(), purged.slices(),
                (System.nanoTime() - start) / 1e9);
    }
}
