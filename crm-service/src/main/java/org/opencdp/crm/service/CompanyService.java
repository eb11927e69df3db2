package org.opencdp.crm.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.opencdp.common.problem.ProblemException;
import org.opencdp.common.rest.Versions;
import org.opencdp.crm.Company;
import org.opencdp.crm.api.CompanyInput;
import org.opencdp.crm.repository.CompanyRepository;

/** Companies (accounts). Deleting one detaches its contacts and deals. */
@ApplicationScoped
public class CompanyService {
    private final CompanyRepository companies;

    public CompanyService(CompanyRepository companies) {
        this.companies = companies;
    }

    @Transactional
    public Company create(String workspaceId, CompanyInput in) {
        Company c = new Company();
        c.id = UUID.randomUUID();
        c.workspaceId = workspaceId;
        apply(c, in);
        c.createdAt = Now.instant();
        c.updatedAt = c.createdAt;
        companies.persist(c);
        return c;
    }

    @Transactional
    public Optional<Company> get(String workspaceId, UUID id) {
        return companies.findInWorkspace(workspaceId, id);
    }

    @Transactional
    public List<Company> list(String workspaceId, String namePrefix, int page, int size) {
        return companies.page(workspaceId, namePrefix, page, size);
    }

    @Transactional
    public Company replace(String workspaceId, UUID id, CompanyInput in, OptionalLong ifMatch) {
        Company c = load(workspaceId, id, ifMatch);
        apply(c, in);
        c.updatedAt = Now.instant();
        try {
            companies.flush();
        } catch (OptimisticLockException e) {
            throw Versions.staleWrite("company");
        }
        return c;
    }

    @Transactional
    public void delete(String workspaceId, UUID id, OptionalLong ifMatch) {
        Company c = load(workspaceId, id, ifMatch);
        var em = companies.getEntityManager();
        em.createNativeQuery("update contact set company_id = null where workspace_id = ?1 and company_id = ?2")
                .setParameter(1, workspaceId).setParameter(2, id).executeUpdate();
        em.createNativeQuery("update deal set company_id = null where workspace_id = ?1 and company_id = ?2")
                .setParameter(1, workspaceId).setParameter(2, id).executeUpdate();
        companies.delete(c);
    }

    private Company load(String workspaceId, UUID id, OptionalLong ifMatch) {
        Company c = companies.findInWorkspace(workspaceId, id)
                .orElseThrow(() -> ProblemException.notFound("Company " + id));
        if (ifMatch.isPresent() && ifMatch.getAsLong() != c.version) {
            throw Versions.staleWrite("company");
        }
        return c;
    }

    private static void apply(Company c, CompanyInput in) {
        c.name = in.name().strip();
        c.domain = in.domain() == null || in.domain().isBlank() ? null : in.domain().strip().toLowerCase(Locale.ROOT);
        c.industry = in.industry() == null || in.industry().isBlank() ? null : in.industry().strip();
    }
}
