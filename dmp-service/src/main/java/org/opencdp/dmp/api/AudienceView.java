package org.opencdp.dmp.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.opencdp.dmp.Audience;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "DmpAudience", description = "An audience and its current size")
public record AudienceView(String id, @Schema(example = "Sports fans") String name,
                           @Schema(example = "[\"IAB-INT-SPORTS\"]") List<String> categories,
                           @Schema(example = "3") int minVisits, @Schema(example = "PT336H") String window,
                           @Schema(example = "0") double minScore, Instant createdAt,
                           @Schema(description = "Unexpired visitors in the audience now", example = "1520") Long size) {
    public static AudienceView of(Audience a, Long size) {
        return new AudienceView(a.id(), a.name(), a.categories(), a.minVisits(), a.window().toString(), a.minScore(),
                a.createdAt(), size);
    }
}
