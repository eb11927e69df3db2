package org.opencdp.profile.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.opencdp.profile.IdentityRules;

@Schema(name = "IdentityRules", description = "How identifiers link and merge profiles in this workspace")
public record IdentityRulesView(
        String workspaceId,
        @Schema(description = "Identifier types, highest priority first") List<TypeRuleView> types,
        @Schema(description = "Values never used to identify anyone (compared trimmed and case-insensitively)")
        List<String> blockedValues,
        @Schema(description = "Version for If-Match; 0 while the defaults apply") long version,
        Instant updatedAt) {

    @Schema(name = "IdentityTypeRule")
    public record TypeRuleView(
            @Schema(example = "email") String type,
            @Schema(description = "Position in the priority order, 1 = highest", example = "3") int priority,
            @Schema(description = "Most values of this type on one profile; a message that would exceed it links"
                    + " nothing and is recorded as a refused merge", example = "5") int maxPerProfile,
            @Schema(description = "Built-in types cannot be removed") boolean builtIn) {}

    public static IdentityRulesView of(IdentityRules rules) {
        List<TypeRuleView> types = new ArrayList<>();
        for (int i = 0; i < rules.types().size(); i++) {
            IdentityRules.TypeRule t = rules.types().get(i);
            types.add(new TypeRuleView(t.type(), i + 1, t.maxPerProfile(), t.builtIn()));
        }
        return new IdentityRulesView(rules.workspaceId(), types, rules.blockedValues(), rules.version(),
                rules.updatedAt());
    }
}
