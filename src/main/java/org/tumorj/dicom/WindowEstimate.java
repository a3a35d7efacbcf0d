package org.tumorj.dicom;

import java.util.Arrays;
import java.util.List;

/** A default window when the header has none: the 1st to 99th percentile of the values. */
final class WindowEstimate {
    private static final int MAX_SAMPLES = 1 << 20;

    private WindowEstimate() {}

    static Window fromValues(List<float[]> slices) {
        long total = 0;
        for (float[] s : slices) {
            total += s.length;
        }
        if (total == 0) {
            return new Window(0, 1, "computed");
        }
        int step = (int) Math.max(1, total / MAX_SAMPLES);
        float[] sample = new float[(int) Math.min(total, (total + step - 1) / step)];
        int n = 0;
        long index = 0;
        for (float[] s : slices) {
            for (int i = (int) ((step - index % step) % step); i < s.length && n < sample.length; i += step) {
                sample[n++] = s[i];
            }
            index += s.length;
        }
        Arrays.sort(sample, 0, n);
        double lo = sample[(int) (0.01 * (n - 1))];
        double hi = sample[(int) (0.99 * (n - 1))];
        if (hi <= lo) {
            lo = sample[0];
            hi = sample[n - 1];
        }
        return new Window((lo + hi) / 2, Math.max(1, hi - lo), "computed");
    }
}
