package org.opencdp.common.auth;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.lang.JoseException;

/** Signs and verifies the short-lived RS256 tokens the gateway puts on forwarded requests. */
public final class WorkspaceTokens {
    public static final String ISSUER = "opencdp-gateway";
    public static final String AUDIENCE = "opencdp-services";
    private static final String WORKSPACE_CLAIM = "ws";
    private static final String SCOPE_CLAIM = "scope";

    private WorkspaceTokens() {}

    public static String sign(PrivateKey key, String workspaceId, String keyId, Set<String> scopes, Duration ttl) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setAudience(AUDIENCE);
        claims.setSubject(keyId);
        claims.setClaim(WORKSPACE_CLAIM, workspaceId);
        claims.setClaim(SCOPE_CLAIM, String.join(" ", scopes));
        claims.setIssuedAtToNow();
        claims.setExpirationTime(NumericDate.fromMilliseconds(System.currentTimeMillis() + ttl.toMillis()));
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("Cannot sign workspace token", e);
        }
    }

    /** A verifier for one public key; thread-safe. */
    public static Verifier verifier(PublicKey key) {
        return new Verifier(new JwtConsumerBuilder()
                .setRequireExpirationTime()
                .setAllowedClockSkewInSeconds(30)
                .setRequireSubject()
                .setExpectedIssuer(ISSUER)
                .setExpectedAudience(AUDIENCE)
                .setVerificationKey(key)
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                        AlgorithmIdentifiers.RSA_USING_SHA256)
                .build());
    }

    public static final class Verifier {
        private final JwtConsumer consumer;

        private Verifier(JwtConsumer consumer) {
            this.consumer = consumer;
        }

        /** The token's content, or {@code null} when the token is invalid or expired. */
        public WorkspaceToken verify(String jwt) {
            try {
                JwtClaims claims = consumer.processToClaims(jwt);
                String workspace = claims.getStringClaimValue(WORKSPACE_CLAIM);
                String scope = claims.getStringClaimValue(SCOPE_CLAIM);
                if (workspace == null || workspace.isBlank()) {
                    return null;
                }
                Set<String> scopes = scope == null ? Set.of() : new LinkedHashSet<>(List.of(scope.split(" ")));
                return new WorkspaceToken(workspace, claims.getSubject(), Set.copyOf(scopes),
                        Instant.ofEpochMilli(claims.getExpirationTime().getValueInMillis()));
            } catch (InvalidJwtException | MalformedClaimException e) {
                return null;
            }
        }
    }
}
