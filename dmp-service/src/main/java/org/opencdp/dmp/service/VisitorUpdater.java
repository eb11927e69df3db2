package org.opencdp.dmp.service;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opencdp.dmp.Audience;
import org.opencdp.dmp.Visitor;
import org.opencdp.dmp.Visitor.CategoryState;
import org.opencdp.dmp.config.DmpConfig;
import org.opencdp.dmp.repository.VisitorRepository;

/**
 * Applies a batch of categorised events to their visitors: one read by {@code _id} of those this replica does not
 * hold in memory, new states computed in memory (scores, hits, audience memberships, expiry), one bulk
 * compare-and-set write; visitors that a concurrent write changed in between are re-read and re-applied.
 */
@ApplicationScoped
public class VisitorUpdater {
    private static final int ATTEMPTS = 5;
    private final VisitorRepository visitors;
    private final ScoreModel scores;

    /** One event's contribution to its visitor. */
    public record Hit(String anonymousId, Instant time, Map<String, Double> categories, String device, String country,
                      String region) {}

    public VisitorUpdater(VisitorRepository visitors, DmpConfig config) {
        this.visitors = visitors;
        this.scores = new ScoreModel(config.scoreHalfLife(), config.maxHitsPerCategory());
    }

    public ScoreModel scores() {
        return scores;
    }

    public void apply(String ws, List<Hit> hits, List<Audience> audiences, Instant now, Duration retention) {
        Map<String, List<Hit>> byVisitor = new LinkedHashMap<>();
        hits.forEach(h -> byVisitor.computeIfAbsent(h.anonymousId(), k -> new ArrayList<>()).add(h));
        Set<String> pending = byVisitor.keySet();
        for (int attempt = 0; attempt < ATTEMPTS && !pending.isEmpty(); attempt++) {
            // the first attempt may take visitors this replica remembers; a retry reads what beat it
            Map<String, VisitorRepository.Stored> stored = visitors.findForUpdate(ws, pending, attempt == 0);
            List<Visitor> updated = new ArrayList<>(pending.size());
            for (String aid : pending) {
                VisitorRepository.Stored old = stored.get(aid);
                updated.add(next(ws, aid, old == null ? null : old.visitor(), byVisitor.get(aid), audiences, now,
                        retention));
            }
            pending = visitors.writeAll(updated, stored);
        }
        if (!pending.isEmpty()) {
            Log.warnf("%d visitors of workspace %s not updated after %d attempts", pending.size(), ws, ATTEMPTS);
        }
    }

    /**
     * A visitor expires a retention after its last hit, in steps of a hundredth of the retention: an expiry less than
     * a step ahead of the stored one is kept, so that most hits leave the expiry indexes untouched. A visitor may so
     * expire up to 1% of the retention early, never late.
     */
    static Instant expiry(Instant stored, Instant now, Duration retention) {
        Instant exact = now.plus(retention);
        if (stored != null && stored.isAfter(now) && !stored.isAfter(exact)
                && Duration.between(stored, exact).compareTo(retention.dividedBy(100)) < 0) {
            return stored;
        }
        return exact;
    }

    /** The visitor after these hits (a stored visitor that has expired starts afresh). */
    Visitor next(String ws, String aid, Visitor old, List<Hit> hits, List<Audience> audiences, Instant now,
            Duration retention) {
        boolean fresh = old == null || !old.expiresAt().isAfter(now);
        Instant keepSince = now.minus(retention);
        Map<String, CategoryState> cats = fresh ? new HashMap<>() : new HashMap<>(old.categories());
        Instant first = fresh ? null : old.firstSeen();
        Instant last = fresh ? null : old.lastSeen();
        Hit latest = null;
        for (Hit h : hits) {
            first = first == null || h.time().isBefore(first) ? h.time() : first;
            if (last == null || !h.time().isBefore(last)) {
                last = h.time();
                latest = h;
            }
            h.categories().forEach((id, w) -> cats.put(id, scores.hit(cats.get(id), w, h.time(), keepSince)));
        }
        cats.values().removeIf(s -> s.hits().isEmpty());
        Instant expiresAt = expiry(fresh ? null : old.expiresAt(), now, retention);
        String device = latest != null ? latest.device() : old.device();
        String country = latest != null ? latest.country() : old.country();
        String region = latest != null ? latest.region() : old.region();
        long events = (fresh ? 0 : old.events()) + hits.size();
        Map<String, Instant> memberships = scores.memberships(cats, audiences, now, expiresAt);
        return new Visitor(ws, aid, first, last, expiresAt, device, country, region, events, cats, memberships,
                old == null ? 1 : old.version() + 1);
    }
}
