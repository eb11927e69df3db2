package org.opencdp.crm.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.opencdp.crm.Contact;
import org.opencdp.crm.LifecycleStage;

@Schema(name = "Contact", description = "A contact; its ETag is its version")
public record ContactView(
        UUID id,
        @Schema(example = "Ann") String firstName,
        @Schema(example = "Lee") String lastName,
        @Schema(example = "ann.lee@example.com") String primaryEmail,
        List<String> emails,
        @Schema(example = "+27821234567") String primaryPhone,
        List<String> phones,
        UUID companyId,
        AddressDto address,
        LocalDate birthday,
        @Schema(enumeration = {"lead", "prospect", "customer", "churned"}) LifecycleStage lifecycleStage,
        String owner,
        List<String> tags,
        Consents consents,
        Map<String, Object> customFields,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    public static ContactView of(Contact c) {
        return new ContactView(c.id, c.firstName, c.lastName, c.primaryEmail(), List.of(c.emails), c.primaryPhone(),
                List.of(c.phones), c.companyId, AddressDto.of(c.address), c.birthday, c.lifecycleStage, c.owner,
                List.of(c.tags), new Consents(c.emailMarketing, c.smsMarketing, c.whatsappMarketing),
                c.customFields, c.createdAt, c.updatedAt, c.version);
    }

    /** The writable fields, as a PATCH is applied to them. */
    public ContactInput toInput() {
        return new ContactInput(firstName, lastName, emails, phones, companyId, address, birthday, lifecycleStage,
                owner, tags, consents, customFields);
    }
}
