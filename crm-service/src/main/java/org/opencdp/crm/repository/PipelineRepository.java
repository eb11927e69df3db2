package org.opencdp.crm.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opencdp.crm.Pipeline;

@ApplicationScoped
public class PipelineRepository implements PanacheRepositoryBase<Pipeline, UUID> {

    public List<Pipeline> listForWorkspace(String workspaceId) {
        return list("select distinct p from Pipeline p left join fetch p.stages where p.workspaceId = ?1"
                + " order by p.isDefault desc, p.name", workspaceId);
    }

    public Optional<Pipeline> findInWorkspace(String workspaceId, UUID id) {
        return find("workspaceId = ?1 and id = ?2", workspaceId, id).firstResultOptional();
    }

    public Optional<Pipeline> findDefault(String workspaceId) {
        return find("workspaceId = ?1 and isDefault = true", workspaceId).firstResultOptional();
    }

    public long countForWorkspace(String workspaceId) {
        return count("workspaceId", workspaceId);
    }
}
