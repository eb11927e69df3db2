package org.opencdp.dmp.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DmpAudienceOverlap", description = "How many visitors two audiences share")
public record AudienceOverlap(String audienceId, String otherId, @Schema(example = "1520") long size,
                              @Schema(example = "800") long otherSize, @Schema(example = "310") long both,
                              @Schema(description = "both / (size + otherSize - both)", example = "0.154") double jaccard) {}
