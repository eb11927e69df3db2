package org.opencdp.profile.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.opencdp.profile.repository.ProfileStore;
import org.opencdp.profile.service.Ids;

/**
 * The baseline of {@code ./cdp bench ingest}: the minimal writes ingestion needs for the same tracking batches,
 * done directly on the store in bulk with no HTTP, validation, de-duplication, merge or concurrency control: per
 * batch, the identities found by {@code _id $in}, the missing ones inserted, the events inserted with insertMany and
 * one upsert per profile by {@code _id} in a bulkWrite. Run by the bench as a separate JVM on profile-service's class
 * path: {@code java -cp ... DirectIngestWrites <mongo-uri> <database> <workspace> <threads> <file>...}; each file holds
 * one batch ({@code {"batch":[...]}}) per line; prints one line per file: {@code file=<name> events=N seconds=S}.
 */
public final class DirectIngestWrites {
    private final MongoCollection<Document> identities;
    private final MongoCollection<Document> events;
    private final MongoCollection<Document> profiles;
    private final String ws;

    private DirectIngestWrites(MongoDatabase db, String ws) {
        this.identities = db.getCollection("identities");
        this.events = db.getCollection("events");
        this.profiles = db.getCollection("profiles");
        this.ws = ws;
    }

    public static void main(String[] args) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        try (MongoClient client = MongoClients.create(args[0])) {
            DirectIngestWrites writes = new DirectIngestWrites(client.getDatabase(args[1]), args[2]);
            int threads = Integer.parseInt(args[3]);
            for (int f = 4; f < args.length; f++) {
                List<JsonNode> batches = new ArrayList<>();
                for (String line : Files.readAllLines(Path.of(args[f]))) {
                    if (!line.isBlank()) {
                        batches.add(mapper.readTree(line).get("batch"));
                    }
                }
                long start = System.nanoTime();
                int events = writes.run(batches, threads);
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf(Locale.ROOT, "file=%s events=%d seconds=%.3f%n", Path.of(args[f]).getFileName(),
                        events, seconds);
            }
        }
    }

    private int run(List<JsonNode> batches, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger total = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < batches.size(); i = next.getAndIncrement()) {
                    total.addAndGet(write(batches.get(i)));
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        return total.get();
    }

    private int write(JsonNode batch) {
        List<List<String>> keysOf = new ArrayList<>();
        Set<String> all = new LinkedHashSet<>();
        for (JsonNode m : batch) {
            List<String> keys = new ArrayList<>();
            add(keys, "userId", m.path("userId").asText(null));
            add(keys, "email", m.path("traits").path("email").asText(null));
            add(keys, "anonymousId", m.path("anonymousId").asText(null));
            add(keys, "anonymousId", m.path("previousId").asText(null));
            keysOf.add(keys);
            all.addAll(keys);
        }
        Map<String, String> known = new HashMap<>();
        identities.find(Filters.in("_id", all)).forEach(d -> known.put(d.getString("_id"), d.getString("profileId")));
        Map<String, Document> newIdentities = new LinkedHashMap<>();
        Map<String, Document> profileUpdates = new LinkedHashMap<>();
        List<Document> eventDocs = new ArrayList<>();
        Date now = new Date();
        int i = 0;
        for (JsonNode m : batch) {
            List<String> keys = keysOf.get(i++);
            String pid = keys.stream().map(known::get).filter(p -> p != null).findFirst()
                    .orElseGet(() -> "p" + Ids.hash(keys.get(0), 12));
            for (String k : keys) {
                if (!known.containsKey(k)) {
                    known.put(k, pid);
                    newIdentities.put(k, new Document("_id", k).append("ws", ws).append("profileId", pid)
                            .append("originProfileId", pid).append("createdAt", now));
                }
            }
            Date at = Date.from(Instant.parse(m.path("timestamp").asText(now.toInstant().toString())));
            eventDocs.add(new Document("_id", ws + '|' + m.path("messageId").asText()).append("ws", ws)
                    .append("originProfileId", pid).append("type", m.path("type").asText())
                    .append("name", m.path("event").asText(m.path("name").asText(null)))
                    .append("properties", Document.parse(m.path("properties").isObject()
                            ? m.path("properties").toString() : "{}"))
                    .append("timestamp", at).append("receivedAt", now));
            Document update = profileUpdates.computeIfAbsent(pid, p -> new Document("count", 0).append("last", at)
                    .append("traits", new Document()));
            update.put("count", update.getInteger("count") + 1);
            if (m.path("traits").isObject()) {
                update.get("traits", Document.class).putAll(Document.parse(m.path("traits").toString()));
            }
        }
        ProfileStore.insertAll(identities, new ArrayList<>(newIdentities.values()));
        ProfileStore.insertAll(events, eventDocs);
        List<WriteModel<Document>> models = new ArrayList<>();
        profileUpdates.forEach((pid, u) -> {
            List<Bson> set = new ArrayList<>();
            set.add(Updates.setOnInsert("ws", ws));
            set.add(Updates.setOnInsert("createdAt", now));
            set.add(Updates.set("updatedAt", now));
            set.add(Updates.max("computed.lastSeen", u.getDate("last")));
            set.add(Updates.inc("computed.events", u.getInteger("count")));
            set.add(Updates.inc("version", 1L));
            u.get("traits", Document.class).forEach((k, v) -> set.add(Updates.set("traits." + k, v)));
            models.add(new UpdateOneModel<>(Filters.eq("_id", pid), Updates.combine(set),
                    new UpdateOptions().upsert(true)));
        });
        profiles.bulkWrite(models, new BulkWriteOptions().ordered(false));
        return batch.size();
    }

    private void add(List<String> keys, String type, String value) {
        if (value != null && !value.isBlank()) {
            String v = type.equals("email") ? value.strip().toLowerCase(Locale.ROOT) : value;
            String key = Ids.identity(ws, type, v);
            if (!keys.contains(key)) {
                keys.add(key);
            }
        }
    }

}
