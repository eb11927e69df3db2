package org.opencdp.launcher.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Realistic tracking batches for {@code ./cdp bench ingest}, deterministic for a seed. A pool of people, each with a
 * userId, an e-mail (sometimes sent in mixed case), a first device (anonymousId {@code anon-k-1}) and a second one
 * ({@code anon-k-2}). The seed phase identifies every person once (userId + first device + e-mail: one profile
 * each). The mixed phase then draws: 15% identify (userId, first device, traits), 40% track (by userId or first
 * device; one in ten an {@code Order Completed} with revenue), 35% page from the second device (an anonymous profile
 * the first time), 10% alias of the second device to the userId (which merges that anonymous profile into the
 * person's).
 */
final class IngestWorkload {
    static final int BATCH = 100;
    private static final String[] EVENTS = {"Product Viewed", "Product Added", "Checkout Started", "Product Viewed",
        "Products Searched", "Cart Viewed", "Product Viewed", "Coupon Applied", "Product Removed"};
    private static final String[] PAGES = {"Home", "Category", "Product", "Cart", "Search", "Account"};
    private final ObjectMapper mapper = new ObjectMapper();
    private final int people;
    private final Random random;
    private final String runId;
    private long sequence;

    IngestWorkload(int people, long seed) {
        this.people = people;
        this.random = new Random(seed);
        this.runId = Long.toString(seed, 36) + "-" + Long.toString(System.nanoTime() % 1_000_000, 36);
    }

    static String email(int person) {
        return "person." + person + "@example.com";
    }

    /** One identify per person, {@link #BATCH} per request body. */
    List<String> seedBatches() {
        List<String> bodies = new ArrayList<>();
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int k = 0; k < people; k++) {
            batch.add(identify(k));
            if (batch.size() == BATCH) {
                bodies.add(body(batch));
                batch = new ArrayList<>();
            }
        }
        if (!batch.isEmpty()) {
            bodies.add(body(batch));
        }
        return bodies;
    }

    List<String> mixedBatches(int count) {
        List<String> bodies = new ArrayList<>(count);
        for (int b = 0; b < count; b++) {
            List<Map<String, Object>> batch = new ArrayList<>(BATCH);
            for (int i = 0; i < BATCH; i++) {
                batch.add(mixed());
            }
            bodies.add(body(batch));
        }
        return bodies;
    }

    private Map<String, Object> mixed() {
        int k = random.nextInt(people);
        double r = random.nextDouble();
        if (r < 0.15) {
            return identify(k);
        }
        if (r < 0.55) {
            Map<String, Object> m = base("track", k);
            if (random.nextBoolean()) {
                m.put("userId", "user-" + k);
            } else {
                m.put("anonymousId", "anon-" + k + "-1");
            }
            if (random.nextInt(10) == 0) {
                m.put("event", "Order Completed");
                m.put("properties", Map.of("order_id", "o-" + sequence, "revenue",
                        Math.round(random.nextDouble() * 20_000) / 100.0, "currency", "ZAR"));
            } else {
                m.put("event", EVENTS[random.nextInt(EVENTS.length)]);
                m.put("properties", Map.of("product_id", "sku-" + random.nextInt(500)));
            }
            return m;
        }
        if (r < 0.90) {
            Map<String, Object> m = base("page", k);
            m.put("anonymousId", "anon-" + k + "-2");
            m.put("name", PAGES[random.nextInt(PAGES.length)]);
            m.put("properties", Map.of("path", "/" + m.get("name").toString().toLowerCase()));
            return m;
        }
        Map<String, Object> m = base("alias", k);
        m.put("previousId", "anon-" + k + "-2");
        m.put("userId", "user-" + k);
        return m;
    }

    private Map<String, Object> identify(int k) {
        Map<String, Object> m = base("identify", k);
        m.put("userId", "user-" + k);
        m.put("anonymousId", "anon-" + k + "-1");
        String email = k % 7 == 0 ? " Person." + k + "@Example.com" : email(k);
        m.put("traits", Map.of("email", email, "firstName", "Name" + k, "plan", k % 3 == 0 ? "pro" : "free"));
        return m;
    }

    private Map<String, Object> base(String type, int k) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", type);
        m.put("messageId", "bench-" + runId + "-" + sequence++);
        m.put("timestamp", Instant.now().toString());
        m.put("context", Map.of("ip", "198.51.100." + (k % 250), "library",
                Map.of("name", "opencdp-bench", "version", "1.0"), "userAgent", "Mozilla/5.0 (bench)"));
        return m;
    }

    private String body(List<Map<String, Object>> batch) {
        try {
            return mapper.writeValueAsString(Map.of("batch", batch, "sentAt", Instant.now().toString()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
