package org.opencdp.gateway;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * An API key of a workspace. Only the SHA-256 of the key is stored (keys are 192-bit random values, so a plain
 * hash cannot be reversed), plus its last 4 characters for display.
 */
@Entity
@Table(name = "api_keys")
public class ApiKey {
    @Id
    public UUID id;

    @Column(name = "workspace_id", nullable = false)
    public UUID workspaceId;

    @Convert(converter = KeyType.DatabaseColumn.class)
    @Column(nullable = false, length = 10)
    public KeyType type;

    @Column(nullable = false, length = 200)
    public String name;

    @Column(name = "key_hash", nullable = false, length = 64, columnDefinition = "char(64)")
    public String keyHash;

    @Column(nullable = false, length = 4)
    public String last4;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    public ApiKey() {}

    public ApiKey(UUID id, UUID workspaceId, KeyType type, String name, String keyHash, String last4, Instant createdAt) {
        this.id = id;
        this.workspaceId = workspaceId;
        this.type = type;
        this.name = name;
        this.keyHash = keyHash;
        this.last4 = last4;
        this.createdAt = createdAt;
    }

    public boolean revoked() {
        return revokedAt != null;
    }

    public String maskedKey() {
        return type.prefix() + "\u2026" + last4;
    }
}
