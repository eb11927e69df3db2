package org.opencdp.dmp.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opencdp.dmp.Audience;
import org.opencdp.dmp.Visitor;
import org.opencdp.dmp.Visitor.CategoryState;

/**
 * Category scores with exponential recency decay and audience membership. A hit of weight w adds w to the raw score,
 * which halves every half-life. The score shown (and compared with an audience's minScore) is raw / (raw + 1): one
 * fresh hit is 0.5, four are 0.8, always below 1. Membership is computed when events arrive, together with the time
 * until which it holds without new events (the visits fall out of the window, or the score decays below minScore).
 */
public final class ScoreModel {
    private final double halfLifeMillis;
    private final int maxHits;

    public ScoreModel(Duration halfLife, int maxHits) {
        this.halfLifeMillis = halfLife.toMillis();
        this.maxHits = maxHits;
    }

    /** The raw score decayed from {@code at} to {@code now}. */
    public double decayed(double raw, Instant at, Instant now) {
        long ms = now.toEpochMilli() - at.toEpochMilli();
        return ms <= 0 ? raw : raw * Math.pow(2, -ms / halfLifeMillis);
    }

    /** The 0..1 score of a category at {@code now}. */
    public double score(CategoryState state, Instant now) {
        double raw = decayed(state.raw(), state.at(), now);
        return raw / (raw + 1);
    }

    /** The state after a hit of {@code weight} at {@code time}; hits older than {@code keepSince} are dropped. */
    public CategoryState hit(CategoryState state, double weight, Instant time, Instant keepSince) {
        if (state == null) {
            return new CategoryState(weight, time, List.of(time));
        }
        double raw;
        Instant at;
        if (time.isBefore(state.at())) {
            raw = state.raw() + decayed(weight, time, state.at());
            at = state.at();
        } else {
            raw = decayed(state.raw(), state.at(), time) + weight;
            at = time;
        }
        List<Instant> hits = new ArrayList<>(state.hits().size() + 1);
        boolean placed = false;
        for (Instant h : state.hits()) {
            if (!placed && time.isAfter(h)) {
                hits.add(time);
                placed = true;
            }
            hits.add(h);
        }
        if (!placed) {
            hits.add(time);
        }
        hits.removeIf(h -> h.isBefore(keepSince));
        return new CategoryState(raw, at, hits.size() > maxHits ? List.copyOf(hits.subList(0, maxHits)) : hits);
    }

    /** The audiences the visitor's categories qualify for at {@code now}, each with the time it holds until. */
    public Map<String, Instant> memberships(Map<String, CategoryState> categories, List<Audience> audiences,
            Instant now, Instant expiresAt) {
        Map<String, Instant> out = new HashMap<>();
        for (Audience audience : audiences) {
            until(categories, audience, now).ifPresent(u -> out.put(audience.id(), u.isAfter(expiresAt) ? expiresAt : u));
        }
        return out;
    }

    /** Until when the visitor belongs to the audience, judged at {@code now}; empty when it does not. */
    public Optional<Instant> until(Map<String, CategoryState> categories, Audience audience, Instant now) {
        Instant best = null;
        for (String id : audience.categories()) {
            CategoryState state = categories.get(id);
            if (state == null) {
                continue;
            }
            Instant u = until(state, audience, now);
            if (u != null && u.isAfter(now) && (best == null || u.isAfter(best))) {
                best = u;
            }
        }
        return Optional.ofNullable(best);
    }

    private Instant until(CategoryState state, Audience audience, Instant now) {
        List<Instant> hits = state.hits();
        if (hits.size() < audience.minVisits()) {
            return null;
        }
        Instant byVisits = hits.get(audience.minVisits() - 1).plus(audience.window());
        if (audience.minScore() <= 0) {
            return byVisits;
        }
        double threshold = audience.minScore() / (1 - audience.minScore());
        double raw = decayed(state.raw(), state.at(), now);
        if (raw < threshold) {
            return null;
        }
        long more = (long) (halfLifeMillis * (Math.log(raw / threshold) / Math.log(2)));
        Instant byScore = now.plusMillis(more);
        return byScore.isBefore(byVisits) ? byScore : byVisits;
    }

    /** The visitor's categories as shown: score at {@code now}, highest first. */
    public List<Map.Entry<String, Double>> ranked(Visitor visitor, Instant now) {
        List<Map.Entry<String, Double>> out = new ArrayList<>();
        visitor.categories().forEach((id, state) -> out.add(Map.entry(id, score(state, now))));
        out.sort(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        return out;
    }
}
