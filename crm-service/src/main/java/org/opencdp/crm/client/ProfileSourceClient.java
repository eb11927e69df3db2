package org.opencdp.crm.client;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.opencdp.common.auth.ServiceTokens;
import org.opencdp.crm.OutboxEvent;
import org.opencdp.crm.config.CrmConfig;
import org.opencdp.crm.config.ServiceUrls;

/**
 * Sends one outbox event to profile-service as a first-party source record (source {@code crm}, record id = contact
 * id): PUT with the record, or DELETE with its sequence. The outbox owns retries, so this client makes exactly one
 * attempt with a timeout and classifies the answer; a plain JDK client keeps it independent of request scopes.
 */
@ApplicationScoped
public class ProfileSourceClient {
    public static final String SOURCE = "crm";
    private final HttpClient http;
    private final ServiceTokens tokens;
    private final String baseUrl;
    private final Duration timeout;

    public ProfileSourceClient(ServiceTokens tokens, ServiceUrls urls, CrmConfig config) {
        this.tokens = tokens;
        this.baseUrl = urls.profile().replaceAll("/+$", "");
        this.timeout = config.outbox().timeout();
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /** What became of one delivery attempt. */
    public record Outcome(Kind kind, String error) {
        public enum Kind { DELIVERED, RETRY, FAILED }

        static Outcome delivered() {
            return new Outcome(Kind.DELIVERED, null);
        }
    }

    public Outcome send(OutboxEvent e) {
        if (!tokens.configured()) {
            return new Outcome(Outcome.Kind.RETRY, "no signing key (CDP_TOKEN_PRIVATE_KEY) to call profile-service");
        }
        String url = baseUrl + "/api/profiles/sources/" + SOURCE + "/records/" + e.contactId;
        HttpRequest.Builder request = HttpRequest.newBuilder().timeout(timeout)
                .header("Authorization", tokens.bearer("crm-service", e.workspaceId))
                .header("Idempotency-Key", e.id.toString())
                .header("Accept", "application/json");
        if (OutboxEvent.DELETE.equals(e.operation)) {
            request.uri(URI.create(url + "?sequence=" + e.sequence)).DELETE();
        } else {
            request.uri(URI.create(url)).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(e.payload, StandardCharsets.UTF_8));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return classify(e, response.statusCode(), response.body());
        } catch (IOException ex) {
            return new Outcome(Outcome.Kind.RETRY, "profile-service unreachable: " + ex.getClass().getSimpleName()
                    + (ex.getMessage() == null ? "" : " " + ex.getMessage()));
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return new Outcome(Outcome.Kind.RETRY, "interrupted");
        }
    }

    static Outcome classify(OutboxEvent e, int status, String body) {
        if (status >= 200 && status < 300) {
            return Outcome.delivered();
        }
        String error = "HTTP " + status + (body == null || body.isBlank() ? ""
                : ": " + body.substring(0, Math.min(body.length(), 300)));
        if (status >= 500 || status == 404 || status == 409 || status == 412 || status == 429 || status == 408) {
            return new Outcome(Outcome.Kind.RETRY, error);
        }
        return new Outcome(Outcome.Kind.FAILED, error);
    }
}
