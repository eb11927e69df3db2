package org.opencdp.crm.api;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.opencdp.crm.ContractStatus;

@Schema(name = "DealInput", description = "A deal as created (POST) or patched (PATCH: any subset, JSON merge patch)."
        + " Without pipelineId the default pipeline is used; without stageId its first stage.", example = """
        {"title":"Acme renewal 2027","amount":"12500.00","currency":"ZAR","expectedCloseDate":"2027-02-28",
         "owner":"sam","contactIds":["1b4e28ba-2fa1-11d2-883f-0016d3cca427"]}""")
public record DealInput(
        @NotBlank @Size(max = 200) @Schema(example = "Acme renewal 2027") String title,
        UUID pipelineId,
        UUID stageId,
        @NotNull @DecimalMin("0") @Digits(integer = 15, fraction = 4)
        @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
                description = "Exact decimal, as a string or a JSON number", example = "12500.00") BigDecimal amount,
        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR")
        @Schema(example = "ZAR") String currency,
        LocalDate expectedCloseDate,
        @Size(max = 120) @Schema(example = "sam") String owner,
        UUID companyId,
        @Size(max = 50) List<@NotNull UUID> contactIds,
        @Schema(enumeration = {"none", "draft", "sent", "signed", "active", "expired", "terminated"})
        ContractStatus contractStatus,
        LocalDate contractStart,
        LocalDate contractEnd) {}
