package org.opencdp.gateway.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.opencdp.gateway.Workspace;

@ApplicationScoped
public class WorkspaceRepository implements PanacheRepositoryBase<Workspace, UUID> {

    /** One page in a stable order: creation time, then id. */
    public List<Workspace> page(int page, int size) {
        return findAll(Sort.by("createdAt").and("id")).page(Page.of(page, size)).list();
    }
}
