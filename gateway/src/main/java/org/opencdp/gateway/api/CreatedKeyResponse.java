package org.opencdp.gateway.api;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.opencdp.gateway.service.ApiKeyService.CreatedKey;

@Schema(name = "CreatedApiKey", description = "A new API key; the clear key is returned here only, store it now")
public record CreatedKeyResponse(
        @Schema(example = "6a1d9c2e-5b4f-4e3a-8c7d-1e2f3a4b5c6d") String id,
        @Schema(enumeration = {"write", "secret"}, example = "write") String type,
        @Schema(example = "website") String name,
        @Schema(example = "wk_Q2hhbmdlTWVQbGVhc2VJdHNBbkV4YW1wbGU") String key,
        @Schema(example = "wk_\u2026ZTE0") String maskedKey,
        Instant createdAt) {

    public static CreatedKeyResponse of(CreatedKey created) {
        var k = created.key();
        return new CreatedKeyResponse(k.id.toString(), k.type.wireName(), k.name, created.clearKey(), k.maskedKey(),
                k.createdAt);
    }
}
