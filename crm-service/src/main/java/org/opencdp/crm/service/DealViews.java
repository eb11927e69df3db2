package org.opencdp.crm.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opencdp.crm.Deal;
import org.opencdp.crm.DealReason;
import org.opencdp.crm.PipelineStage;
import org.opencdp.crm.api.DealView;
import org.opencdp.crm.repository.DealReasonRepository;
import org.opencdp.crm.repository.PipelineRepository;

/** Deals on the wire, with their stage's name and probability and their close reason's label. */
@ApplicationScoped
public class DealViews {
    private final PipelineRepository pipelines;
    private final DealReasonRepository reasons;

    public DealViews(PipelineRepository pipelines, DealReasonRepository reasons) {
        this.pipelines = pipelines;
        this.reasons = reasons;
    }

    public DealView of(Deal d) {
        return of(List.of(d)).get(0);
    }

    public List<DealView> of(List<Deal> deals) {
        if (deals.isEmpty()) {
            return List.of();
        }
        String ws = deals.get(0).workspaceId;
        Map<UUID, PipelineStage> stages = new HashMap<>();
        pipelines.listForWorkspace(ws).forEach(p -> p.stages.forEach(s -> stages.put(s.id, s)));
        Map<UUID, DealReason> reasonById = new HashMap<>();
        if (deals.stream().anyMatch(d -> d.closeReasonId != null)) {
            reasons.listForWorkspace(ws, true).forEach(r -> reasonById.put(r.id, r));
        }
        return deals.stream().map(d -> DealView.of(d, stages.get(d.stageId),
                d.closeReasonId == null ? null : reasonById.get(d.closeReasonId))).toList();
    }
}
