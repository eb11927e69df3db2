package org.opencdp.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** The few calls of the gateway's admin API the launcher makes: the default workspace and its keys. */
public final class GatewayAdmin {
    private final HttpClient http;
    private final String baseUrl;
    private final String adminToken;

    public GatewayAdmin(HttpClient http, String baseUrl, String adminToken) {
        this.http = http;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.adminToken = adminToken;
    }

    /** Creates a workspace with a write key and a secret key. */
    public Credentials createWorkspaceWithKeys(String name) {
        JsonNode workspace = post("/api/workspaces", Map.of("name", name));
        String id = text(workspace, "id", "/api/workspaces");
        String keysPath = "/api/workspaces/" + id + "/keys";
        String writeKey = text(post(keysPath, Map.of("type", "write", "name", "local write key")), "key", keysPath);
        String secretKey = text(post(keysPath, Map.of("type", "secret", "name", "local secret key")), "key", keysPath);
        return new Credentials(id, writeKey, secretKey);
    }

    /** The HTTP status of {@code GET /api/workspaces/{id}} with the workspace's secret key (200 when usable). */
    public int workspaceStatus(Credentials credentials) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/workspaces/" + credentials.workspaceId()))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + credentials.secretKey())
                .header("Accept", "application/json")
                .GET().build();
        return send(request).statusCode();
    }

    private JsonNode post(String path, Map<String, String> body) {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer " + adminToken)
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(Json.MAPPER.writeValueAsString(body)))
                    .build();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        HttpResponse<String> response = send(request);
        if (response.statusCode() != 201 && response.statusCode() != 200) {
            throw new PlatformException("The gateway answered " + response.statusCode() + " to POST " + path + ": "
                    + abbreviate(response.body()));
        }
        try {
            return Json.MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new PlatformException("The gateway's answer to POST " + path + " is not JSON: "
                    + abbreviate(response.body()), e);
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new PlatformException("Cannot reach the gateway at " + baseUrl + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformException("Interrupted while calling the gateway", e);
        }
    }

    private static String text(JsonNode node, String field, String path) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new PlatformException("The gateway's answer to POST " + path + " has no \"" + field + "\": "
                    + abbreviate(node.toString()));
        }
        return value.asText();
    }

    static String abbreviate(String text) {
        String oneLine = text == null ? "" : text.replaceAll("\\s+", " ").trim();
        return oneLine.length() > 300 ? oneLine.substring(0, 300) + "..." : oneLine;
    }
}
