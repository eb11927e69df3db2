package org.opencdp.gateway;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.opencdp.localstores.testing.PostgresTestResource;
import org.opencdp.localstores.testing.TokenTestResource;

/** On Linux the gateway (and every service, with the same setting and dependency) runs on Netty's epoll. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TokenTestResource.class)
@QuarkusTestResource(StubServicesResource.class)
class NativeTransportTest {
    @Inject
    Vertx vertx;

    @Test
    @EnabledOnOs(OS.LINUX)
    @EnabledIfSystemProperty(named = "os.arch", matches = "amd64|x86_64|aarch64")
    void onLinuxTheEpollTransportIsUsed() {
        assertTrue(vertx.isNativeTransportEnabled(),
                () -> "native transport unavailable: " + vertx.unavailableNativeTransportCause());
    }
}
