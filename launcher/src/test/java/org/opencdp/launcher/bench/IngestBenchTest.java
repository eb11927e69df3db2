package org.opencdp.launcher.bench;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class IngestBenchTest {
    @Test
    void quietOnceThreeSecondsInARowUseLittleCpu() {
        assertTrue(IngestBench.quiet(List.of(1.6, 0.9, 0.1, 0.05, 0.2)));
        assertTrue(IngestBench.quiet(List.of(0.0, 0.0, 0.0)));
    }

    @Test
    void notQuietWhileTheStoreStillWorksInBursts() {
        // a background save every few seconds: quiet seconds between busy ones
        assertFalse(IngestBench.quiet(List.of(0.1, 0.1, 0.9, 0.1, 0.1)));
        assertFalse(IngestBench.quiet(List.of(0.1, 0.1)), "not before three readings");
        assertFalse(IngestBench.quiet(List.of(0.1, 0.1, 0.1, 0.3)), "a busy second restarts the wait");
        assertFalse(IngestBench.quiet(List.of()));
    }
}
