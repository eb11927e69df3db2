package org.opencdp.crm.api;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.opencdp.crm.ContractStatus;
import org.opencdp.crm.Deal;
import org.opencdp.crm.DealReason;
import org.opencdp.crm.DealStatus;
import org.opencdp.crm.PipelineStage;

@Schema(name = "Deal", description = "A deal; amounts are exact decimals in strings; its ETag is its version")
public record DealView(
        UUID id,
        String title,
        UUID pipelineId,
        UUID stageId,
        @Schema(example = "Proposal") String stageName,
        @Schema(description = "Win probability of the stage, percent") int probability,
        @Schema(enumeration = {"open", "won", "lost"}) DealStatus status,
        @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = SchemaType.STRING, example = "12500.00")
        BigDecimal amount,
        @Schema(example = "ZAR") String currency,
        LocalDate expectedCloseDate,
        String owner,
        UUID companyId,
        List<UUID> contactIds,
        @Schema(enumeration = {"none", "draft", "sent", "signed", "active", "expired", "terminated"})
        ContractStatus contractStatus,
        LocalDate contractStart,
        LocalDate contractEnd,
        UUID closeReasonId,
        @Schema(example = "Lost to a competitor") String closeReason,
        String closeNote,
        Instant closedAt,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    public static DealView of(Deal d, PipelineStage stage, DealReason reason) {
        return new DealView(d.id, d.title, d.pipelineId, d.stageId, stage == null ? null : stage.name,
                stage == null ? 0 : stage.probability, d.status, money(d.amount, d.currency), d.currency,
                d.expectedCloseDate, d.owner, d.companyId, List.of(d.contactIds), d.contractStatus, d.contractStart,
                d.contractEnd, d.closeReasonId, reason == null ? null : reason.label, d.closeNote, d.closedAt,
                d.createdAt, d.updatedAt, d.version);
    }

    /** The amount with the currency's minor digits at least (12500 ZAR -> 12500.00), never rounded. */
    public static BigDecimal money(BigDecimal amount, String currency) {
        if (amount == null) {
            return null;
        }
        int digits = Math.max(Currency.getInstance(currency).getDefaultFractionDigits(), 0);
        BigDecimal stripped = amount.stripTrailingZeros();
        return stripped.scale() < digits ? stripped.setScale(digits) : stripped;
    }

    public DealInput toInput() {
        return new DealInput(title, pipelineId, stageId, amount, currency, expectedCloseDate, owner, companyId,
                contactIds, contractStatus, contractStart, contractEnd);
    }
}
