package org.tumorj.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class RocCurveTest {
    private static final double[] SCORES = {0.9, 0.8, 0.8, 0.3};
    private static final boolean[] POSITIVE = {true, false, true, false};

    @Test
    void pointsStepThroughDistinctScoresWithTiesAsOneDiagonalStep() {
        List<RocPoint> curve = Roc.curve(SCORES, POSITIVE);
        assertEquals(List.of(
                new RocPoint(Double.POSITIVE_INFINITY, 0, 0),
                new RocPoint(0.9, 0, 0.5),
                new RocPoint(0.8, 0.5, 1.0),
                new RocPoint(0.3, 1.0, 1.0)), curve);
    }

    @Test
    void trapezoidAreaUnderTheCurveEqualsAuc() {
        List<RocPoint> curve = Roc.curve(SCORES, POSITIVE);
        double area = 0;
        for (int i = 1; i < curve.size(); i++) {
            RocPoint a = curve.get(i - 1);
            RocPoint b = curve.get(i);
            area += (b.falsePositiveRate() - a.falsePositiveRate()) * (a.truePositiveRate() + b.truePositiveRate()) / 2;
        }
        // Hand count: 0.9>0.8, 0.9>0.3, 0.8=0.8 (half), 0.8>0.3 -> 3.5 of 4 pairs.
        assertEquals(0.875, area, 1e-12);
        assertEquals(0.875, Roc.auc(SCORES, POSITIVE), 1e-12);
    }

    @Test
    void curveNeedsBothClasses() {
        assertThrows(IllegalArgumentException.class, () -> Roc.curve(new double[] {1, 2}, new boolean[] {true, true}));
    }
}
