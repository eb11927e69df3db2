package org.opencdp.crm;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A reason a workspace offers for closing deals as won or lost. Retired reasons stay for reporting. */
@Entity
@Table(name = "deal_reason")
public class DealReason {
    @Id
    public UUID id;

    @Column(name = "workspace_id", nullable = false)
    public String workspaceId;

    @Convert(converter = DealOutcomeConverter.class)
    @Column(nullable = false)
    public DealOutcome outcome;

    @Column(nullable = false)
    public String label;

    @Column(nullable = false)
    public int position;

    @Column(nullable = false)
    public boolean active = true;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Version
    public long version;
}
