package org.opencdp.localstores;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.nio.file.Path;

/**
 * The in-process MongoDB wire-protocol server (mongo-java-server): memory backend for tests, H2 file backend for a
 * local run whose data survives a restart. No transactions and no TTL expiry: see DESIGN.md.
 */
public final class MongoWireStore implements AutoCloseable {
    private final MongoServer server;
    private final InetSocketAddress address;

    private MongoWireStore(MongoServer server, InetSocketAddress address) {
        this.server = server;
        this.address = address;
    }

    /** A memory-backed server on a free loopback port. */
    public static MongoWireStore inMemory() {
        MongoServer server = new MongoServer(new MemoryBackend());
        return new MongoWireStore(server, server.bind());
    }

    /** A server persisting to an H2 MVStore file, on the given port (0 picks a free one). */
    public static MongoWireStore persistent(Path file, int port) {
        MongoBackend backend = new H2Backend(file.toAbsolutePath().toString());
        MongoServer server = new MongoServer(backend);
        try {
            server.bind("127.0.0.1", port);
        } catch (RuntimeException e) {
            server.shutdownNow();
            throw e;
        }
        return new MongoWireStore(server, server.getLocalAddress());
    }

    public int port() {
        return address.getPort();
    }

    public String connectionString() {
        return "mongodb://127.0.0.1:" + port();
    }

    @Override
    public void close() {
        server.shutdown();
    }
}
