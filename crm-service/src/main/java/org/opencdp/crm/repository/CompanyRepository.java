package org.opencdp.crm.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opencdp.crm.Company;

@ApplicationScoped
public class CompanyRepository implements PanacheRepositoryBase<Company, UUID> {

    public Optional<Company> findInWorkspace(String workspaceId, UUID id) {
        return find("workspaceId = ?1 and id = ?2", workspaceId, id).firstResultOptional();
    }

    public Optional<Company> findByName(String workspaceId, String name) {
        return find("workspaceId = ?1 and lower(name) = lower(?2)", workspaceId, name.strip()).firstResultOptional();
    }

    public List<Company> page(String workspaceId, String namePrefix, int page, int size) {
        Sort sort = Sort.by("name").and("id");
        var query = namePrefix == null
                ? find("workspaceId = ?1", sort, workspaceId)
                : find("workspaceId = ?1 and lower(name) like ?2", sort, workspaceId,
                        ContactRepository.likePrefix(namePrefix.toLowerCase(java.util.Locale.ROOT)));
        return query.page(Page.of(page, size)).list();
    }
}
