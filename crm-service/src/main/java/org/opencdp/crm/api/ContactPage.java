package org.opencdp.crm.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ContactPage", description = "One page of contacts; pass nextCursor as cursor for the next page")
public record ContactPage(List<ContactView> items, @Schema(description = "null on the last page") String nextCursor) {}
