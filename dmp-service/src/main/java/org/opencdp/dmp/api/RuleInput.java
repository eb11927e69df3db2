package org.opencdp.dmp.api;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DmpRuleInput", description = "Maps behaviour to a category. url: pattern is a regular expression "
        + "(RE2 syntax, linear time) found in the page URL; keyword: pattern is a word or phrase in the URL, title, "
        + "keywords or event name; property: the event property (dotted path) exists, or equals value; event: the "
        + "event name equals value.")
public record RuleInput(
        @NotBlank @Pattern(regexp = "url|keyword|property|event", message = "must be url, keyword, property or event")
        @Schema(example = "url", required = true) String type,
        @Size(max = 500) @Schema(example = "/sport/(running|marathon)") String pattern,
        @Size(max = 100) @Schema(example = "section") String property,
        @Size(max = 200) @Schema(example = "sport") String value,
        @NotBlank @Schema(example = "IAB-INT-HEALTH-RUNNING", required = true) String categoryId,
        @DecimalMin(value = "0.01") @DecimalMax(value = "10") @Schema(description = "Default 1", example = "1")
        Double weight) {}
