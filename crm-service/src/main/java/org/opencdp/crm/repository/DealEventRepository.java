package org.opencdp.crm.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.opencdp.crm.DealEvent;

@ApplicationScoped
public class DealEventRepository implements PanacheRepositoryBase<DealEvent, UUID> {

    public List<DealEvent> forDeal(String workspaceId, UUID dealId) {
        return list("workspaceId = ?1 and dealId = ?2 order by occurredAt, id", workspaceId, dealId);
    }

    public List<DealEvent> forDeals(String workspaceId, Collection<UUID> dealIds) {
        return dealIds.isEmpty() ? List.of()
                : list("workspaceId = ?1 and dealId in ?2 order by occurredAt, id", workspaceId, dealIds);
    }
}
