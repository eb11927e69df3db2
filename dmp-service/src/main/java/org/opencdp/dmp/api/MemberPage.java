package org.opencdp.dmp.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DmpMemberPage", description = "Anonymous ids of an audience in id order; pass next as ?after= for more")
public record MemberPage(List<String> anonymousIds, @Schema(description = "Cursor of the next page; null at the end")
                         String next) {}
