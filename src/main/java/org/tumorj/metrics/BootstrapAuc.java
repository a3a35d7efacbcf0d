package org.tumorj.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Percentile bootstrap confidence interval for the ROC AUC, seeded.
 *
 * <p>With group ids (study ids) whole groups are resampled: patches of one study are correlated,
 * and resampling them one by one would pretend there is far more independent evidence than
 * there is, giving intervals that are too narrow.
 */
public final class BootstrapAuc {
    private BootstrapAuc() {}

    /**
     * @param groupIds one id per sample (e.g. the study), or {@code null} to resample samples
     * @param replicates number of bootstrap draws, e.g. 1000
     * @param level coverage in (0, 1), e.g. 0.95
     */
    public static ConfidenceInterval interval(double[] scores, boolean[] positive, String[] groupIds,
                                              int replicates, double level, long seed) {
        Roc.checkSameLength(scores, positive);
        if (groupIds != null && groupIds.length != scores.length) {
            throw new IllegalArgumentException(scores.length + " scores but " + groupIds.length + " group ids");
        }
        if (replicates < 1 || !(level > 0 && level < 1)) {
            throw new IllegalArgumentException("need replicates >= 1 and 0 < level < 1, got " + replicates + ", " + level);
        }
        List<int[]> groups = groups(scores.length, groupIds);
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[replicates];
        int defined = 0;
        for (int r = 0; r < replicates; r++) {
            double auc = resampledAuc(scores, positive, groups, random);
            if (!Double.isNaN(auc)) {
                values[defined++] = auc;
            }
        }
        double estimate = Roc.auc(scores, positive);
        if (defined == 0) {
            return new ConfidenceInterval(estimate, Double.NaN, Double.NaN, level, 0);
        }
        double[] sorted = Arrays.copyOf(values, defined);
        Arrays.sort(sorted);
        double alpha = (1 - level) / 2;
        return new ConfidenceInterval(estimate, quantile(sorted, alpha), quantile(sorted, 1 - alpha), level, defined);
    }

    /** Linear interpolation between order statistics (the common "type 7" definition). */
    static double quantile(double[] sorted, double p) {
        double pos = p * (sorted.length - 1);
        int below = (int) Math.floor(pos);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (pos - below) * (sorted[above] - sorted[below]);
    }

    private static double resampledAuc(double[] scores, boolean[] positive, List<int[]> groups, SplittableRandom random) {
        int total = 0;
        int[][] drawn = new int[groups.size()][];
        for (int g = 0; g < drawn.length; g++) {
            drawn[g] = groups.get(random.nextInt(groups.size()));
            total += drawn[g].length;
        }
        double[] s = new double[total];
        boolean[] y = new boolean[total];
        int k = 0;
        for (int[] members : drawn) {
            for (int i : members) {
                s[k] = scores[i];
                y[k++] = positive[i];
            }
        }
        return Roc.auc(s, y);
    }

    /** Sample indices per group, groups in order of first appearance so that a seed means the same draws. */
    private static List<int[]> groups(int n, String[] groupIds) {
        Map<String, List<Integer>> byId = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            String id = groupIds == null ? Integer.toString(i) : groupIds[i];
            byId.computeIfAbsent(id, key -> new ArrayList<>()).add(i);
        }
        List<int[]> groups = new ArrayList<>();
        for (List<Integer> members : byId.values()) {
            groups.add(members.stream().mapToInt(Integer::intValue).toArray());
        }
        return groups;
    }
}
