package org.tumorj.dataset;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The pixels a polygon covers: those whose centre (column + 0.5, row + 0.5 in ImageJ
 * coordinates) lies inside, by the even-odd rule, as ImageJ's own masks do.
 */
final class RegionPixels {
    private RegionPixels() {}

    /** Pixel indices {@code row * width + column}, in row order. */
    static int[] of(float[] xs, float[] ys, int width, int height) {
        float minY = Float.MAX_VALUE, maxY = -Float.MAX_VALUE;
        for (float y : ys) {
            minY = Math.min(minY, y);
            maxY = Math.max(maxY, y);
        }
        List<Integer> out = new ArrayList<>();
        int r0 = Math.max(0, (int) Math.floor(minY - 0.5)), r1 = Math.min(height - 1, (int) Math.ceil(maxY));
        double[] crossings = new double[xs.length];
        for (int row = r0; row <= r1; row++) {
            double y = row + 0.5;
            int n = 0;
            for (int i = 0, j = xs.length - 1; i < xs.length; j = i++) {
                if ((ys[i] > y) != (ys[j] > y)) {
                    crossings[n++] = xs[i] + (y - ys[i]) * (xs[j] - xs[i]) / (ys[j] - ys[i]);
                }
            }
            Arrays.sort(crossings, 0, n);
            for (int k = 0; k + 1 < n; k += 2) {
                int c0 = Math.max(0, (int) Math.ceil(crossings[k] - 0.5));
                int c1 = Math.min(width - 1, (int) Math.ceil(crossings[k + 1] - 0.5) - 1);
                for (int col = c0; col <= c1; col++) {
                    out.add(row * width + col);
                }
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }
}
