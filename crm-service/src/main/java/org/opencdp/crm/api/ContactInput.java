package org.opencdp.crm.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.opencdp.crm.LifecycleStage;

@Schema(name = "ContactInput", description = "A contact as written by create (POST) and full update (PUT); PATCH takes"
        + " any subset of these fields (JSON merge patch). The first e-mail and the first phone are the primary ones.",
        example = """
        {"firstName":"Ann","lastName":"Lee","emails":["Ann.Lee@Example.com"],"phones":["+27 82 123 4567"],
         "lifecycleStage":"prospect","owner":"sam","tags":["vip"],"birthday":"1990-05-01",
         "address":{"city":"Cape Town","country":"ZA"},
         "consents":{"emailMarketing":true,"smsMarketing":false,"whatsappMarketing":false},
         "customFields":{"shoeSize":38}}""")
public record ContactInput(
        @Size(max = 120) @Schema(example = "Ann") String firstName,
        @Size(max = 120) @Schema(example = "Lee") String lastName,
        @Size(max = 10) List<@NotBlank @Size(max = 320) String> emails,
        @Size(max = 10) List<@NotBlank @Size(max = 40) String> phones,
        UUID companyId,
        @Valid AddressDto address,
        @PastOrPresent LocalDate birthday,
        @Schema(enumeration = {"lead", "prospect", "customer", "churned"}, defaultValue = "lead")
        LifecycleStage lifecycleStage,
        @Size(max = 120) @Schema(example = "sam") String owner,
        @Size(max = 50) List<@NotBlank @Size(max = 60) String> tags,
        Consents consents,
        @Schema(description = "Any JSON object, kept as given") Map<String, Object> customFields) {}
