package org.opencdp.crm.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Consents", description = "Marketing consents; absent means not given")
public record Consents(
        @Schema(example = "true") Boolean emailMarketing,
        @Schema(example = "false") Boolean smsMarketing,
        @Schema(example = "false") Boolean whatsappMarketing) {}
