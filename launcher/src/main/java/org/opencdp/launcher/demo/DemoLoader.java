package org.opencdp.launcher.demo;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Loads the Online Retail sample into a workspace through the tracking API; used by {@code ./cdp demo} and e2e tests. */
public final class DemoLoader {
    /** The sample shipped in the repository, relative to its root. */
    public static final Path SAMPLE = Path.of("demo", "online-retail", "online-retail-sample.csv");

    private DemoLoader() {}

    /** What was sent. */
    public record Report(List<DemoEvents.Customer> customers, int orders, int messages, int requests) {
        /** The customer with the most orders (the best one to look at). */
        public DemoEvents.Customer showcase() {
            return DemoLoader.showcase(customers);
        }
    }

    /** The customer with the most orders, then the highest revenue. */
    public static DemoEvents.Customer showcase(List<DemoEvents.Customer> customers) {
        return customers.stream().max(Comparator.comparingInt((DemoEvents.Customer c) -> c.orders().size())
                .thenComparing(DemoEvents.Customer::revenue)).orElseThrow();
    }

    /** The customers of a CSV file, the first {@code limit} of them (all when limit <= 0). */
    public static List<DemoEvents.Customer> customers(Path csv, int limit) throws IOException {
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            List<DemoEvents.Customer> all = DemoEvents.customers(OnlineRetailCsv.read(reader));
            return limit > 0 && limit < all.size() ? all.subList(0, limit) : all;
        }
    }

    /** The profile of a userId as {@code GET /api/profiles/lookup} answers it (secret key), empty when not found. */
    public static Optional<Map<String, Object>> lookup(String gatewayUrl, String secretKey, String userId)
            throws IOException, InterruptedException {
        URI uri = URI.create(gatewayUrl.replaceAll("/+$", "") + "/api/profiles/lookup?type=userId&value="
                + URLEncoder.encode(userId, StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + secretKey).GET().build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            return Optional.empty();
        }
        return Optional.of(new ObjectMapper().readValue(response.body(), new TypeReference<Map<String, Object>>() {}));
    }

    /** Sends identify + Order Completed messages for the customers through {@code POST /v1/batch}. */
    public static Report load(String gatewayUrl, String writeKey, List<DemoEvents.Customer> customers)
            throws IOException, InterruptedException {
        if (customers.isEmpty()) {
            throw new IllegalArgumentException("no customers to load");
        }
        List<Map<String, Object>> messages = DemoEvents.messages(customers);
        int requests = new TrackingClient(gatewayUrl, writeKey).sendAll(messages);
        int orders = customers.stream().mapToInt(c -> c.orders().size()).sum();
        return new Report(customers, orders, messages.size(), requests);
    }
}
