package org.opencdp.dmp.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.OptionalLong;
import org.opencdp.common.problem.ProblemException;
import org.opencdp.common.rest.Versions;
import org.opencdp.dmp.WorkspaceSettings;
import org.opencdp.dmp.api.SettingsUpdate;
import org.opencdp.dmp.config.DmpConfig;
import org.opencdp.dmp.repository.SettingsRepository;

/** Reads and changes a workspace's DMP settings; defaults apply until the workspace saves its own. */
@ApplicationScoped
public class SettingsService {
    private final SettingsRepository repository;
    private final DmpConfig config;
    private static final long CACHE_NANOS = 1_000_000_000L;
    private final java.util.Map<String, Cached> cache = new java.util.concurrent.ConcurrentHashMap<>();

    public SettingsService(SettingsRepository repository, DmpConfig config) {
        this.repository = repository;
        this.config = config;
    }

    /** Settings for the hot path (collection): cached for a second per replica; a change here is seen at once. */
    public WorkspaceSettings cached(String workspaceId) {
        long now = System.nanoTime();
        Cached c = cache.get(workspaceId);
        if (c != null && now - c.at() < CACHE_NANOS) {
            return c.settings();
        }
        WorkspaceSettings s = get(workspaceId);
        if (cache.size() > 10_000) {
            cache.clear();
        }
        cache.put(workspaceId, new Cached(s, now));
        return s;
    }

    private record Cached(WorkspaceSettings settings, long at) {}

    public WorkspaceSettings get(String workspaceId) {
        return repository.find(workspaceId, config.export().defaultMinSize())
                .orElseGet(() -> new WorkspaceSettings(workspaceId, config.defaultRetention(),
                        config.export().defaultMinSize(), 0L, null));
    }

    /** Changes the given settings; with {@code ifMatch} the write only happens on that version (else 412). */
    public WorkspaceSettings update(String workspaceId, SettingsUpdate update, OptionalLong ifMatch) {
        if (update.retention() == null && update.minExportSize() == null) {
            throw ProblemException.badRequest("retention", "give retention and/or minExportSize");
        }
        Duration retention = update.retention() == null ? null : parseRetention(update.retention());
        Integer minSize = update.minExportSize();
        if (minSize != null && minSize < config.export().lowestMinSize()) {
            throw ProblemException.badRequest("minExportSize",
                    "must be at least " + config.export().lowestMinSize() + " so that no export singles out a person");
        }
        WorkspaceSettings current = get(workspaceId);
        long expected = ifMatch.isPresent() ? ifMatch.getAsLong() : current.version();
        WorkspaceSettings saved = repository.save(workspaceId, retention == null ? current.retention() : retention,
                minSize == null ? current.minExportSize() : minSize, expected)
                .orElseThrow(() -> Versions.staleWrite("settings"));
        cache.remove(workspaceId);
        return saved;
    }

    private Duration parseRetention(String text) {
        Duration retention;
        try {
            retention = Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("retention", "must be an ISO-8601 duration such as P30D or PT1M");
        }
        if (retention.compareTo(config.minRetention()) < 0 || retention.compareTo(config.maxRetention()) > 0) {
            throw ProblemException.badRequest("retention",
                    "must be between " + config.minRetention() + " and " + config.maxRetention());
        }
        return retention;
    }
}
