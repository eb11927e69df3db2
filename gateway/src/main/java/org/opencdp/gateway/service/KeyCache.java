package org.opencdp.gateway.service;

import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.opencdp.gateway.config.GatewayConfig;

/**
 * Recent key lookups by key hash, known and unknown keys alike, so that a hot key costs no database query. Entries
 * live for {@code cdp.gateway.key-cache-ttl}; a revocation evicts the key at once on this replica (other replicas
 * notice within the TTL).
 */
@Singleton
public class KeyCache {
    private static final int LIMIT = 50_000;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong evictions = new AtomicLong();
    private final long ttlNanos;

    public KeyCache(GatewayConfig config) {
        this.ttlNanos = config.keyCacheTtl().toNanos();
    }

    /** Empty when the lookup must go to the database; else the caller, or an empty inner Optional for no such key. */
    public Optional<Optional<Caller>> get(String keyHash) {
        Entry entry = entries.get(keyHash);
        if (entry == null) {
            return Optional.empty();
        }
        if (System.nanoTime() - entry.loadedAt > ttlNanos) {
            entries.remove(keyHash, entry);
            return Optional.empty();
        }
        return Optional.of(Optional.ofNullable(entry.caller));
    }

    /** Taken before a database lookup and handed to {@link #put}. */
    public long generation() {
        return evictions.get();
    }

    /** Remembers a lookup, unless a key was evicted since it started (it may have read a revoked key as active). */
    public void put(String keyHash, Optional<Caller> caller, long generation) {
        if (evictions.get() != generation) {
            return;
        }
        if (entries.size() >= LIMIT) {
            entries.clear();
        }
        entries.put(keyHash, new Entry(caller.orElse(null), System.nanoTime()));
    }

    public void evict(String keyHash) {
        evictions.incrementAndGet();
        entries.remove(keyHash);
    }

    private record Entry(Caller caller, long loadedAt) {}
}
