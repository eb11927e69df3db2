package org.opencdp.crm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * A stand-in for profile-service on a random port: accepts every source record (200) until a test changes the stubs.
 * Global to the module's tests, so the outbox of every test delivers here.
 */
public class ProfileStubResource implements QuarkusTestResourceLifecycleManager {
    private static WireMockServer server;

    @Override
    public synchronized Map<String, String> start() {
        if (server == null) {
            server = new WireMockServer(options().dynamicPort());
            server.start();
            acceptAll();
        }
        return Map.of("cdp.services.profile", server.baseUrl());
    }

    public static WireMockServer server() {
        return server;
    }

    /** profile-service up: every PUT/DELETE of a source record is accepted. */
    public static void acceptAll() {
        server.resetAll();
        server.stubFor(any(urlPathMatching("/api/profiles/sources/crm/records/.*")).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"profileId\":\"p-1\",\"applied\":true}")));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }
}
