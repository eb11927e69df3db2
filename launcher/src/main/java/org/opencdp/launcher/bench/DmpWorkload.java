package org.opencdp.launcher.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Anonymous page views for {@code ./cdp bench dmp}: batches of 100 consented events from a pool of visitors, on URLs
 * of a few sections that the bench's rules map to categories, with real-looking user agents and addresses.
 */
final class DmpWorkload {
    static final int BATCH = 100;
    private static final String[] SECTIONS = {"sport/soccer", "sport/tennis", "travel/beach", "finance/markets",
        "tech/phones", "news/local", "food/recipes"};
    private static final String[] AGENTS = {
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148 Safari/604.1",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/120.0 Safari/537.36",
        "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 Chrome/120.0 Mobile Safari/537.36"};
    private final int visitors;
    private final Random random;

    DmpWorkload(int visitors, long seed) {
        this.visitors = visitors;
        this.random = new Random(seed);
    }

    /** Rules (JSON bodies for POST /api/dmp/rules) that categorise the workload's sections. */
    static List<String> rules() {
        return List.of(
                "{\"type\":\"url\",\"pattern\":\"/sport/\",\"categoryId\":\"IAB-INT-SPORTS\"}",
                "{\"type\":\"url\",\"pattern\":\"/sport/soccer\",\"categoryId\":\"IAB-INT-SPORTS-SOCCER\"}",
                "{\"type\":\"url\",\"pattern\":\"/travel/\",\"categoryId\":\"IAB-INT-TRAVEL\"}",
                "{\"type\":\"keyword\",\"pattern\":\"beach\",\"categoryId\":\"IAB-INT-TRAVEL-BEACH-HOLIDAYS\"}",
                "{\"type\":\"url\",\"pattern\":\"/finance/\",\"categoryId\":\"IAB-INT-BUS\"}",
                "{\"type\":\"url\",\"pattern\":\"/tech/(phones|laptops)\",\"categoryId\":\"IAB-PI-ELEC-MOBILE-PHONES\"}");
    }

    static String audience() {
        return "{\"name\":\"Sports fans\",\"categories\":[\"IAB-INT-SPORTS\"],\"minVisits\":3,\"window\":\"P14D\"}";
    }

    List<String> batches(int count) {
        List<String> out = new ArrayList<>(count);
        for (int b = 0; b < count; b++) {
            StringBuilder s = new StringBuilder(BATCH * 330).append("{\"batch\":[");
            for (int i = 0; i < BATCH; i++) {
                int v = random.nextInt(visitors);
                s.append(i == 0 ? "" : ",").append("{\"anonymousId\":\"bench-v-").append(v)
                        .append("\",\"url\":\"https://news.example/").append(SECTIONS[random.nextInt(SECTIONS.length)])
                        .append('/').append(random.nextInt(1000)).append("?utm_source=bench\",\"userAgent\":\"")
                        .append(AGENTS[v % AGENTS.length]).append("\",\"ip\":\"81.2.").append(v % 256).append('.')
                        .append(random.nextInt(256)).append("\",\"consent\":{\"advertising\":true}}");
            }
            out.add(s.append("]}").toString());
        }
        return out;
    }
}
