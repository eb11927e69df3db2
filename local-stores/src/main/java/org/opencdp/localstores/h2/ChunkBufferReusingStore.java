package org.opencdp.localstores.h2;

import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.mvstore.SingleFileStore;
import org.h2.mvstore.WriteBuffer;

/**
 * H2's file store, but the large buffers into which a save serialises its chunk are kept for the next saves.
 *
 * <p>H2 keeps a chunk's buffer only up to 4 MB, and its {@link WriteBuffer#clear()} drops anything larger. The store
 * saves chunks of about 40 MB ({@link KeyedH2Backend#AUTO_COMMIT_KB}), so every save started again from a 1 MB
 * buffer and grew it by half about ten times, allocating and copying some 150 MB per chunk: under the ingest bench
 * the thread that serialises chunks allocated nearly half of all the store's memory, and the young collections that
 * this caused copied the buffer in flight too.
 */
final class ChunkBufferReusingStore extends SingleFileStore {
    /** H2 keeps buffers up to this size itself ({@code WriteBuffer}'s reuse limit). */
    static final int H2_REUSE_LIMIT = 4 * 1024 * 1024;
    /** Buffers above this stay garbage, so that an unusually large save does not pin its buffer for good. */
    static final int MAX_KEPT = 256 * 1024 * 1024;
    /** A save serialises the next chunk while the previous one is written: two buffers in use at most. */
    private final BlockingQueue<WriteBuffer> large = new ArrayBlockingQueue<>(2);
    private final AtomicInteger reused = new AtomicInteger();

    ChunkBufferReusingStore(Map<String, Object> config) {
        super(config);
    }

    @Override
    public WriteBuffer getWriteBuffer() {
        WriteBuffer buffer = large.poll();
        if (buffer == null) {
            return super.getWriteBuffer();
        }
        reused.incrementAndGet();
        // what WriteBuffer.clear() does to a buffer it keeps (its own limit(int) would grow the buffer instead)
        buffer.getBuffer().clear();
        return buffer;
    }

    @Override
    public void releaseWriteBuffer(WriteBuffer buffer) {
        int capacity = buffer.capacity();
        if (capacity <= H2_REUSE_LIMIT) {
            super.releaseWriteBuffer(buffer);
        } else if (capacity <= MAX_KEPT) {
            large.offer(buffer); // a third one (never seen) would be dropped
        }
    }

    /** How many saves have written into a large buffer of an earlier save (for tests). */
    int reusedLargeBuffers() {
        return reused.get();
    }
}
