package org.opencdp.crm;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A CSAT (1-5) or NPS (0-10) answer of a contact. */
@Entity
@Table(name = "satisfaction_response")
public class SatisfactionResponse {
    @Id
    public UUID id;

    @Column(name = "workspace_id", nullable = false)
    public String workspaceId;

    @Column(name = "contact_id", nullable = false)
    public UUID contactId;

    @Column(nullable = false)
    public String kind;

    @Column(nullable = false)
    public int score;

    public String comment;

    @Column(name = "responded_at", nullable = false)
    public Instant respondedAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
