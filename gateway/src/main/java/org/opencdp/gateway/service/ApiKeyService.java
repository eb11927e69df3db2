package org.opencdp.gateway.service;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opencdp.gateway.ApiKey;
import org.opencdp.gateway.KeyType;
import org.opencdp.gateway.repository.ApiKeyRepository;
import org.opencdp.gateway.repository.WorkspaceRepository;

/** Creation, listing and revocation of API keys, and the lookup that authenticates a key. */
@ApplicationScoped
public class ApiKeyService {
    private final ApiKeyRepository keys;
    private final WorkspaceRepository workspaces;
    private final KeyCache cache;
    private final TransactionSynchronizationRegistry transactions;

    public ApiKeyService(ApiKeyRepository keys, WorkspaceRepository workspaces, KeyCache cache,
            TransactionSynchronizationRegistry transactions) {
        this.keys = keys;
        this.workspaces = workspaces;
        this.cache = cache;
        this.transactions = transactions;
    }

    /** A new key of the workspace, with its clear value (shown once); empty when the workspace does not exist. */
    @Transactional
    public Optional<CreatedKey> create(UUID workspaceId, KeyType type, String name) {
        if (workspaces.findByIdOptional(workspaceId).isEmpty()) {
            return Optional.empty();
        }
        String clear = KeySecrets.generate(type);
        ApiKey key = new ApiKey(UUID.randomUUID(), workspaceId, type, name.strip(), KeySecrets.hash(clear),
                KeySecrets.last4(clear), Instant.now().truncatedTo(ChronoUnit.MICROS));
        keys.persist(key);
        Log.infof("Created %s key %s for workspace %s", type.wireName(), key.id, workspaceId);
        return Optional.of(new CreatedKey(key, clear));
    }

    /** The keys of the workspace (revoked ones included); empty when the workspace does not exist. */
    @Transactional
    public Optional<List<ApiKey>> list(UUID workspaceId) {
        if (workspaces.findByIdOptional(workspaceId).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(keys.listByWorkspace(workspaceId));
    }

    @Transactional
    public Optional<ApiKey> find(UUID workspaceId, UUID keyId) {
        return keys.findInWorkspace(workspaceId, keyId);
    }

    /** Revokes the key (idempotent) and forgets it on this replica at once; false when there is no such key. */
    @Transactional
    public boolean revoke(UUID workspaceId, UUID keyId) {
        Optional<ApiKey> found = keys.findInWorkspace(workspaceId, keyId);
        if (found.isEmpty()) {
            return false;
        }
        ApiKey key = found.get();
        if (key.revokedAt == null) {
            key.revokedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
            Log.infof("Revoked key %s of workspace %s", keyId, workspaceId);
        }
        evictAfterCommit(key.keyHash);
        return true;
    }

    /** The caller holding the key with this hash, unless unknown or revoked. Blocking: call on a worker thread. */
    @Transactional
    public Optional<Caller> authenticate(String keyHash) {
        return keys.findByHash(keyHash)
                .filter(key -> !key.revoked())
                .map(key -> Caller.key(key.id, key.workspaceId, key.type));
    }

    /** Evicts once the revocation is visible, so that a concurrent lookup cannot cache the key as still active. */
    private void evictAfterCommit(String keyHash) {
        cache.evict(keyHash);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    cache.evict(keyHash);
                }
            }
        });
    }

    public record CreatedKey(ApiKey key, String clearKey) {}
}
