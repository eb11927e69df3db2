package org.opencdp.crm;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A sales process: ordered stages, each with the probability that a deal in it is won. */
@Entity
@Table(name = "pipeline")
public class Pipeline {
    @Id
    public UUID id;

    @Column(name = "workspace_id", nullable = false)
    public String workspaceId;

    @Column(nullable = false)
    public String name;

    @Column(name = "is_default", nullable = false)
    public boolean isDefault;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @OneToMany(mappedBy = "pipeline", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    public List<PipelineStage> stages = new ArrayList<>();

    @Version
    public long version;

    public Optional<PipelineStage> stage(UUID stageId) {
        return stages.stream().filter(s -> s.id.equals(stageId)).findFirst();
    }
}
