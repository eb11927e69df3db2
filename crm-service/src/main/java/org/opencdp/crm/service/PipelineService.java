package org.opencdp.crm.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.opencdp.common.problem.ProblemException;
import org.opencdp.common.rest.Versions;
import org.opencdp.crm.Pipeline;
import org.opencdp.crm.PipelineStage;
import org.opencdp.crm.api.PipelineInput;
import org.opencdp.crm.api.PipelineView;
import org.opencdp.crm.repository.PipelineRepository;

/** Pipelines and their ordered stages. A new workspace gets the default "Sales" pipeline on first use. */
@ApplicationScoped
public class PipelineService {
    static final List<Map.Entry<String, Integer>> DEFAULT_STAGES = List.of(
            Map.entry("Qualification", 10), Map.entry("Needs analysis", 25), Map.entry("Proposal", 50),
            Map.entry("Negotiation", 75), Map.entry("Commitment", 90));

    private final PipelineRepository pipelines;
    private final EntityManager em;

    public PipelineService(PipelineRepository pipelines, EntityManager em) {
        this.pipelines = pipelines;
        this.em = em;
    }

    @Transactional
    public List<PipelineView> list(String workspaceId) {
        seedDefault(workspaceId);
        return pipelines.listForWorkspace(workspaceId).stream().map(PipelineView::of).toList();
    }

    @Transactional
    public Optional<PipelineView> get(String workspaceId, UUID id) {
        return pipelines.findInWorkspace(workspaceId, id).map(PipelineView::of);
    }

    /** The default pipeline, created on first use. */
    @Transactional
    public Pipeline defaultPipeline(String workspaceId) {
        seedDefault(workspaceId);
        return pipelines.findDefault(workspaceId).orElseThrow(() -> new ProblemException(409,
                "This workspace has no default pipeline; name one with pipelineId"));
    }

    @Transactional
    public PipelineView create(String workspaceId, PipelineInput in) {
        seedDefault(workspaceId);
        checkName(workspaceId, in.name(), null);
        Pipeline p = new Pipeline();
        p.id = UUID.randomUUID();
        p.workspaceId = workspaceId;
        p.name = in.name().strip();
        p.createdAt = Now.instant();
        for (PipelineInput.Stage s : in.stages()) {
            if (s.id() != null) {
                throw ProblemException.badRequest("stages", "a new pipeline's stages have no ids");
            }
        }
        setStages(p, in.stages(), Map.of());
        pipelines.persist(p);
        if (Boolean.TRUE.equals(in.isDefault())) {
            makeDefault(p);
        }
        return PipelineView.of(p);
    }

    @Transactional
    public PipelineView update(String workspaceId, UUID id, PipelineInput in, OptionalLong ifMatch) {
        Pipeline p = pipelines.findInWorkspace(workspaceId, id)
                .orElseThrow(() -> ProblemException.notFound("Pipeline " + id));
        if (ifMatch.isPresent() && ifMatch.getAsLong() != p.version) {
            throw Versions.staleWrite("pipeline");
        }
        checkName(workspaceId, in.name(), id);
        p.name = in.name().strip();
        Map<UUID, PipelineStage> existing = p.stages.stream()
                .collect(Collectors.toMap(s -> s.id, Function.identity()));
        Set<UUID> kept = new HashSet<>();
        for (int i = 0; i < in.stages().size(); i++) {
            UUID stageId = in.stages().get(i).id();
            if (stageId != null && (!existing.containsKey(stageId) || !kept.add(stageId))) {
                throw ProblemException.badRequest("stages[" + i + "].id", "not a stage of this pipeline");
            }
        }
        for (UUID removed : existing.keySet()) {
            if (!kept.contains(removed) && dealsIn("stage_id", removed) > 0) {
                throw new ProblemException(409, "Stage " + existing.get(removed).name
                        + " still has deals; move them before removing the stage");
            }
        }
        setStages(p, in.stages(), existing);
        if (Boolean.TRUE.equals(in.isDefault())) {
            makeDefault(p);
        }
        em.lock(p, jakarta.persistence.LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        em.flush();
        return PipelineView.of(p);
    }

    @Transactional
    public void delete(String workspaceId, UUID id) {
        Pipeline p = pipelines.findInWorkspace(workspaceId, id)
                .orElseThrow(() -> ProblemException.notFound("Pipeline " + id));
        if (p.isDefault) {
            throw new ProblemException(409, "The default pipeline cannot be deleted; make another one the default");
        }
        if (dealsIn("pipeline_id", id) > 0) {
            throw new ProblemException(409, "The pipeline still has deals");
        }
        pipelines.delete(p);
    }

    private void setStages(Pipeline p, List<PipelineInput.Stage> stages, Map<UUID, PipelineStage> existing) {
        List<PipelineStage> result = new ArrayList<>();
        for (int i = 0; i < stages.size(); i++) {
            PipelineInput.Stage in = stages.get(i);
            PipelineStage s = in.id() == null ? new PipelineStage() : existing.get(in.id());
            if (s.id == null) {
                s.id = UUID.randomUUID();
                s.workspaceId = p.workspaceId;
                s.pipeline = p;
            }
            s.name = in.name().strip();
            s.position = i;
            s.probability = in.probability();
            result.add(s);
        }
        p.stages.clear();
        p.stages.addAll(result);
    }

    private void makeDefault(Pipeline p) {
        em.createNativeQuery("update pipeline set is_default = false where workspace_id = ?1 and id <> ?2")
                .setParameter(1, p.workspaceId).setParameter(2, p.id).executeUpdate();
        em.flush();
        p.isDefault = true;
    }

    private long dealsIn(String column, UUID id) {
        return ((Number) em.createNativeQuery("select count(*) from deal where " + column + " = ?1")
                .setParameter(1, id).getSingleResult()).longValue();
    }

    private void checkName(String workspaceId, String name, UUID self) {
        boolean taken = pipelines.find("workspaceId = ?1 and lower(name) = lower(?2)", workspaceId, name.strip())
                .stream().anyMatch(p -> !p.id.equals(self));
        if (taken) {
            throw new ProblemException(409, "A pipeline named '" + name.strip() + "' exists");
        }
    }

    /** Writes the default pipeline once per workspace; a concurrent first call does nothing (unique index). */
    private void seedDefault(String workspaceId) {
        if (pipelines.countForWorkspace(workspaceId) > 0) {
            return;
        }
        UUID id = UUID.randomUUID();
        Instant now = Now.instant();
        int inserted = em.createNativeQuery("insert into pipeline (id, workspace_id, name, is_default, created_at,"
                        + " version) values (?1, ?2, 'Sales', true, ?3, 0) on conflict do nothing")
                .setParameter(1, id).setParameter(2, workspaceId).setParameter(3, now).executeUpdate();
        if (inserted == 0) {
            return;
        }
        for (int i = 0; i < DEFAULT_STAGES.size(); i++) {
            em.createNativeQuery("insert into pipeline_stage (id, workspace_id, pipeline_id, name, position,"
                            + " probability) values (?1, ?2, ?3, ?4, ?5, ?6)")
                    .setParameter(1, UUID.randomUUID()).setParameter(2, workspaceId).setParameter(3, id)
                    .setParameter(4, DEFAULT_STAGES.get(i).getKey()).setParameter(5, i)
                    .setParameter(6, DEFAULT_STAGES.get(i).getValue()).executeUpdate();
        }
    }
}
