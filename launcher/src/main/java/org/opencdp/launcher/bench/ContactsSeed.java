package org.opencdp.launcher.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The contacts behind the gateway bench's {@code crm-contacts} page: 20 contacts tagged {@code gateway-bench},
 * added once to the bench's workspace (a later run finds them and adds nothing).
 */
final class ContactsSeed {
    static final int COUNT = 20;
    private static final String TAG = "gateway-bench";

    private ContactsSeed() {}

    /** Null when the contacts are there, else what went wrong. */
    static String ensure(String crmUrl, String jwt) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try {
            HttpResponse<String> page = http.send(request(crmUrl + "/api/crm/contacts?tag=" + TAG + "&limit=1", jwt)
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            if (page.statusCode() != 200) {
                return "listing the bench contacts answered " + page.statusCode() + ": " + page.body();
            }
            if (page.body().contains("\"id\"")) {
                return null;
            }
            for (int i = 0; i < COUNT; i++) {
                String body = String.format("{\"firstName\":\"Bench\",\"lastName\":\"Contact %02d\","
                        + "\"emails\":[\"gateway-bench-%02d@example.invalid\"],\"lifecycleStage\":\"customer\","
                        + "\"tags\":[\"%s\"]}", i, i, TAG);
                HttpResponse<String> created = http.send(request(crmUrl + "/api/crm/contacts", jwt)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (created.statusCode() != 201) {
                    return "creating a bench contact answered " + created.statusCode() + ": " + created.body();
                }
            }
            return null;
        } catch (IOException e) {
            return "seeding the bench contacts failed: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private static HttpRequest.Builder request(String url, String jwt) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + jwt).header("Accept", "application/json");
    }
}
