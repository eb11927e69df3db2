package org.opencdp.localstores.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import org.opencdp.localstores.EmbeddedPostgresStore;

/** Starts one embedded PostgreSQL per test JVM and points the service's datasource at it. */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {
    private static EmbeddedPostgresStore store;

    @Override
    public synchronized Map<String, String> start() {
        if (store == null) {
            store = EmbeddedPostgresStore.start(null, 0);
            Runtime.getRuntime().addShutdownHook(new Thread(store::close));
        }
        store.ensureDatabase("cdp_test");
        return Map.of(
                "quarkus.datasource.jdbc.url", store.jdbcUrl("cdp_test"),
                "quarkus.datasource.username", EmbeddedPostgresStore.USER,
                "quarkus.datasource.password", "");
    }

    @Override
    public void stop() {
        // shared by every test class of the JVM; stopped by the shutdown hook
    }
}
