package org.opencdp.gateway.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.opencdp.gateway.ApiKey;

@Schema(name = "ApiKey", description = "An API key, masked; revokedAt is null while the key is active")
public record KeyResponse(
        @Schema(example = "6a1d9c2e-5b4f-4e3a-8c7d-1e2f3a4b5c6d") String id,
        @Schema(enumeration = {"write", "secret"}, example = "secret") String type,
        @Schema(example = "back office") String name,
        @Schema(example = "sk_\u2026a1b2") String maskedKey,
        Instant createdAt,
        @JsonInclude(JsonInclude.Include.ALWAYS) @Schema(nullable = true) Instant revokedAt) {

    public static KeyResponse of(ApiKey k) {
        return new KeyResponse(k.id.toString(), k.type.wireName(), k.name, k.maskedKey(), k.createdAt, k.revokedAt);
    }
}
