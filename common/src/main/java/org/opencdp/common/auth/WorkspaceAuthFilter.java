package org.opencdp.common.auth;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.opencdp.common.problem.ProblemException;

/**
 * Rejects API calls that do not carry a valid gateway token (401) or whose key lacks the scope of the path (403),
 * and fills {@link WorkspaceContext}. Verified tokens are cached until they expire: the gateway reuses a token for
 * many requests, so most calls cost one map lookup instead of an RSA verification.
 */
@ApplicationScoped
public class WorkspaceAuthFilter {
    private static final int CACHE_LIMIT = 10_000;
    private final TokenConfig config;
    private final WorkspaceContext context;
    private final Map<String, WorkspaceToken> verified = new ConcurrentHashMap<>();
    private volatile WorkspaceTokens.Verifier verifier;

    public WorkspaceAuthFilter(TokenConfig config, WorkspaceContext context) {
        this.config = config;
        this.context = context;
    }

    /** Fails start-up of a service that demands tokens but has no key to verify them. */
    void checkKey(@Observes StartupEvent event) {
        if (config.required()) {
            verifier();
        }
    }

    @ServerRequestFilter(preMatching = true, priority = Priorities.AUTHENTICATION)
    public void authenticate(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!config.required() || path.startsWith("/q/")) {
            return;
        }
        String header = request.getHeaderString("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new ProblemException(401, "Missing workspace token; call this service through the gateway");
        }
        WorkspaceToken token = verify(header.substring(7).trim());
        if (token == null) {
            throw new ProblemException(401, "Invalid or expired workspace token");
        }
        String scope = requiredScope(path);
        if (scope != null && !token.has(scope)) {
            throw new ProblemException(403, "This key may not " + (scope.equals(WorkspaceToken.MANAGE)
                    ? "manage the workspace; use a secret key" : "send data; use a write key"));
        }
        context.set(token);
    }

    static String requiredScope(String path) {
        if (path.startsWith("/api/")) {
            return WorkspaceToken.MANAGE;
        }
        if (path.startsWith("/v1/") || path.startsWith("/dmp/v1/")) {
            return WorkspaceToken.TRACK;
        }
        return null;
    }

    private WorkspaceToken verify(String jwt) {
        WorkspaceToken cached = verified.get(jwt);
        if (cached != null) {
            if (cached.expiresAt().isAfter(Instant.now())) {
                return cached;
            }
            verified.remove(jwt);
        }
        WorkspaceToken token = verifier().verify(jwt);
        if (token != null) {
            if (verified.size() >= CACHE_LIMIT) {
                verified.clear();
            }
            verified.put(jwt, token);
        }
        return token;
    }

    private WorkspaceTokens.Verifier verifier() {
        WorkspaceTokens.Verifier v = verifier;
        if (v == null) {
            String pem = config.publicKey().orElseThrow(() -> new IllegalStateException(
                    "cdp.token.public-key (CDP_TOKEN_PUBLIC_KEY) is not set"));
            v = WorkspaceTokens.verifier(TokenKeys.publicKey(pem));
            verifier = v;
        }
        return v;
    }
}
