package org.tumorj.metrics;

import java.util.Arrays;

/** Builds {@link FrocCurve}s from lesion and false-positive scores pooled over studies. */
public final class Froc {
    private Froc() {}

    /**
     * @param lesionScores per lesion, the highest score of a finding hitting it, NaN when missed
     * @param fpScores scores of the findings that hit no lesion
     * @param studies studies the scores come from (> 0), the denominator of FP per study
     */
    public static FrocCurve curve(double[] lesionScores, double[] fpScores, int studies) {
        if (studies < 1) {
            throw new IllegalArgumentException("FROC needs at least one study, got " + studies);
        }
        double[] hits = Arrays.stream(lesionScores).filter(s -> !Double.isNaN(s)).sorted().toArray();
        double[] fps = fpScores.clone();
        Arrays.sort(fps);
        double[] thresholds = Arrays.stream(concat(hits, fps)).distinct().sorted().toArray();
        int n = thresholds.length + 1;
        double[] t = new double[n], sens = new double[n], fp = new double[n];
        t[0] = Double.POSITIVE_INFINITY;
        sens[0] = lesionScores.length == 0 ? Double.NaN : 0;
        for (int i = 1; i < n; i++) {
            t[i] = thresholds[thresholds.length - i];
            sens[i] = lesionScores.length == 0 ? Double.NaN : (double) atLeast(hits, t[i]) / lesionScores.length;
            fp[i] = (double) atLeast(fps, t[i]) / studies;
        }
        return new FrocCurve(t, sens, fp, lesionScores.length, studies);
    }

    /** How many of the sorted values are >= t. */
    private static int atLeast(double[] sorted, double t) {
        int i = Arrays.binarySearch(sorted, t);
        if (i < 0) {
            return sorted.length - (-i - 1);
        }
        while (i > 0 && sorted[i - 1] == t) {
            i--;
        }
        return sorted.length - i;
    }

    private static double[] concat(double[] a, double[] b) {
        double[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
