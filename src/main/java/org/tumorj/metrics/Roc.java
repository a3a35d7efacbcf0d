package org.tumorj.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** Receiver operating characteristic: the curve, and the area under it, ties counted half (Mann-Whitney U). */
public final class Roc {
    private Roc() {}

    /**
     * ROC AUC of {@code scores} for the labels {@code positive}; NaN when either class is absent,
     * because an AUC without both classes means nothing and must not look like 0.5.
     */
    public static double auc(double[] scores, boolean[] positive) {
        checkSameLength(scores, positive);
        Integer[] order = ascending(scores);
        double rankSumPositive = 0;
        long nPos = 0;
        for (int start = 0; start < order.length; ) {
            int end = endOfTie(scores, order, start);
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

    /**
     * The ROC curve, one point per distinct score from the highest down, starting at (0, 0) with
     * threshold +Infinity and ending at (1, 1). Tied scores move both rates at once (a diagonal step),
     * which is what makes the trapezoid area under these points equal {@link #auc}.
     */
    public static List<RocPoint> curve(double[] scores, boolean[] positive) {
        checkSameLength(scores, positive);
        long nPos = count(positive, true);
        long nNeg = positive.length - nPos;
        if (nPos == 0 || nNeg == 0) {
            throw new IllegalArgumentException("an ROC curve needs both classes; got " + nPos
                    + " positive and " + nNeg + " negative samples");
        }
        Integer[] order = ascending(scores);
        List<RocPoint> points = new ArrayList<>();
        points.add(new RocPoint(Double.POSITIVE_INFINITY, 0, 0));
        long tp = 0;
        long fp = 0;
        for (int end = order.length - 1; end >= 0; ) {
            int start = startOfTie(scores, order, end);
            for (int k = start; k <= end; k++) {
                if (positive[order[k]]) {
                    tp++;
                } else {
                    fp++;
                }
            }
            points.add(new RocPoint(scores[order[end]], fp / (double) nNeg, tp / (double) nPos));
            end = start - 1;
        }
        return points;
    }

    static void checkSameLength(double[] scores, boolean[] positive) {
        if (scores.length != positive.length) {
            throw new IllegalArgumentException(scores.length + " scores but " + positive.length + " labels");
        }
    }

    static long count(boolean[] labels, boolean value) {
        long n = 0;
        for (boolean b : labels) {
            if (b == value) {
                n++;
            }
        }
        return n;
    }

    private static Integer[] ascending(double[] scores) {
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
        return order;
    }

    private static int endOfTie(double[] scores, Integer[] order, int start) {
        int end = start;
        while (end + 1 < order.length && scores[order[end + 1]] == scores[order[start]]) {
            end++;
        }
        return end;
    }

    private static int startOfTie(double[] scores, Integer[] order, int end) {
        int start = end;
        while (start - 1 >= 0 && scores[order[start - 1]] == scores[order[end]]) {
            start--;
        }
        return start;
    }
}
