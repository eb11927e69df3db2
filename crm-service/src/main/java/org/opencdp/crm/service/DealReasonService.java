package org.opencdp.crm.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opencdp.common.problem.ProblemException;
import org.opencdp.crm.DealOutcome;
import org.opencdp.crm.DealReason;
import org.opencdp.crm.repository.DealReasonRepository;

/**
 * The workspace's list of won and lost reasons. A workspace starts with sensible defaults (written on first use);
 * reasons are retired rather than deleted so that closed deals keep reporting on them.
 */
@ApplicationScoped
public class DealReasonService {
    static final Map<DealOutcome, List<String>> DEFAULTS = Map.of(
            DealOutcome.WON, List.of("Best product fit", "Price", "Relationship", "Timing", "Other"),
            DealOutcome.LOST, List.of("Price too high", "Lost to a competitor", "No budget", "No decision",
                    "Missing feature", "Bad timing", "Other"));

    private final DealReasonRepository repository;
    private final EntityManager entityManager;

    public DealReasonService(DealReasonRepository repository, EntityManager entityManager) {
        this.repository = repository;
        this.entityManager = entityManager;
    }

    @Transactional
    public List<DealReason> list(String workspaceId, DealOutcome outcome, boolean includeRetired) {
        seedDefaults(workspaceId);
        return repository.listForWorkspace(workspaceId, includeRetired).stream()
                .filter(r -> outcome == null || r.outcome == outcome)
                .toList();
    }

    @Transactional
    public DealReason add(String workspaceId, DealOutcome outcome, String label) {
        seedDefaults(workspaceId);
        String clean = label.strip();
        DealReason existing = repository.findByLabel(workspaceId, outcome, clean).orElse(null);
        if (existing != null) {
            if (existing.active) {
                throw new ProblemException(409, "The " + outcome.wire() + " reason '" + clean + "' already exists");
            }
            existing.active = true;
            return existing;
        }
        DealReason reason = new DealReason();
        reason.id = UUID.randomUUID();
        reason.workspaceId = workspaceId;
        reason.outcome = outcome;
        reason.label = clean;
        reason.position = repository.nextPosition(workspaceId, outcome);
        reason.createdAt = Instant.now();
        repository.persist(reason);
        return reason;
    }

    @Transactional
    public void retire(String workspaceId, UUID id) {
        DealReason reason = repository.findInWorkspace(workspaceId, id)
                .orElseThrow(() -> ProblemException.notFound("Deal reason " + id));
        reason.active = false;
    }

    /** Writes the default reasons once per workspace; concurrent first calls are harmless (on conflict do nothing). */
    private void seedDefaults(String workspaceId) {
        if (repository.countForWorkspace(workspaceId) > 0) {
            return;
        }
        Instant now = Instant.now();
        DEFAULTS.forEach((outcome, labels) -> {
            for (int i = 0; i < labels.size(); i++) {
                entityManager.createNativeQuery("insert into deal_reason (id, workspace_id, outcome, label, position,"
                                + " active, created_at, version) values (?1, ?2, ?3, ?4, ?5, true, ?6, 0)"
                                + " on conflict do nothing")
                        .setParameter(1, UUID.randomUUID()).setParameter(2, workspaceId)
                        .setParameter(3, outcome.wire()).setParameter(4, labels.get(i)).setParameter(5, i)
                        .setParameter(6, now)
                        .executeUpdate();
            }
        });
    }
}
