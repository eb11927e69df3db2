package org.opencdp.gateway.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opencdp.gateway.ApiKey;

@ApplicationScoped
public class ApiKeyRepository implements PanacheRepositoryBase<ApiKey, UUID> {

    public Optional<ApiKey> findByHash(String keyHash) {
        return find("keyHash", keyHash).firstResultOptional();
    }

    public List<ApiKey> listByWorkspace(UUID workspaceId) {
        return list("workspaceId", Sort.by("createdAt").and("id"), workspaceId);
    }

    public Optional<ApiKey> findInWorkspace(UUID workspaceId, UUID keyId) {
        return find("id = ?1 and workspaceId = ?2", keyId, workspaceId).firstResultOptional();
    }
}
