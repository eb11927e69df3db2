package org.opencdp.dmp.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.opencdp.dmp.Audience;
import org.opencdp.dmp.config.DmpConfig;
import org.opencdp.dmp.repository.DefinitionRepository;

/**
 * A workspace's taxonomy, compiled rules and audiences, cached briefly (cdp.dmp.definitions-cache-ttl) because every
 * collect call needs them. A change on this replica invalidates at once; other replicas see it within the TTL.
 */
@ApplicationScoped
public class WorkspaceDefinitions {
    private static final int MAX_WORKSPACES = 10_000;
    private final DefinitionRepository repository;
    private final BuiltInTaxonomy builtIn;
    private final DmpConfig config;
    private final Map<String, Snapshot> cache = new ConcurrentHashMap<>();

    /** What one workspace has defined, as of {@link #loadedAt}. */
    public record Snapshot(Taxonomy taxonomy, Categoriser categoriser, List<Audience> audiences, Instant loadedAt) {}

    public WorkspaceDefinitions(DefinitionRepository repository, BuiltInTaxonomy builtIn, DmpConfig config) {
        this.repository = repository;
        this.builtIn = builtIn;
        this.config = config;
    }

    public Snapshot of(String workspaceId) {
        Snapshot s = cache.get(workspaceId);
        if (s != null && s.loadedAt().plus(config.definitionsCacheTtl()).isAfter(Instant.now())) {
            return s;
        }
        s = load(workspaceId);
        if (cache.size() >= MAX_WORKSPACES) {
            cache.clear();
        }
        cache.put(workspaceId, s);
        return s;
    }

    public void invalidate(String workspaceId) {
        cache.remove(workspaceId);
    }

    private Snapshot load(String workspaceId) {
        Taxonomy taxonomy = new Taxonomy(builtIn.categories(), repository.categories(workspaceId));
        List<Categoriser.Compiled> rules = repository.rules(workspaceId).stream().map(Categoriser.Compiled::of).toList();
        return new Snapshot(taxonomy, new Categoriser(taxonomy, rules), repository.audiences(workspaceId),
                Instant.now());
    }
}
