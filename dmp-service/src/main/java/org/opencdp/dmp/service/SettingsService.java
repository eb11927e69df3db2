package org.opencdp.dmp.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.OptionalLong;
import org.opencdp.common.problem.ProblemException;
import org.opencdp.common.rest.Versions;
import org.opencdp.dmp.WorkspaceSettings;
import org.opencdp.dmp.config.DmpConfig;
import org.opencdp.dmp.repository.SettingsRepository;

/** Reads and changes a workspace's DMP settings; defaults apply until the workspace saves its own. */
@ApplicationScoped
public class SettingsService {
    private final SettingsRepository repository;
    private final DmpConfig config;

    public SettingsService(SettingsRepository repository, DmpConfig config) {
        this.repository = repository;
        this.config = config;
    }

    public WorkspaceSettings get(String workspaceId) {
        return repository.find(workspaceId)
                .orElseGet(() -> new WorkspaceSettings(workspaceId, config.defaultRetention(), 0L, null));
    }

    /** Changes the retention; with {@code ifMatch} the write only happens on that version (else 412). */
    public WorkspaceSettings updateRetention(String workspaceId, String retentionText, OptionalLong ifMatch) {
        Duration retention = parseRetention(retentionText);
        long expected = ifMatch.isPresent() ? ifMatch.getAsLong() : get(workspaceId).version();
        return repository.save(workspaceId, retention, expected).orElseThrow(() -> Versions.staleWrite("settings"));
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
