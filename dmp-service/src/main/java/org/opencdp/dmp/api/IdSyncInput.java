package org.opencdp.dmp.api;

import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DmpIdSync", description = "Maps a partner's user id to our anonymous id")
public record IdSyncInput(
        @Schema(description = "Partner name: 1-64 lower-case letters, digits, '.', '_' or '-'", example = "acme-dsp",
                required = true) String partner,
        @Schema(description = "The partner's user id (1-256 characters)", example = "u-98121", required = true)
        String partnerUserId,
        @Schema(example = "c0ffee-42", required = true) String anonymousId,
        @Schema(description = "Nothing is stored without advertising consent", example = "{\"advertising\": true}")
        Map<String, Object> consent) {}
