package org.tumorj.backbone;

import java.util.Arrays;

/**
 * The body of a series, told from the background air around it by Otsu's threshold on the
 * histogram of the whole series (256 bins between its lowest and highest value): the value that
 * best splits the voxels into two classes of least within-class variance. On MR the dark class is
 * the air outside the patient (and, as dark, the lungs and cortical bone); the bright class is
 * the body, whose statistics then do not depend on how much air the field of view holds.
 * Works on value samples, not images: no connectivity, so it is cheap and needs no geometry.
 */
public final class Foreground {
    private static final int BINS = 256;

    private Foreground() {}

    /** Otsu's threshold of the finite values; values above it are the body. NaN for no finite values. */
    public static double otsuThreshold(float[] values) {
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        for (float v : values) {
            if (Float.isFinite(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        if (!(max > min)) {
            return max == min ? min : Double.NaN;
        }
        long[] histogram = new long[BINS];
        double binWidth = (max - min) / BINS;
        for (float v : values) {
            if (Float.isFinite(v)) {
                histogram[Math.min(BINS - 1, (int) ((v - min) / binWidth))]++;
            }
        }
        return min + binWidth * (bestSplit(histogram) + 1);
    }

    /** The values above Otsu's threshold, in their order; all of them when nothing splits (a flat image). */
    public static float[] inside(float[] values) {
        double t = otsuThreshold(values);
        if (Double.isNaN(t)) {
            return new float[0];
        }
        float[] out = new float[values.length];
        int n = 0;
        for (float v : values) {
            if (Float.isFinite(v) && v >= t) {
                out[n++] = v;
            }
        }
        return n == 0 ? values.clone() : Arrays.copyOf(out, n);
    }

    /** Mean and (population) standard deviation of the finite values. */
    public static double[] meanAndSd(float[] values) {
        double sum = 0, sq = 0;
        int n = 0;
        for (float v : values) {
            if (Float.isFinite(v)) {
                sum += v;
                n++;
            }
        }
        double mean = n == 0 ? 0 : sum / n;
        for (float v : values) {
            if (Float.isFinite(v)) {
                sq += (v - mean) * (v - mean);
            }
        }
        return new double[] {mean, n == 0 ? 0 : Math.sqrt(sq / n)};
    }

    /** Index of the last bin of the dark class maximising the between-class variance. */
    private static int bestSplit(long[] histogram) {
        long total = 0;
        double sumAll = 0;
        for (int i = 0; i < histogram.length; i++) {
            total += histogram[i];
            sumAll += (double) i * histogram[i];
        }
        long dark = 0;
        double sumDark = 0, best = -1;
        int split = 0;
        for (int i = 0; i < histogram.length - 1; i++) {
            dark += histogram[i];
            sumDark += (double) i * histogram[i];
            long bright = total - dark;
            if (dark == 0 || bright == 0) {
                continue;
            }
            double diff = sumDark / dark - (sumAll - sumDark) / bright;
            double between = (double) dark * bright * diff * diff;
            if (between > best) {
                best = between;
                split = i;
            }
        }
        return split;
    }
}
