package org.tumorj.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CalibrationTest {
    private static final double[] P = {0.05, 0.15, 0.15, 0.95, 1.0};
    private static final boolean[] Y = {false, true, false, true, true};

    @Test
    void reliabilityBinsCountMeanAndObservedRate() {
        List<ReliabilityBin> bins = Calibration.reliability(P, Y, 10);
        assertEquals(10, bins.size());
        assertEquals(new ReliabilityBin(0.0, 0.1, 1, 0.05, 0.0), bins.get(0));
        assertEquals(2, bins.get(1).count());
        assertEquals(0.15, bins.get(1).meanPredicted(), 1e-12);
        assertEquals(0.5, bins.get(1).fractionPositive(), 1e-12);
        assertEquals(0, bins.get(5).count());
        assertTrue(Double.isNaN(bins.get(5).meanPredicted()));
        // 1.0 belongs to the last bin, not to an eleventh one.
        assertEquals(2, bins.get(9).count());
        assertEquals(0.975, bins.get(9).meanPredicted(), 1e-12);
    }

    @Test
    void expectedCalibrationErrorByHand() {
        // (1*|0-0.05| + 2*|0.5-0.15| + 2*|1-0.975|) / 5 = (0.05 + 0.7 + 0.05) / 5
        assertEquals(0.16, Calibration.expectedCalibrationError(P, Y, 10), 1e-12);
    }

    @Test
    void temperatureByHand() {
        // z = {2, 2, -2, -2}, y = {1, 0, 0, 0}: d NLL/da = 8 sigmoid(2a) - 6 = 0 -> a = ln(3)/2, T = 2/ln 3.
        double[] z = {2, 2, -2, -2};
        boolean[] y = {true, false, false, false};
        double t = TemperatureScaling.fit(z, y);
        assertEquals(2 / Math.log(3), t, 1e-9);
        double best = TemperatureScaling.negativeLogLikelihood(z, y, t);
        assertTrue(best < TemperatureScaling.negativeLogLikelihood(z, y, t * 1.05));
        assertTrue(best < TemperatureScaling.negativeLogLikelihood(z, y, t / 1.05));
        assertEquals(0.75, TemperatureScaling.probability(2, t), 1e-9);
    }

    @Test
    void separableLogitsHitTheTemperatureFloor() {
        assertEquals(TemperatureScaling.MIN_TEMPERATURE,
                TemperatureScaling.fit(new double[] {1, -1}, new boolean[] {true, false}), 0);
    }

    @Test
    void overconfidentLogitsGetATemperatureAboveOneAndBetterEce() {
        // Logits 4 and -4 (p 0.982 / 0.018) but each side is only right 70% of the time.
        double[] z = new double[20];
        boolean[] y = new boolean[20];
        for (int i = 0; i < 20; i++) {
            z[i] = i < 10 ? 4 : -4;
            y[i] = i < 10 ? i < 7 : i < 13;
        }
        double t = TemperatureScaling.fit(z, y);
        // Optimum: sigmoid(4/T) = 0.7 -> T = 4 / ln(7/3).
        assertEquals(4 / Math.log(7.0 / 3), t, 1e-9);
        double before = Calibration.expectedCalibrationError(TemperatureScaling.probabilities(z, 1), y, 10);
        double after = Calibration.expectedCalibrationError(TemperatureScaling.probabilities(z, t), y, 10);
        // both bins: |0.7 - sigmoid(4)|
        assertEquals(1 / (1 + Math.exp(-4)) - 0.7, before, 1e-12);
        assertEquals(0.0, after, 1e-9);
    }
}
