package org.opencdp.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencdp.launcher.Service;

/**
 * The real tracking libraries, unchanged, pointed at the gateway: Segment's {@code @segment/analytics-node} (option
 * {@code host}) and RudderStack's {@code @rudderstack/rudder-sdk-node} ({@code dataPlaneUrl}, gzip bodies). Each node
 * script ({@code src/test/node}) sends page (anonymous), identify, track "Order Completed" and alias, flushes, and exits
 * non-zero when the library reports any delivery error; the test then finds the person through the profile API.
 */
class TrackingSdkIT {
    private static final List<String> FILES = List.of("package.json", "package-lock.json", "common.js", "segment.js",
            "rudderstack.js");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Path nodeDir;
    private static SharedPlatform.Tenant other;

    @BeforeAll
    static void installLibraries() throws Exception {
        assumeTrue(runs("node", "--version") && runs("npm", "--version"),
                "node and npm are not on the PATH: the tracking-library test needs Node 20+ (apt-get install nodejs npm)");
        Path repo = Path.of(System.getProperty("cdp.repo", ".")).toAbsolutePath().normalize();
        Path source = repo.resolve("e2e/src/test/node");
        nodeDir = repo.resolve("e2e/target/node");
        Files.createDirectories(nodeDir);
        for (String file : FILES) {
            Files.copy(source.resolve(file), nodeDir.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        // exact versions from package-lock.json; bull (RudderStack's optional Redis queue) is not needed
        Result install = run(Duration.ofMinutes(5), "npm", "ci", "--omit=optional", "--ignore-scripts", "--no-audit",
                "--no-fund");
        assertEquals(0, install.exitCode(), "npm ci failed:\n" + install.output());
        other = SharedPlatform.newTenant("sdk-other");
    }

    @Test
    void segmentLibraryBatchesToV1BatchWithTheWriteKey() throws Exception {
        SharedPlatform.Tenant tenant = SharedPlatform.newTenant("sdk-segment");
        String userId = "seg-" + UUID.randomUUID();
        String anonymousId = "anon-" + UUID.randomUUID();
        JsonNode report = sdk("segment.js", tenant, userId, anonymousId);
        JsonNode request = report.path("requests").get(0);
        assertTrue(request.path("url").asText().endsWith("/v1/batch"), report.toString());
        assertTrue(request.path("basicUserIsWriteKey").asBoolean(), report.toString());
        assertEquals(4, request.path("messages").asInt(), "one batch with the four calls: " + report);
        assertPersonArrived(tenant, userId, anonymousId);
    }

    @Test
    void rudderStackLibrarySendsGzipThatIsAccepted() throws Exception {
        SharedPlatform.Tenant tenant = SharedPlatform.newTenant("sdk-rudderstack");
        String userId = "rud-" + UUID.randomUUID();
        String anonymousId = "anon-" + UUID.randomUUID();
        JsonNode report = sdk("rudderstack.js", tenant, userId, anonymousId);
        assertTrue(report.path("requests").size() >= 1, report.toString());
        for (JsonNode request : report.path("requests")) {
            assertTrue(request.path("url").asText().endsWith("/v1/batch"), report.toString());
            assertEquals("gzip", request.path("contentEncoding").asText(), report.toString());
            assertTrue(request.path("gzipMagic").asBoolean(), "the body really is gzip: " + report);
            assertTrue(request.path("basicUserIsWriteKey").asBoolean(), report.toString());
        }
        for (JsonNode status : report.path("statuses")) {
            assertEquals(200, status.asInt(), "every gzip batch accepted: " + report);
        }
        assertPersonArrived(tenant, userId, anonymousId);
    }

    @Test
    void aRejectedDeliveryFailsTheScripts() throws Exception {
        // the scripts exit non-zero when the library reports a failed delivery: otherwise the tests above prove nothing
        String gateway = "http://127.0.0.1:" + SharedPlatform.get().port(Service.GATEWAY);
        for (String script : List.of("segment.js", "rudderstack.js")) {
            Result result = run(Duration.ofMinutes(2), "node", script, gateway, "wk_notakeynotakeynotakeynotakey00",
                    "u-" + UUID.randomUUID(), "anon-" + UUID.randomUUID());
            assertEquals(1, result.exitCode(), script + ":\n" + result.output());
            assertTrue(result.output().contains("delivery failed"), script + ":\n" + result.output());
        }
    }

    /** Runs one script; it must exit 0 (every message delivered) and print its JSON report as the last line. */
    private static JsonNode sdk(String script, SharedPlatform.Tenant tenant, String userId, String anonymousId)
            throws Exception {
        // by address: node resolves localhost to ::1 first, and the platform listens on 127.0.0.1
        String gateway = "http://127.0.0.1:" + SharedPlatform.get().port(Service.GATEWAY);
        Result result = run(Duration.ofMinutes(2), "node", script, gateway,
                tenant.writeKey(), userId, anonymousId);
        assertEquals(0, result.exitCode(), script + " reported a delivery failure:\n" + result.output());
        List<String> lines = result.output().lines().filter(l -> l.startsWith("{")).toList();
        assertTrue(!lines.isEmpty(), "no report from " + script + ":\n" + result.output());
        JsonNode report = JSON.readTree(lines.get(lines.size() - 1));
        assertTrue(report.path("ok").asBoolean(), report.toString());
        return report;
    }

    /** One profile with the user id, the e-mail, the anonymous id (alias), the traits, the order and the page. */
    private static void assertPersonArrived(SharedPlatform.Tenant tenant, String userId, String anonymousId) {
        String email = userId.toLowerCase() + "@example.com";
        // the tracking API stores a batch before it answers: once the library's flush succeeded, the data is there
        String profileId = given().auth().oauth2(tenant.secretKey()).queryParam("type", "userId")
                .queryParam("value", userId).get("/api/profiles/lookup").then().statusCode(200)
                .body("traits.email", equalTo(email))
                .body("traits.firstName", equalTo("Ann"))
                .body("traits.plan", equalTo("gold"))
                .body("computed.orderCount", equalTo(1))
                .body("computed.revenue", equalTo(25.0f))
                .body("identities.findAll { it.type == 'email' }.value", hasItem(email))
                .body("identities.findAll { it.type == 'anonymousId' }.value", hasItem(anonymousId))
                .extract().path("id");
        // the anonymous page view belongs to the same person
        given().auth().oauth2(tenant.secretKey()).queryParam("type", "anonymousId").queryParam("value", anonymousId)
                .get("/api/profiles/lookup").then().statusCode(200).body("id", equalTo(profileId));
        given().auth().oauth2(tenant.secretKey()).get("/api/profiles/" + profileId + "/events").then().statusCode(200)
                .body("items.type", hasItems("page", "identify", "track", "alias"))
                .body("items.find { it.type == 'track' }.name", equalTo("Order Completed"))
                .body("items.find { it.type == 'track' }.properties.order_id", equalTo("order-" + userId));
        // nothing of it is visible to another workspace
        given().auth().oauth2(other.secretKey()).queryParam("type", "userId").queryParam("value", userId)
                .get("/api/profiles/lookup").then().statusCode(404);
    }

    private record Result(int exitCode, String output) {}

    private static Result run(Duration timeout, String... command) throws IOException, InterruptedException {
        Path log = Files.createTempFile("cdp-node-", ".log");
        try {
            Process p = new ProcessBuilder(new ArrayList<>(List.of(command))).directory(nodeDir.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                return new Result(-1, "timed out after " + timeout + ":\n" + Files.readString(log));
            }
            return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static boolean runs(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
