package org.opencdp.gateway.proxy;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.opencdp.gateway.config.GatewayConfig;

/**
 * A token bucket per API key on this replica (capacity = burst, refilled per second). With N replicas behind a
 * load balancer a key gets about N times the configured rate.
 */
@Singleton
public class RateLimiter {
    private final Map<UUID, Bucket> buckets = new ConcurrentHashMap<>();
    private final GatewayConfig.RateLimit config;

    public RateLimiter(GatewayConfig config) {
        this.config = config.rateLimit();
    }

    /** 0 when the request may pass, else the whole seconds to wait before the next token (at least 1). */
    public long tryAcquire(UUID keyId) {
        ConsumptionProbe probe = buckets.computeIfAbsent(keyId, this::newBucket).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return 0;
        }
        return Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
    }

    private Bucket newBucket(UUID keyId) {
        GatewayConfig.RateLimit.Bucket own = config.keys().get(keyId.toString());
        long capacity = own != null ? own.capacity() : config.capacity();
        long refill = own != null ? own.refillPerSecond() : config.refillPerSecond();
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(capacity).refillGreedy(refill, Duration.ofSeconds(1)))
                .build();
    }
}
