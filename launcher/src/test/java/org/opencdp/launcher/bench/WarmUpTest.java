package org.opencdp.launcher.bench;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class WarmUpTest {
    @Test
    void settledOnceThreeSlicesBringNoNewLow() {
        assertTrue(WarmUp.settled(List.of(120.0, 80.0, 82.0, 79.0, 81.0)));
        assertTrue(WarmUp.settled(List.of(70.0, 70.0, 70.0, 70.0)));
    }

    @Test
    void notSettledWhileTheCostStillFallsAFewPercentASlice() {
        // a service still being compiled: each slice a little cheaper than the last, every three within 10%
        assertFalse(WarmUp.settled(List.of(169.0, 160.0, 154.0, 147.0, 140.0)));
        assertFalse(WarmUp.settled(List.of(100.0, 100.0, 100.0)), "not before more slices than the patience");
        assertFalse(WarmUp.settled(List.of(100.0, 101.0, 99.0, 90.0)), "a new low restarts the wait");
    }
}
