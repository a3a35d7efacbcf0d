package org.tumorj.pipeline;

/**
 * Downsampling by area averaging with a non-integer factor: output pixel {@code i} is the mean of
 * the input over {@code [i f, (i + 1) f)} (pixel-edge coordinates), input pixels cut by the
 * interval's ends weighted by the part inside; the last output pixel averages what is left of the
 * image. This is the box filter of the exact footprint, so it does not alias the fine detector
 * noise and grid lines of a radiograph into the working image, and it preserves the mean.
 */
final class AreaAverage {
    private AreaAverage() {}

    /** Output size along an axis of {@code size} input pixels: ceil(size / factor), at least 1. */
    static int outputSize(int size, double factor) {
        return Math.max(1, (int) Math.ceil(size / factor - 1e-9));
    }

    /** The {@code w x h} row-major image averaged down by {@code fx} along x and {@code fy} along y. */
    static float[] downsample(float[] in, int w, int h, double fx, double fy) {
        Footprints xs = Footprints.of(w, fx), ys = Footprints.of(h, fy);
        int ow = xs.size(), oh = ys.size();
        float[] rows = new float[h * ow]; // each input row averaged along x first
        for (int y = 0; y < h; y++) {
            for (int i = 0; i < ow; i++) {
                rows[y * ow + i] = (float) xs.average(in, y * w, 1, i);
            }
        }
        float[] out = new float[ow * oh];
        for (int j = 0; j < oh; j++) {
            for (int i = 0; i < ow; i++) {
                out[j * ow + i] = (float) ys.average(rows, i, ow, j);
            }
        }
        return out;
    }

    /** For each output pixel along one axis: its first input pixel and the input pixels' weights. */
    private record Footprints(int[] first, double[][] weights) {
        static Footprints of(int size, double factor) {
            int n = outputSize(size, factor);
            int[] first = new int[n];
            double[][] weights = new double[n][];
            for (int i = 0; i < n; i++) {
                double a = i * factor, b = Math.min(size, (i + 1) * factor);
                int p0 = (int) Math.floor(a), p1 = Math.min(size, (int) Math.ceil(b));
                double[] wt = new double[Math.max(1, p1 - p0)];
                for (int p = p0; p < p0 + wt.length; p++) {
                    wt[p - p0] = Math.max(0, Math.min(b, p + 1) - Math.max(a, p)) / (b - a);
                }
                first[i] = p0;
                weights[i] = wt;
            }
            return new Footprints(first, weights);
        }

        int size() { return first.length; }

        /** Weighted mean of output pixel {@code i} from {@code data[base + p * step]}. */
        double average(float[] data, int base, int step, int i) {
            double sum = 0;
            double[] wt = weights[i];
            for (int k = 0, p = first[i]; k < wt.length; k++, p++) {
                sum += wt[k] * data[base + p * step];
            }
            return sum;
        }
    }
}
