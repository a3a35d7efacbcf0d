package org.tumorj.dicom;

import java.util.List;

/**
 * A default window when the header has none: the 1st to 99th percentile of the values, from a
 * histogram of a strided sample (linear time; sorting millions of values would dominate a read).
 */
public final class WindowEstimate {
    private static final int MAX_SAMPLES = 1 << 18;
    private static final int BINS = 4096;

    private WindowEstimate() {}

    public static Window fromValues(List<float[]> slices) {
        long total = 0;
        for (float[] s : slices) {
            total += s.length;
        }
        int step = (int) Math.max(1, total / MAX_SAMPLES);
        double min = Double.MAX_VALUE, max = -Double.MAX_VALUE;
        for (float[] s : slices) {
            for (int i = 0; i < s.length; i += step) {
                min = Math.min(min, s[i]);
                max = Math.max(max, s[i]);
            }
        }
        if (!(max > min)) {
            return new Window(total == 0 ? 0 : min, 1, "computed");
        }
        long[] histogram = new long[BINS];
        long n = 0;
        double scale = (BINS - 1) / (max - min);
        for (float[] s : slices) {
            for (int i = 0; i < s.length; i += step) {
                histogram[(int) ((s[i] - min) * scale)]++;
                n++;
            }
        }
        double lo = percentile(histogram, n, 0.01, min, max), hi = percentile(histogram, n, 0.99, min, max);
        if (hi <= lo) {
            lo = min;
            hi = max;
        }
        return new Window((lo + hi) / 2, Math.max(1, hi - lo), "computed");
    }

    private static double percentile(long[] histogram, long n, double q, double min, double max) {
        long target = (long) Math.ceil(q * n);
        long seen = 0;
        for (int b = 0; b < histogram.length; b++) {
            seen += histogram[b];
            if (seen >= target) {
                return min + (b + 0.5) * (max - min) / (BINS - 1);
            }
        }
        return max;
    }
}
