package org.tumorj.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FrocTest {

    /**
     * Two studies, three lesions: one hit at 0.9, one missed, one hit at 0.5; false positives at
     * 0.8 and 0.3 in study A and 0.95 in study B.
     */
    @Test
    void handMadeCurveAndStandardRates() {
        FrocCurve c = Froc.curve(new double[] {0.9, Double.NaN, 0.5}, new double[] {0.8, 0.3, 0.95}, 2);
        assertArrayEquals(new double[] {Double.POSITIVE_INFINITY, 0.95, 0.9, 0.8, 0.5, 0.3}, c.thresholds());
        assertArrayEquals(new double[] {0, 0, 1 / 3.0, 1 / 3.0, 2 / 3.0, 2 / 3.0}, c.sensitivity(), 1e-12);
        assertArrayEquals(new double[] {0, 0.5, 0.5, 1, 1, 1.5}, c.fpPerStudy(), 1e-12);
        assertArrayEquals(new double[] {0, 0, 1 / 3.0, 2 / 3.0, 2 / 3.0, 2 / 3.0, 2 / 3.0}, c.standardSensitivities(), 1e-12);
        assertEquals(3 / 7.0, c.averageSensitivity(), 1e-12);
    }

    @Test
    void tiedScoresEnterTogetherAndNoLesionsGiveUndefinedSensitivity() {
        FrocCurve c = Froc.curve(new double[] {0.7}, new double[] {0.7, 0.7}, 1);
        assertArrayEquals(new double[] {Double.POSITIVE_INFINITY, 0.7}, c.thresholds());
        assertArrayEquals(new double[] {0, 1}, c.sensitivity(), 0);
        assertArrayEquals(new double[] {0, 2}, c.fpPerStudy(), 0);
        assertEquals(0, c.sensitivityAt(1), 0);
        assertEquals(1, c.sensitivityAt(2), 0);
        assertTrue(Double.isNaN(Froc.curve(new double[0], new double[] {0.5}, 1).averageSensitivity()));
    }

    @Test
    void diceOfKnownMasks() {
        boolean[] a = {true, true, true, false, false};
        boolean[] b = {false, true, true, true, false};
        assertEquals(2.0 * 2 / 6, Dice.of(a, b), 1e-12);
        assertEquals(1, Dice.of(a, a), 0);
        assertEquals(0, Dice.of(a, new boolean[5]), 0);
        assertTrue(Double.isNaN(Dice.of(new boolean[5], new boolean[5])));
    }
}
