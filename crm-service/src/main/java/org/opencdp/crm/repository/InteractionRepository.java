package org.opencdp.crm.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.opencdp.crm.Interaction;

@ApplicationScoped
public class InteractionRepository implements PanacheRepositoryBase<Interaction, UUID> {

    public List<Interaction> forContact(String workspaceId, UUID contactId, int limit) {
        return find("workspaceId = ?1 and contactId = ?2 order by occurredAt desc, id desc", workspaceId, contactId)
                .page(Page.ofSize(limit)).list();
    }

    public int moveContact(String workspaceId, UUID from, UUID to) {
        return update("contactId = ?1 where workspaceId = ?2 and contactId = ?3", to, workspaceId, from);
    }
}
