package org.opencdp.localstores.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import org.opencdp.localstores.MongoWireStore;

/** Starts one in-memory Mongo wire server per test JVM and points the service's client at it. */
public class MongoTestResource implements QuarkusTestResourceLifecycleManager {
    private static MongoWireStore store;

    @Override
    public synchronized Map<String, String> start() {
        if (store == null) {
            store = MongoWireStore.inMemory();
            Runtime.getRuntime().addShutdownHook(new Thread(store::close));
        }
        return Map.of("quarkus.mongodb.connection-string", store.connectionString());
    }

    @Override
    public void stop() {
        // shared by every test class of the JVM; stopped by the shutdown hook
    }
}
