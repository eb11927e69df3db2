package org.opencdp.crm;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A conversation with a contact (and optionally about a deal): call, e-mail, meeting, note, SMS, WhatsApp. */
@Entity
@Table(name = "interaction")
public class Interaction {
    @Id
    public UUID id;

    @Column(name = "workspace_id", nullable = false)
    public String workspaceId;

    @Column(name = "contact_id", nullable = false)
    public UUID contactId;

    @Column(name = "deal_id")
    public UUID dealId;

    @Column(nullable = false)
    public String type;

    public String direction;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    public String summary;

    @Column(name = "duration_seconds")
    public Integer durationSeconds;

    public String outcome;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
