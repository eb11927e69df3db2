package org.opencdp.crm;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** An opportunity worked through a pipeline, closed as won or lost with a reason, possibly under contract. */
@Entity
@Table(name = "deal")
public class Deal {
    @Id
    public UUID id;

    @Column(name = "workspace_id", nullable = false)
    public String workspaceId;

    @Column(nullable = false)
    public String title;

    @Column(name = "pipeline_id", nullable = false)
    public UUID pipelineId;

    @Column(name = "stage_id", nullable = false)
    public UUID stageId;

    @Column(nullable = false)
    public DealStatus status = DealStatus.OPEN;

    @Column(nullable = false, precision = 19, scale = 4)
    public BigDecimal amount;

    @Column(nullable = false, length = 3)
    public String currency;

    @Column(name = "expected_close_date")
    public LocalDate expectedCloseDate;

    public String owner;

    @Column(name = "company_id")
    public UUID companyId;

    @Column(name = "contact_ids", nullable = false)
    public UUID[] contactIds = new UUID[0];

    @Column(name = "contract_status", nullable = false)
    public ContractStatus contractStatus = ContractStatus.NONE;

    @Column(name = "contract_start")
    public LocalDate contractStart;

    @Column(name = "contract_end")
    public LocalDate contractEnd;

    @Column(name = "close_reason_id")
    public UUID closeReasonId;

    @Column(name = "close_note")
    public String closeNote;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;
}
