package org.opencdp.dmp.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "DmpVisitor", description = "What the DMP holds about an anonymous visitor, until it expires")
public record VisitorView(
        @Schema(example = "c0ffee-42") String anonymousId,
        @Schema(description = "Category scores (0-1, decaying with time), highest first") List<CategoryScore> categories,
        @Schema(description = "Audiences the visitor belongs to now") List<AudienceRef> audiences,
        Instant firstSeen,
        Instant lastSeen,
        @Schema(description = "When everything about this visitor is deleted unless it comes back") Instant expiresAt,
        @Schema(description = "desktop, mobile, tablet, tv, console, bot or unknown", example = "mobile") String device,
        @Schema(description = "ISO 3166-1 country from GeoIP, when configured", example = "GB") String country,
        @Schema(description = "ISO 3166-2 subdivision from GeoIP, when configured", example = "ENG") String region,
        @Schema(description = "Events collected", example = "7") long events,
        @Schema(description = "Partner ids synced with this visitor") List<PartnerId> partnerIds,
        @Schema(description = "Segments partners uploaded for this visitor") List<PartnerSegment> partnerSegments) {

    @Schema(name = "DmpCategoryScore")
    public record CategoryScore(@Schema(example = "IAB-INT-SPORTS") String id, @Schema(example = "Sports") String name,
                                @Schema(example = "0.82") double score,
                                @Schema(description = "Hits within the retention", example = "4") int visits) {}

    @Schema(name = "DmpAudienceRef")
    public record AudienceRef(String id, @Schema(example = "Sports fans") String name) {}

    @Schema(name = "DmpPartnerId")
    public record PartnerId(@Schema(example = "acme-dsp") String partner, @Schema(example = "u-981") String partnerUserId) {}

    @Schema(name = "DmpPartnerSegment")
    public record PartnerSegment(@Schema(example = "acme-dsp") String partner, @Schema(example = "auto-intender") String code,
                                 Instant expiresAt) {}
}
