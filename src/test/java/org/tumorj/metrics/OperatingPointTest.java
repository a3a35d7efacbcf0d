package org.tumorj.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class OperatingPointTest {
    private static final double[] SCORES = {0.9, 0.7, 0.5, 0.3, 0.1, 0.8, 0.4, 0.2, 0.05};
    private static final boolean[] POSITIVE = {true, true, true, true, true, false, false, false, false};

    @Test
    void countsCallScoresAtTheThresholdPositive() {
        BinaryCounts c = BinaryCounts.at(SCORES, POSITIVE, 0.5);
        // positives >= 0.5: 0.9 0.7 0.5; negatives >= 0.5: 0.8
        assertEquals(new BinaryCounts(0.5, 3, 1, 3, 2), c);
        assertEquals(0.6, c.sensitivity(), 1e-12);
        assertEquals(0.75, c.specificity(), 1e-12);
    }

    @Test
    void thresholdIsTheHighestReachingTheTargetSensitivity() {
        assertEquals(0.1, Thresholds.forSensitivity(SCORES, POSITIVE, 0.9), 0);   // needs 5 of 5
        assertEquals(0.3, Thresholds.forSensitivity(SCORES, POSITIVE, 0.8), 0);   // needs 4 of 5
        assertEquals(0.5, Thresholds.forSensitivity(SCORES, POSITIVE, 0.6), 0);   // needs 3 of 5
        assertEquals(0.5, Thresholds.forSensitivity(SCORES, POSITIVE, 0.55), 0);  // 2.75 -> 3
        double t = Thresholds.forSensitivity(SCORES, POSITIVE, 0.8);
        assertEquals(0.8, BinaryCounts.at(SCORES, POSITIVE, t).sensitivity(), 1e-12);
        assertEquals(0.5, BinaryCounts.at(SCORES, POSITIVE, t).specificity(), 1e-12);
    }

    @Test
    void noPositivesNoThreshold() {
        assertThrows(IllegalArgumentException.class,
                () -> Thresholds.forSensitivity(new double[] {0.2}, new boolean[] {false}, 0.9));
    }
}
