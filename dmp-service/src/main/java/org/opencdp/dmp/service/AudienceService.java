package org.opencdp.dmp.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import com.mongodb.client.model.Filters;
import org.opencdp.common.problem.ProblemException;
import org.opencdp.dmp.Audience;
import org.opencdp.dmp.Visitor;
import org.opencdp.dmp.api.AudienceInput;
import org.opencdp.dmp.api.AudienceOverlap;
import org.opencdp.dmp.api.MemberPage;
import org.opencdp.dmp.repository.DefinitionRepository;
import org.opencdp.dmp.repository.VisitorRepository;

/**
 * Audiences: definition, current size, overlap and members. Membership is kept on each visitor as events arrive; a
 * new audience is evaluated once over the workspace's existing visitors (up to cdp.dmp backfill limit) when created.
 */
@ApplicationScoped
public class AudienceService {
    private static final int MAX_AUDIENCES = 200;
    private static final int BACKFILL_PAGE = 500;
    private static final int BACKFILL_LIMIT = 200_000;
    private final DefinitionRepository repository;
    private final WorkspaceDefinitions definitions;
    private final VisitorRepository visitors;
    private final VisitorUpdater updater;
    private final DmpClock clock;

    public AudienceService(DefinitionRepository repository, WorkspaceDefinitions definitions,
            VisitorRepository visitors, VisitorUpdater updater, DmpClock clock) {
        this.repository = repository;
        this.definitions = definitions;
        this.visitors = visitors;
        this.updater = updater;
        this.clock = clock;
    }

    public Audience create(String ws, AudienceInput in) {
        definitions.invalidate(ws);
        WorkspaceDefinitions.Snapshot defs = definitions.of(ws);
        for (int i = 0; i < in.categories().size(); i++) {
            if (!defs.taxonomy().contains(in.categories().get(i))) {
                throw ProblemException.badRequest("categories[" + i + "]", "no such category");
            }
        }
        if (defs.audiences().size() >= MAX_AUDIENCES) {
            throw new ProblemException(409, "A workspace has at most " + MAX_AUDIENCES + " audiences");
        }
        Duration window = window(in.window());
        Audience a = new Audience(UUID.randomUUID().toString(), ws, in.name().strip(), List.copyOf(in.categories()),
                in.minVisits() == null ? 1 : in.minVisits(), window, in.minScore() == null ? 0 : in.minScore(),
                clock.now());
        repository.saveAudience(a);
        definitions.invalidate(ws);
        backfill(ws, a);
        return a;
    }

    public List<Audience> list(String ws) {
        return repository.audiences(ws);
    }

    public Optional<Audience> get(String ws, String id) {
        return repository.audience(ws, id);
    }

    public boolean delete(String ws, String id) {
        boolean deleted = repository.deleteAudience(ws, id);
        definitions.invalidate(ws);
        return deleted;
    }

    public long size(String ws, String id) {
        return visitors.count(VisitorRepository.inAudience(ws, id, clock.now()));
    }

    public Optional<AudienceOverlap> overlap(String ws, String id, String otherId) {
        if (get(ws, id).isEmpty() || get(ws, otherId).isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.now();
        long a = visitors.count(VisitorRepository.inAudience(ws, id, now));
        long b = visitors.count(VisitorRepository.inAudience(ws, otherId, now));
        long both = visitors.count(Filters.and(VisitorRepository.inAudience(ws, id, now),
                VisitorRepository.inAudience(ws, otherId, now)));
        long union = a + b - both;
        return Optional.of(new AudienceOverlap(id, otherId, a, b, both,
                union == 0 ? 0 : Math.round(both * 1000.0 / union) / 1000.0));
    }

    public Optional<MemberPage> members(String ws, String id, String after, int limit) {
        if (get(ws, id).isEmpty()) {
            return Optional.empty();
        }
        List<String> ids = visitors.anonymousIds(ws, VisitorRepository.inAudience(ws, id, clock.now()), after,
                limit + 1);
        String next = ids.size() > limit ? ids.get(limit - 1) : null;
        return Optional.of(new MemberPage(ids.size() > limit ? ids.subList(0, limit) : ids, next));
    }

    /** Evaluates a new audience over the existing visitors of the workspace. */
    private void backfill(String ws, Audience audience) {
        Instant now = clock.now();
        String after = null;
        int seen = 0;
        while (seen < BACKFILL_LIMIT) {
            List<Visitor> page = visitors.page(ws, now, after, BACKFILL_PAGE);
            if (page.isEmpty()) {
                break;
            }
            List<Visitor> changed = new ArrayList<>();
            for (Visitor v : page) {
                Optional<Instant> until = updater.scores().until(v.categories(), audience, now);
                if (until.isPresent()) {
                    Map<String, Instant> aud = new HashMap<>(v.audiences());
                    aud.put(audience.id(), until.get().isAfter(v.expiresAt()) ? v.expiresAt() : until.get());
                    changed.add(new Visitor(v.workspaceId(), v.anonymousId(), v.firstSeen(), v.lastSeen(),
                            v.expiresAt(), v.device(), v.country(), v.region(), v.events(), v.categories(), aud,
                            v.version() + 1));
                }
            }
            visitors.writeAll(changed);   // a visitor changed meanwhile was re-evaluated by that change
            seen += page.size();
            after = page.get(page.size() - 1).anonymousId();
        }
    }

    private static Duration window(String text) {
        if (text == null) {
            return Duration.ofDays(30);
        }
        try {
            Duration d = Duration.parse(text);
            if (d.compareTo(Duration.ofMinutes(1)) < 0 || d.compareTo(Duration.ofDays(365)) > 0) {
                throw ProblemException.badRequest("window", "must be between PT1M and P365D");
            }
            return d;
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("window", "must be an ISO-8601 duration such as P14D");
        }
    }
}
