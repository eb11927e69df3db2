package org.opencdp.dmp.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DmpCategoryInput", description = "A workspace's own category, under a built-in or own parent")
public record CategoryInput(
        @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}", message = "must be 1-64 letters, digits, - or _")
        @Schema(description = "Id (default: derived from the name); ids starting with IAB- are reserved",
                example = "trail-running") String id,
        @NotBlank @Size(max = 100) @Schema(example = "Trail running", required = true) String name,
        @Schema(description = "Parent category id", example = "IAB-INT-HEALTH-RUNNING") String parentId) {}
