package org.tumorj.metrics;

/**
 * The confusion counts when every score {@code >= threshold} is called positive.
 */
public record BinaryCounts(double threshold, long truePositives, long falsePositives,
                           long trueNegatives, long falseNegatives) {

    public static BinaryCounts at(double[] scores, boolean[] positive, double threshold) {
        Roc.checkSameLength(scores, positive);
        long tp = 0, fp = 0, tn = 0, fn = 0;
        for (int i = 0; i < scores.length; i++) {
            boolean called = scores[i] >= threshold;
            if (positive[i]) {
                if (called) tp++; else fn++;
            } else {
                if (called) fp++; else tn++;
            }
        }
        return new BinaryCounts(threshold, tp, fp, tn, fn);
    }

    /** True positive rate, TP / (TP + FN); NaN without positives. */
    public double sensitivity() {
        return ratio(truePositives, truePositives + falseNegatives);
    }

    /** True negative rate, TN / (TN + FP); NaN without negatives. */
    public double specificity() {
        return ratio(trueNegatives, trueNegatives + falsePositives);
    }

    private static double ratio(long num, long den) {
        return den == 0 ? Double.NaN : num / (double) den;
    }
}
