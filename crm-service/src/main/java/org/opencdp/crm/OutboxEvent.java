package org.opencdp.crm;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A contact change waiting to reach profile-service, written in the transaction of the change. Its id is the
 * Idempotency-Key of the delivery; {@link #sequence} (the contact's version) lets profile-service drop stale ones.
 */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent {
    public static final String UPSERT = "upsert";
    public static final String DELETE = "delete";
    public static final String PENDING = "pending";
    public static final String DELIVERED = "delivered";
    public static final String FAILED = "failed";

    @Id
    public UUID id;

    @Column(name = "workspace_id", nullable = false)
    public String workspaceId;

    @Column(name = "contact_id", nullable = false)
    public UUID contactId;

    @Column(nullable = false)
    public String operation;

    @Column(nullable = false)
    public long sequence;

    /** The JSON body of the PUT (null for a delete). */
    public String payload;

    @Column(nullable = false)
    public String status = PENDING;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "delivered_at")
    public Instant deliveredAt;
}
