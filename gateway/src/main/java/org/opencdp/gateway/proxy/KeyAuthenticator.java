package org.opencdp.gateway.proxy;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.opencdp.gateway.config.GatewayConfig;
import org.opencdp.gateway.service.ApiKeyService;
import org.opencdp.gateway.service.Caller;
import org.opencdp.gateway.service.KeyCache;
import org.opencdp.gateway.service.KeySecrets;

/** Resolves a presented secret to a caller without blocking the event loop (database lookups run on a worker). */
@Singleton
public class KeyAuthenticator {
    private final KeyCache cache;
    private final ApiKeyService keys;
    private final Optional<String> adminToken;

    public KeyAuthenticator(KeyCache cache, ApiKeyService keys, GatewayConfig config) {
        this.cache = cache;
        this.keys = keys;
        this.adminToken = config.adminToken().filter(t -> !t.isBlank());
    }

    /** The caller, or an empty Optional for an unknown, revoked or malformed secret. */
    public Future<Optional<Caller>> authenticate(Vertx vertx, String secret) {
        if (!KeySecrets.looksLikeKey(secret)) {
            boolean admin = adminToken.isPresent() && KeySecrets.sameSecret(adminToken.get(), secret);
            return Future.succeededFuture(admin ? Optional.of(Caller.ADMIN) : Optional.empty());
        }
        String hash = KeySecrets.hash(secret);
        Optional<Optional<Caller>> cached = cache.get(hash);
        if (cached.isPresent()) {
            return Future.succeededFuture(cached.get());
        }
        long generation = cache.generation();
        return vertx.executeBlocking(() -> keys.authenticate(hash), false)
                .onSuccess(caller -> cache.put(hash, caller, generation));
    }

    public boolean adminTokenConfigured() {
        return adminToken.isPresent();
    }
}
