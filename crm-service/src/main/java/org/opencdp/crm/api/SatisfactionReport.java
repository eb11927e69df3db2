package org.opencdp.crm.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SatisfactionReport", description = "CSAT average and NPS per period, and over the whole range."
        + " NPS = % promoters (9-10) - % detractors (0-6), from -100 to 100.")
public record SatisfactionReport(@Schema(enumeration = {"day", "week", "month"}) String period, List<Period> periods,
                                 Period total) {

    @Schema(name = "SatisfactionPeriod")
    public record Period(@Schema(example = "2026-11", description = "null for the total") String period,
                         long csatCount, @Schema(example = "4.25") Double csatAverage, long npsCount, long promoters,
                         long passives, long detractors, @Schema(example = "40.0") Double nps) {}
}
