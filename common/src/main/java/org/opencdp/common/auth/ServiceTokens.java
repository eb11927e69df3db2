package org.opencdp.common.auth;

import jakarta.enterprise.context.ApplicationScoped;
import java.security.PrivateKey;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Workspace tokens for calls from one service to another (crm-service's outbox to profile-service, profile-service
 * to segment-service and dmp-service). A calling service holds the signing key ({@code CDP_TOKEN_PRIVATE_KEY});
 * the callee verifies the token exactly as it verifies one forwarded by the gateway, so every internal call is
 * scoped to one workspace too. One token per workspace is reused until 80% of its lifetime has passed.
 */
@ApplicationScoped
public class ServiceTokens {
    /** The key id (JWT subject) of service calls: {@code service:<name>}. */
    public static final String SUBJECT_PREFIX = "service:";
    private static final int LIMIT = 10_000;
    private static final Set<String> SCOPES = Set.of(WorkspaceToken.TRACK, WorkspaceToken.MANAGE);

    private final TokenConfig config;
    private final Map<String, Issued> issued = new ConcurrentHashMap<>();
    private volatile PrivateKey key;

    public ServiceTokens(TokenConfig config) {
        this.config = config;
    }

    /** Whether this service can call others (its signing key is configured). */
    public boolean configured() {
        return config.privateKey().isPresent();
    }

    /** {@code Authorization} header value for a call made on behalf of a workspace. */
    public String bearer(String serviceName, String workspaceId) {
        long now = System.nanoTime();
        String cacheKey = serviceName + '|' + workspaceId;
        Issued current = issued.get(cacheKey);
        if (current != null && now - current.at < config.ttl().toNanos() * 8 / 10) {
            return current.header;
        }
        String header = "Bearer " + WorkspaceTokens.sign(key(), workspaceId, SUBJECT_PREFIX + serviceName, SCOPES,
                config.ttl());
        if (issued.size() >= LIMIT) {
            issued.clear();
        }
        issued.put(cacheKey, new Issued(header, now));
        return header;
    }

    private PrivateKey key() {
        PrivateKey k = key;
        if (k == null) {
            k = TokenKeys.privateKey(config.privateKey().orElseThrow(() -> new IllegalStateException(
                    "cdp.token.private-key (CDP_TOKEN_PRIVATE_KEY) is not set; this service cannot call others")));
            key = k;
        }
        return k;
    }

    private record Issued(String header, long at) {}
}
