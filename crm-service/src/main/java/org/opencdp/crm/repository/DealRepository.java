package org.opencdp.crm.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.opencdp.crm.Deal;
import org.opencdp.crm.DealStatus;

@ApplicationScoped
public class DealRepository implements PanacheRepositoryBase<Deal, UUID> {

    public Optional<Deal> findInWorkspace(String workspaceId, UUID id) {
        return find("workspaceId = ?1 and id = ?2", workspaceId, id).firstResultOptional();
    }

    /** Filters of the deal list; null means any. */
    public record Filter(UUID pipelineId, UUID stageId, DealStatus status, String owner, UUID companyId,
                         UUID contactId) {}

    @SuppressWarnings("unchecked")
    public List<Deal> page(String workspaceId, Filter f, int page, int size) {
        StringBuilder sql = new StringBuilder("select * from deal where workspace_id = :ws");
        Map<String, Object> params = new HashMap<>();
        params.put("ws", workspaceId);
        add(sql, params, "pipeline_id", "pipeline", f.pipelineId());
        add(sql, params, "stage_id", "stage", f.stageId());
        add(sql, params, "status", "status", f.status() == null ? null : f.status().wire());
        add(sql, params, "owner", "owner", f.owner());
        add(sql, params, "company_id", "company", f.companyId());
        if (f.contactId() != null) {
            sql.append(" and contact_ids @> array[cast(:contact as uuid)]");
            params.put("contact", f.contactId());
        }
        sql.append(" order by updated_at desc, id desc limit :limit offset :offset");
        params.put("limit", size);
        params.put("offset", page * size);
        Query q = getEntityManager().createNativeQuery(sql.toString(), Deal.class);
        params.forEach(q::setParameter);
        return q.getResultList();
    }

    /** Deals of a contact (for its timeline). */
    public List<Deal> forContact(String workspaceId, UUID contactId) {
        return page(workspaceId, new Filter(null, null, null, null, null, contactId), 0, 500);
    }

    private static void add(StringBuilder sql, Map<String, Object> params, String column, String name, Object value) {
        if (value != null) {
            sql.append(" and ").append(column).append(" = :").append(name);
            params.put(name, value);
        }
    }
}
