package org.tumorj.metrics;

import java.util.Arrays;
import java.util.Comparator;

/** Receiver operating characteristic: the area under it, ties counted half (Mann-Whitney U). */
public final class Roc {
    private Roc() {}

    /**
     * ROC AUC of {@code scores} for the labels {@code positive}; NaN when either class is absent,
     * because an AUC without both classes means nothing and must not look like 0.5.
     */
    public static double auc(double[] scores, boolean[] positive) {
        if (scores.length != positive.length) {
            throw new IllegalArgumentException(scores.length + " scores but " + positive.length + " labels");
        }
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
        double rankSumPositive = 0;
        long nPos = 0;
        for (int start = 0; start < order.length; ) {
            int end = start;
            while (end + 1 < order.length && scores[order[end + 1]] == scores[order[start]]) {
                end++;
            }
            double midRank = (start + end) / 2.0 + 1;
            for (int k = start; k <= end; k++) {
                if (positive[order[k]]) {
                    rankSumPositive += midRank;
                    nPos++;
                }
            }
            start = end + 1;
        }
        long nNeg = scores.length - nPos;
        if (nPos == 0 || nNeg == 0) {
            return Double.NaN;
        }
        return (rankSumPositive - nPos * (nPos + 1) / 2.0) / ((double) nPos * nNeg);
    }
}
