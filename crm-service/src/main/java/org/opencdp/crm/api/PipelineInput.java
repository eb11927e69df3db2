package org.opencdp.crm.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PipelineInput", description = "A pipeline with its stages in order. On update, give a stage's id to"
        + " keep it (deals stay in it); stages left out are removed, which is refused while deals are in them.",
        example = """
        {"name":"Enterprise","stages":[{"name":"Discovery","probability":10},{"name":"Proposal","probability":40},
         {"name":"Negotiation","probability":70},{"name":"Verbal yes","probability":90}]}""")
public record PipelineInput(
        @NotBlank @Size(max = 120) @Schema(example = "Enterprise") String name,
        @NotEmpty @Size(max = 30) List<@Valid @NotNull Stage> stages,
        @Schema(description = "Make this the workspace's default pipeline") Boolean isDefault) {

    @Schema(name = "PipelineStageInput")
    public record Stage(
            @Schema(description = "Id of an existing stage to keep") UUID id,
            @NotBlank @Size(max = 120) @Schema(example = "Proposal") String name,
            @NotNull @Min(0) @Max(100) @Schema(description = "Win probability in percent", example = "40")
            Integer probability) {}
}
