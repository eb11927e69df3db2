package org.opencdp.dmp.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.opencdp.dmp.Category;

@Schema(name = "DmpCategory", description = "A taxonomy category")
public record CategoryView(
        @Schema(example = "IAB-INT-SPORTS") String id,
        @Schema(example = "Sports") String name,
        @Schema(example = "IAB-INT") String parentId,
        @Schema(description = "Depth in the tree, 1 for the top", example = "2") int tier,
        @Schema(description = "Shipped with the platform (cannot be deleted)") boolean builtIn) {

    public static CategoryView of(Category c) {
        return new CategoryView(c.id(), c.name(), c.parentId(), c.tier(), c.builtIn());
    }
}
