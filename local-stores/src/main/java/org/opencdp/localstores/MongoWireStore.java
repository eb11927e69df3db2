package org.opencdp.localstores;

import de.bwaldvogel.mongo.MongoBackend;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import org.opencdp.localstores.h2.KeyedH2Backend;
import org.opencdp.localstores.h2.WireServer;

/**
 * The in-process MongoDB wire-protocol server (mongo-java-server) with the H2 backend of {@link KeyedH2Backend}: in
 * memory for tests, in a file for a local run whose data survives a restart, so that tests run on the same store
 * code as the platform. No transactions and no TTL expiry: see DESIGN.md.
 */
public final class MongoWireStore implements AutoCloseable {
    private final WireServer server;
    private final InetSocketAddress address;

    private MongoWireStore(WireServer server) {
        this.server = server;
        this.address = server.address();
    }

    /** A server keeping its data in memory, on a free loopback port. */
    public static MongoWireStore inMemory() {
        return new MongoWireStore(WireServer.start(KeyedH2Backend.inMemory(), "127.0.0.1", 0));
    }

    /**
     * Page cache of the H2 store in megabytes: a sixteenth of the heap (16 MB to 1 GB), so that the hot index and
     * document pages of a local run stay in memory (documents as their BSON bytes, see {@code BsonType}). H2 keeps the
     * pages it evicts weakly reachable (up to three times as many as it holds), and a garbage collector frees those
     * only after marking the old generation: a cache of a quarter of the heap (documents then held decoded) filled three
     * quarters of a 4 GB heap in a few minutes of collection, with 5 s full pauses.
     */
    static int cacheMb() {
        long sixteenth = Runtime.getRuntime().maxMemory() / 16 / (1024 * 1024);
        return (int) Math.max(16, Math.min(1024, sixteenth));
    }

    /** A server persisting to an H2 MVStore file ({@link KeyedH2Backend}), on the given port (0 picks a free one). */
    public static MongoWireStore persistent(Path file, int port) {
        MongoBackend backend = KeyedH2Backend.open(file, cacheMb());
        return new MongoWireStore(WireServer.start(backend, "127.0.0.1", port));
    }

    public int port() {
        return address.getPort();
    }

    public String connectionString() {
        return "mongodb://127.0.0.1:" + port();
    }

    @Override
    public void close() {
        server.close();
    }
}
