package org.opencdp.launcher.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class PercentilesTest {
    @Test
    void nearestRankOnOneToHundred() {
        long[] values = LongStream.rangeClosed(1, 100).toArray();
        assertEquals(1, Percentiles.nearestRank(values, 0));
        assertEquals(1, Percentiles.nearestRank(values, 1));
        assertEquals(50, Percentiles.nearestRank(values, 50));
        assertEquals(51, Percentiles.nearestRank(values, 50.5));
        assertEquals(99, Percentiles.nearestRank(values, 99));
        assertEquals(100, Percentiles.nearestRank(values, 99.1));
        assertEquals(100, Percentiles.nearestRank(values, 100));
    }

    @Test
    void nearestRankOnSmallSets() {
        assertEquals(7, Percentiles.nearestRank(new long[] {7}, 50));
        assertEquals(7, Percentiles.nearestRank(new long[] {7}, 99));
        long[] ten = {10, 20, 30, 40, 50, 60, 70, 80, 90, 1000};
        assertEquals(50, Percentiles.nearestRank(ten, 50));
        assertEquals(1000, Percentiles.nearestRank(ten, 99), "p99 of 10 values is the largest");
        assertEquals(90, Percentiles.nearestRank(ten, 90));
        assertThrows(IllegalArgumentException.class, () -> Percentiles.nearestRank(new long[0], 50));
        assertThrows(IllegalArgumentException.class, () -> Percentiles.nearestRank(ten, 101));
    }

    @Test
    void median() {
        assertEquals(3.0, Percentiles.median(5, 1, 3));
        assertEquals(2.5, Percentiles.median(4, 1, 3, 2));
        assertEquals(42.0, Percentiles.median(42));
        assertThrows(IllegalArgumentException.class, Percentiles::median);
    }
}
