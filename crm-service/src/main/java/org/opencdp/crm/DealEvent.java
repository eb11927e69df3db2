package org.opencdp.crm;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * Something that happened to a deal: {@code created}, {@code stage_changed} (the stage history: from, to, when),
 * {@code won}, {@code lost}, {@code contract}.
 */
@Entity
@Table(name = "deal_event")
public class DealEvent {
    @Id
    public UUID id;

    @Column(name = "workspace_id", nullable = false)
    public String workspaceId;

    @Column(name = "deal_id", nullable = false)
    public UUID dealId;

    @Column(nullable = false)
    public String type;

    @Column(name = "from_stage_id")
    public UUID fromStageId;

    @Column(name = "to_stage_id")
    public UUID toStageId;

    public String detail;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;
}
