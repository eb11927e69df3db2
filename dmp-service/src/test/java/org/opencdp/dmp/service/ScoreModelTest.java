package org.opencdp.dmp.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.opencdp.dmp.Audience;
import org.opencdp.dmp.Visitor.CategoryState;

class ScoreModelTest {
    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    private final ScoreModel model = new ScoreModel(Duration.ofDays(7), 50);

    @Test
    void scoreHalvesEveryHalfLife() {
        CategoryState s = model.hit(null, 1.0, T0, T0.minus(Duration.ofDays(30)));
        assertEquals(0.5, model.score(s, T0), 1e-9);
        assertEquals(0.5, model.decayed(1.0, T0, T0.plus(Duration.ofDays(7))), 1e-9);
        assertEquals(0.25, model.decayed(1.0, T0, T0.plus(Duration.ofDays(14))), 1e-9);
    }

    @Test
    void hitsAddUpWithDecayAndOutOfOrderHitsCountTheirAge() {
        CategoryState s = model.hit(null, 1.0, T0, T0.minus(Duration.ofDays(30)));
        s = model.hit(s, 1.0, T0.plus(Duration.ofDays(7)), T0.minus(Duration.ofDays(30)));
        assertEquals(1.5, s.raw(), 1e-9);
        CategoryState late = model.hit(s, 1.0, T0, T0.minus(Duration.ofDays(30)));
        assertEquals(2.0, late.raw(), 1e-9);
        assertEquals(List.of(T0.plus(Duration.ofDays(7)), T0, T0), late.hits());
    }

    @Test
    void hitsOlderThanTheRetentionAreDroppedAndAtMostFiftyKept() {
        CategoryState s = null;
        for (int i = 0; i < 60; i++) {
            s = model.hit(s, 1.0, T0.plus(Duration.ofHours(i)), T0);
        }
        assertEquals(50, s.hits().size());
        assertEquals(T0.plus(Duration.ofHours(59)), s.hits().get(0));
        CategoryState pruned = model.hit(s, 1.0, T0.plus(Duration.ofHours(60)), T0.plus(Duration.ofHours(55)));
        assertEquals(6, pruned.hits().size());
    }

    @Test
    void threeVisitsInFourteenDaysQualifyUntilTheThirdFallsOutOfTheWindow() {
        Audience fans = new Audience("a", "ws", "fans", List.of("sport"), 3, Duration.ofDays(14), 0, T0);
        CategoryState s = null;
        for (int day : new int[] {0, 5, 9}) {
            s = model.hit(s, 1.0, T0.plus(Duration.ofDays(day)), T0.minus(Duration.ofDays(30)));
        }
        Instant now = T0.plus(Duration.ofDays(9));
        Optional<Instant> until = model.until(Map.of("sport", s), fans, now);
        assertEquals(Optional.of(T0.plus(Duration.ofDays(14))), until);
        assertEquals(Optional.empty(), model.until(Map.of("sport", s), fans, T0.plus(Duration.ofDays(15))));
        Audience strict = new Audience("b", "ws", "fans", List.of("sport"), 4, Duration.ofDays(14), 0, T0);
        assertEquals(Optional.empty(), model.until(Map.of("sport", s), strict, now));
        assertEquals(Optional.empty(), model.until(Map.of("news", s), fans, now));
    }

    @Test
    void aMinimumScoreEndsMembershipWhenTheScoreDecaysBelowIt() {
        Audience keen = new Audience("a", "ws", "keen", List.of("sport"), 1, Duration.ofDays(30), 0.5, T0);
        CategoryState s = model.hit(null, 3.0, T0, T0.minus(Duration.ofDays(30)));   // raw 3 = score 0.75
        Instant until = model.until(Map.of("sport", s), keen, T0).orElseThrow();
        // raw falls to 1 (score 0.5) after log2(3) half-lives
        long expected = (long) (Duration.ofDays(7).toMillis() * (Math.log(3) / Math.log(2)));
        assertEquals(T0.plusMillis(expected).toEpochMilli(), until.toEpochMilli(), 1);
        assertEquals(Optional.empty(), model.until(Map.of("sport", s), keen, until.plusSeconds(60)));
    }

    @Test
    void membershipNeverOutlivesTheVisitor() {
        Audience any = new Audience("a", "ws", "any", List.of("sport"), 1, Duration.ofDays(30), 0, T0);
        CategoryState s = model.hit(null, 1.0, T0, T0.minus(Duration.ofDays(30)));
        Map<String, Instant> m = model.memberships(Map.of("sport", s), List.of(any), T0, T0.plus(Duration.ofMinutes(1)));
        assertEquals(Map.of("a", T0.plus(Duration.ofMinutes(1))), m);
    }

    @Property
    void scoresStayBetweenZeroAndOneAndNeverGrowWithoutHits(@ForAll @IntRange(min = 1, max = 40) int hits,
            @ForAll @IntRange(min = 0, max = 60) int laterDays) {
        CategoryState s = null;
        for (int i = 0; i < hits; i++) {
            s = model.hit(s, 1.0, T0.plus(Duration.ofHours(i * 7L)), T0.minus(Duration.ofDays(30)));
        }
        Instant last = s.at();
        double now = model.score(s, last);
        double later = model.score(s, last.plus(Duration.ofDays(laterDays)));
        assertTrue(now > 0 && now < 1 && later <= now && later >= 0, now + " " + later);
    }
}
