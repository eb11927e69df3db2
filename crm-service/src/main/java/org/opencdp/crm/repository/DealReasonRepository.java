package org.opencdp.crm.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opencdp.crm.DealOutcome;
import org.opencdp.crm.DealReason;

@ApplicationScoped
public class DealReasonRepository implements PanacheRepositoryBase<DealReason, UUID> {

    public List<DealReason> listForWorkspace(String workspaceId, boolean includeRetired) {
        String query = includeRetired ? "workspaceId = ?1" : "workspaceId = ?1 and active = true";
        return list(query, Sort.by("outcome").and("position").and("id"), workspaceId);
    }

    public long countForWorkspace(String workspaceId) {
        return count("workspaceId", workspaceId);
    }

    public Optional<DealReason> findInWorkspace(String workspaceId, UUID id) {
        return find("workspaceId = ?1 and id = ?2", workspaceId, id).firstResultOptional();
    }

    public Optional<DealReason> findByLabel(String workspaceId, DealOutcome outcome, String label) {
        return find("workspaceId = ?1 and outcome = ?2 and lower(label) = lower(?3)", workspaceId, outcome, label)
                .firstResultOptional();
    }

    public int nextPosition(String workspaceId, DealOutcome outcome) {
        Integer max = find("select max(position) from DealReason where workspaceId = ?1 and outcome = ?2",
                workspaceId, outcome).project(Integer.class).firstResult();
        return max == null ? 0 : max + 1;
    }
}
