package org.tumorj.metrics;

import java.util.Arrays;

/** Choosing the operating point of a detector. */
public final class Thresholds {
    private Thresholds() {}

    /**
     * The highest threshold whose sensitivity (scores {@code >= threshold} called positive) reaches
     * {@code target}: of all thresholds that find the required share of tumours, the one with the
     * fewest false alarms. The threshold is one of the observed scores.
     */
    public static double forSensitivity(double[] scores, boolean[] positive, double target) {
        Roc.checkSameLength(scores, positive);
        if (!(target > 0 && target <= 1)) {
            throw new IllegalArgumentException("target sensitivity must be in (0, 1], got " + target);
        }
        double[] positives = positiveScoresDescending(scores, positive);
        if (positives.length == 0) {
            throw new IllegalArgumentException("cannot pick a threshold for a sensitivity without positive samples");
        }
        // Sensitivity at threshold t counts positives >= t; the k-th highest positive score is the
        // highest threshold that includes k positives.
        int needed = (int) Math.ceil(target * positives.length - 1e-9);
        return positives[Math.max(needed, 1) - 1];
    }

    private static double[] positiveScoresDescending(double[] scores, boolean[] positive) {
        double[] p = new double[(int) Roc.count(positive, true)];
        int k = 0;
        for (int i = 0; i < scores.length; i++) {
            if (positive[i]) {
                p[k++] = scores[i];
            }
        }
        Arrays.sort(p);
        for (int i = 0, j = p.length - 1; i < j; i++, j--) {
            double t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
