package org.opencdp.crm.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "InteractionInput", example = """
        {"type":"call","direction":"outbound","occurredAt":"2026-11-29T09:30:00Z","summary":"Discussed renewal terms",
         "durationSeconds":900,"outcome":"Send proposal by Friday"}""")
public record InteractionInput(
        @NotNull @Pattern(regexp = "call|email|meeting|note|sms|whatsapp",
                message = "must be one of call, email, meeting, note, sms, whatsapp")
        @Schema(enumeration = {"call", "email", "meeting", "note", "sms", "whatsapp"}) String type,
        @Pattern(regexp = "inbound|outbound", message = "must be inbound or outbound")
        @Schema(enumeration = {"inbound", "outbound"}) String direction,
        @Schema(description = "When it happened; now when absent") Instant occurredAt,
        @Size(max = 4000) String summary,
        @Min(0) @Max(86400) Integer durationSeconds,
        @Size(max = 200) String outcome,
        @Schema(description = "The deal it was about, if any") UUID dealId) {}
