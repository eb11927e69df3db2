package org.opencdp.dmp.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.opencdp.dmp.CategoryRule;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "DmpRule", description = "A category rule")
public record RuleView(String id, @Schema(example = "url") String type, @Schema(example = "/sport/") String pattern,
                       String property, String value, @Schema(example = "IAB-INT-SPORTS") String categoryId,
                       @Schema(example = "1") double weight) {
    public static RuleView of(CategoryRule r) {
        return new RuleView(r.id(), r.type(), r.pattern(), r.property(), r.value(), r.categoryId(), r.weight());
    }
}
