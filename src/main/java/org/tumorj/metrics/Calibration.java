package org.tumorj.metrics;

import java.util.ArrayList;
import java.util.List;

/** How well predicted probabilities match observed frequencies. */
public final class Calibration {
    private Calibration() {}

    /** Equal-width bins over [0, 1]: predicted vs observed positive rate per bin. */
    public static List<ReliabilityBin> reliability(double[] probabilities, boolean[] positive, int bins) {
        Roc.checkSameLength(probabilities, positive);
        if (bins < 1) {
            throw new IllegalArgumentException("need at least one bin, got " + bins);
        }
        long[] count = new long[bins];
        double[] sumPredicted = new double[bins];
        long[] positives = new long[bins];
        for (int i = 0; i < probabilities.length; i++) {
            int b = binOf(probabilities[i], bins);
            count[b]++;
            sumPredicted[b] += probabilities[i];
            if (positive[i]) {
                positives[b]++;
            }
        }
        List<ReliabilityBin> result = new ArrayList<>(bins);
        for (int b = 0; b < bins; b++) {
            double mean = count[b] == 0 ? Double.NaN : sumPredicted[b] / count[b];
            double observed = count[b] == 0 ? Double.NaN : positives[b] / (double) count[b];
            result.add(new ReliabilityBin(b / (double) bins, (b + 1) / (double) bins, count[b], mean, observed));
        }
        return result;
    }

    /**
     * Expected calibration error: the sample-weighted mean over bins of
     * |observed positive rate - mean predicted probability|.
     */
    public static double expectedCalibrationError(double[] probabilities, boolean[] positive, int bins) {
        double ece = 0;
        for (ReliabilityBin bin : reliability(probabilities, positive, bins)) {
            if (bin.count() > 0) {
                ece += bin.count() / (double) probabilities.length * Math.abs(bin.fractionPositive() - bin.meanPredicted());
            }
        }
        return ece;
    }

    private static int binOf(double p, int bins) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("probability outside [0, 1]: " + p);
        }
        return Math.min((int) (p * bins), bins - 1);
    }
}
