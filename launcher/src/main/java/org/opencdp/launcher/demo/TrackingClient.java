package org.opencdp.launcher.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends tracking messages to {@code POST /v1/batch} of the gateway with a write key (HTTP Basic user), as a tracking
 * library does: batches of at most {@link #MAX_MESSAGES} messages and {@link #MAX_BATCH_BYTES} bytes (the API takes
 * 500 KB), a retry after 429 (Retry-After) and 502/503/504, an exception with the answer for anything else.
 */
public final class TrackingClient {
    static final int MAX_MESSAGES = 100;
    static final int MAX_BATCH_BYTES = 400 * 1024;
    private static final int ATTEMPTS = 6;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI batchUri;
    private final String authorization;

    public TrackingClient(String gatewayUrl, String writeKey) {
        this.batchUri = URI.create(gatewayUrl.replaceAll("/+$", "") + "/v1/batch");
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((writeKey + ":").getBytes(StandardCharsets.UTF_8));
    }

    /** Sends every message in order; returns the number of requests made. */
    public int sendAll(List<Map<String, Object>> messages) throws IOException, InterruptedException {
        int requests = 0;
        for (List<String> batch : batches(messages)) {
            send("{\"batch\":[" + String.join(",", batch) + "]}");
            requests++;
        }
        return requests;
    }

    /** Messages serialized and cut into batches that respect both limits, in order. */
    static List<List<String>> batches(List<Map<String, Object>> messages) throws JsonProcessingException {
        List<List<String>> batches = new ArrayList<>();
        List<String> current = new ArrayList<>();
        int bytes = 0;
        for (Map<String, Object> message : messages) {
            String json = MAPPER.writeValueAsString(message);
            int size = json.getBytes(StandardCharsets.UTF_8).length + 1;
            if (!current.isEmpty() && (current.size() == MAX_MESSAGES || bytes + size > MAX_BATCH_BYTES)) {
                batches.add(current);
                current = new ArrayList<>();
                bytes = 0;
            }
            current.add(json);
            bytes += size;
        }
        if (!current.isEmpty()) {
            batches.add(current);
        }
        return batches;
    }

    private void send(String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(batchUri).timeout(Duration.ofSeconds(30))
                .header("Authorization", authorization).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            if (status / 100 == 2) {
                return;
            }
            boolean retryable = status == 429 || status == 502 || status == 503 || status == 504;
            if (!retryable || attempt == ATTEMPTS) {
                throw new IOException("POST " + batchUri + " answered " + status + ": " + response.body());
            }
            long waitMs = response.headers().firstValue("Retry-After").map(TrackingClient::seconds)
                    .map(s -> s * 1000).orElse(250L << attempt);
            LockSupport.parkNanos(Duration.ofMillis(Math.min(waitMs, 30_000)).toNanos());
        }
    }

    private static Long seconds(String retryAfter) {
        try {
            return Math.max(1, Long.parseLong(retryAfter.trim()));
        } catch (NumberFormatException e) {
            return 1L;
        }
    }
}
