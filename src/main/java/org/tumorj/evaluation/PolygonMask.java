package org.tumorj.evaluation;

/**
 * Rasterises a polygon the way ImageJ fills a polygon ROI: pixel (x, y) is inside when its centre
 * (x + 0.5, y + 0.5) is inside the polygon (even-odd rule), so a mask drawn in Fiji and a mask
 * computed here agree pixel for pixel.
 */
final class PolygonMask {
    private PolygonMask() {}

    /** Sets the pixels inside the polygon to true in a row-major {@code width x height} mask. */
    static void fill(float[] xs, float[] ys, boolean[] mask, int width, int height) {
        double[] crossings = new double[xs.length];
        for (int y = 0; y < height; y++) {
            double yc = y + 0.5;
            int n = 0;
            for (int i = 0, j = xs.length - 1; i < xs.length; j = i++) {
                if ((ys[i] > yc) != (ys[j] > yc)) {
                    crossings[n++] = xs[i] + (yc - ys[i]) * (xs[j] - xs[i]) / (ys[j] - ys[i]);
                }
            }
            java.util.Arrays.sort(crossings, 0, n);
            for (int k = 0; k + 1 < n; k += 2) {
                int from = Math.max(0, (int) Math.ceil(crossings[k] - 0.5));
                int to = Math.min(width, (int) Math.ceil(crossings[k + 1] - 0.5));
                for (int x = from; x < to; x++) {
                    mask[y * width + x] = true;
                }
            }
        }
    }
}
