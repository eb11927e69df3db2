package org.opencdp.crm.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "TimelineEntry", description = "One thing that happened with a contact: an interaction (kind"
        + " interaction), something on one of its deals (kind deal: created, stage_changed, won, lost, reopened,"
        + " contract) or a satisfaction answer (kind satisfaction: csat, nps)")
public record TimelineEntry(
        Instant at,
        @Schema(enumeration = {"interaction", "deal", "satisfaction"}) String kind,
        @Schema(example = "stage_changed") String type,
        @Schema(example = "Qualification -> Proposal") String summary,
        UUID interactionId,
        UUID dealId,
        String dealTitle,
        String direction,
        Integer durationSeconds,
        String outcome,
        UUID fromStageId,
        UUID toStageId,
        Integer score) {}
