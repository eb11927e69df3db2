package org.opencdp.profile.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The current state of one record of a first-party source (a CRM contact), as its outbox delivers it. */
@Schema(name = "SourceRecordInput", description = "The whole current state of the record; it replaces what the same "
        + "record contributed before. A sequence not above the last applied one is ignored.")
public record SourceRecordInput(
        @NotNull @PositiveOrZero
        @Schema(description = "Increases with every change of the record (e.g. the contact's version)", example = "7")
        Long sequence,
        @Schema(description = "When the change happened (ISO-8601); default: now", example = "2026-11-29T05:00:00Z")
        Instant occurredAt,
        @NotNull @Size(min = 1, max = 50) @Valid
        @Schema(description = "Identifiers that link the record to a profile (shared values link deterministically)")
        List<SourceIdentifier> identifiers,
        @Size(max = 200) @Schema(description = "Traits of the person; the profile keeps them with their source",
                example = "{\"firstName\":\"Ann\",\"lastName\":\"Lee\",\"lifecycleStage\":\"customer\","
                        + "\"address\":{\"city\":\"Cape Town\",\"country\":\"ZA\"}}")
        Map<String, Object> traits,
        @Size(max = 50) @Schema(description = "Marketing consents, e.g. emailMarketing",
                example = "{\"emailMarketing\":true,\"smsMarketing\":false}")
        Map<String, Boolean> consents) {

    /** One identifier of a record. */
    @Schema(name = "SourceIdentifier")
    public record SourceIdentifier(
            @NotNull @Size(min = 1, max = 40)
            @Schema(description = "A type of the workspace's identity rules: crmContactId, email, phone, userId ...",
                    example = "email") String type,
            @NotNull @Size(min = 1, max = 320) @Schema(example = "ann@example.com") String value) {}
}
