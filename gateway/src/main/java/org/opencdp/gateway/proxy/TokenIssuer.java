package org.opencdp.gateway.proxy;

import io.netty.util.AsciiString;
import io.quarkus.runtime.StartupEvent;
import jakarta.inject.Singleton;
import jakarta.enterprise.event.Observes;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.opencdp.common.auth.TokenConfig;
import org.opencdp.common.auth.TokenKeys;
import org.opencdp.common.auth.WorkspaceTokens;
import org.opencdp.gateway.service.Caller;

/**
 * The workspace token (JWT) put on forwarded requests. One token per key is reused until 80% of its lifetime has
 * passed, so that a hot key costs one RSA signature every few minutes rather than one per request.
 */
@Singleton
public class TokenIssuer {
    private static final int LIMIT = 50_000;
    private final TokenConfig config;
    private final Map<UUID, Issued> issued = new ConcurrentHashMap<>();
    private final long reuseNanos;
    private volatile PrivateKey key;

    public TokenIssuer(TokenConfig config) {
        this.config = config;
        this.reuseNanos = config.ttl().toNanos() * 8 / 10;
    }

    /** Refuses to start without a signing key: every forwarded request needs one. */
    void checkKey(@Observes StartupEvent event) {
        key();
    }

    /**
     * The {@code Authorization} header value ({@code Bearer <jwt>}) for a forwarded request. It is an
     * {@link AsciiString}, which Netty copies into the request as bytes instead of encoding it char by char.
     */
    public CharSequence authorizationFor(Caller caller) {
        long now = System.nanoTime();
        Issued current = issued.get(caller.keyId());
        if (current != null && now - current.at < reuseNanos) {
            return current.header;
        }
        String jwt = WorkspaceTokens.sign(key(), caller.workspaceId().toString(), caller.keyId().toString(),
                caller.scopes(), config.ttl());
        AsciiString header = AsciiString.of("Bearer " + jwt);
        if (issued.size() >= LIMIT) {
            issued.clear();
        }
        issued.put(caller.keyId(), new Issued(header, now));
        return header;
    }

    public Duration ttl() {
        return config.ttl();
    }

    private PrivateKey key() {
        PrivateKey k = key;
        if (k == null) {
            k = TokenKeys.privateKey(config.privateKey().orElseThrow(() -> new IllegalStateException(
                    "cdp.token.private-key (CDP_TOKEN_PRIVATE_KEY) is not set; the gateway cannot sign tokens")));
            key = k;
        }
        return k;
    }

    private record Issued(AsciiString header, long at) {}
}
