package org.opencdp.crm.api;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Forecast", description = "Open pipeline (by expected close date) and closed deals (by close date) in"
        + " the period, per group and currency (amounts of different currencies are never added up), with the"
        + " win/loss reasons report. Amounts are exact decimals in strings.")
public record Forecast(LocalDate from, LocalDate to, @Schema(enumeration = {"month", "owner", "stage", "pipeline"})
                       String groupBy, List<Line> groups, List<Line> totals, List<ReasonLine> reasons) {

    @Schema(name = "ForecastLine")
    public record Line(
            @Schema(description = "2027-02 / the owner / a stage or pipeline id; 'none' when unset") String key,
            @Schema(example = "Proposal") String label,
            @Schema(example = "ZAR") String currency,
            long openCount,
            @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = SchemaType.STRING, example = "25000.00")
            BigDecimal openAmount,
            @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = SchemaType.STRING, example = "12500.00",
                    description = "Sum of amount x stage probability") BigDecimal weightedAmount,
            long wonCount,
            @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = SchemaType.STRING) BigDecimal wonAmount,
            long lostCount,
            @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = SchemaType.STRING) BigDecimal lostAmount,
            @Schema(description = "won / (won + lost) by count; null when nothing closed", example = "0.5")
            Double winRate) {}

    @Schema(name = "ForecastReasonLine")
    public record ReasonLine(@Schema(enumeration = {"won", "lost"}) String outcome, UUID reasonId,
                             @Schema(example = "Lost to a competitor") String reason, String currency, long count,
                             @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = SchemaType.STRING)
                             BigDecimal amount,
                             @Schema(description = "Share of the outcome's closed deals (all currencies)")
                             double share) {}
}
