package org.opencdp.crm.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.opencdp.crm.Pipeline;

@Schema(name = "Pipeline")
public record PipelineView(UUID id, @Schema(example = "Sales") String name, boolean isDefault, List<StageView> stages,
                           Instant createdAt, long version) {

    @Schema(name = "PipelineStage")
    public record StageView(UUID id, @Schema(example = "Proposal") String name, int position,
                            @Schema(description = "Win probability in percent", example = "50") int probability) {}

    public static PipelineView of(Pipeline p) {
        return new PipelineView(p.id, p.name, p.isDefault, p.stages.stream()
                .map(s -> new StageView(s.id, s.name, s.position, s.probability)).toList(), p.createdAt, p.version);
    }
}
