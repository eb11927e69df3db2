package org.opencdp.gateway.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opencdp.gateway.Workspace;
import org.opencdp.gateway.repository.WorkspaceRepository;

@ApplicationScoped
public class WorkspaceService {
    public static final int MAX_PAGE_SIZE = 200;
    private final WorkspaceRepository workspaces;

    public WorkspaceService(WorkspaceRepository workspaces) {
        this.workspaces = workspaces;
    }

    @Transactional
    public Workspace create(String name) {
        Workspace workspace = new Workspace(UUID.randomUUID(), name.strip(),
                Instant.now().truncatedTo(ChronoUnit.MICROS));
        workspaces.persist(workspace);
        return workspace;
    }

    @Transactional
    public Optional<Workspace> find(UUID id) {
        return workspaces.findByIdOptional(id);
    }

    /** One page of all workspaces; the size is capped at {@value #MAX_PAGE_SIZE}. */
    @Transactional
    public WorkspaceList list(int page, int size) {
        int capped = Math.min(size, MAX_PAGE_SIZE);
        return new WorkspaceList(workspaces.page(page, capped), page, capped, workspaces.count());
    }

    public record WorkspaceList(List<Workspace> items, int page, int size, long total) {}
}
