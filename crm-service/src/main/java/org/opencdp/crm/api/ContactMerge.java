package org.opencdp.crm.api;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ContactMerge", description = "The duplicate to absorb into the contact of the path",
        example = "{\"contactId\":\"6f1c2c4e-8a52-4c55-9d0a-3b1f2a6c9e11\"}")
public record ContactMerge(@NotNull @Schema(description = "Id of the contact absorbed (and deleted)") UUID contactId) {}
