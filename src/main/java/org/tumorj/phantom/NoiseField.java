package org.tumorj.phantom;

import java.util.random.RandomGenerator;

/**
 * Correlated Gaussian noise: white noise smoothed by three box passes per axis (close to a
 * Gaussian kernel), rescaled to unit standard deviation. Gives organs and lesions texture, and
 * gives scanner noise its grain.
 */
final class NoiseField {
    private NoiseField() {}

    /** A volume of {@code depth} slices, correlated over about {@code radiusXY} pixels and {@code radiusZ} slices. */
    static float[][] volume(int w, int h, int depth, int radiusXY, int radiusZ, RandomGenerator r) {
        float[][] v = new float[depth][w * h];
        for (float[] s : v) {
            for (int i = 0; i < s.length; i++) {
                s[i] = (float) r.nextGaussian();
            }
            for (int pass = 0; pass < 3; pass++) {
                boxRows(s, w, h, radiusXY);
                boxColumns(s, w, h, radiusXY);
            }
        }
        for (int pass = 0; pass < 3 && radiusZ > 0; pass++) {
            boxSlices(v, w * h, radiusZ);
        }
        normalise(v);
        return v;
    }

    /** Smooths one slice in place with a Gaussian of the given sigma (in pixels), by box passes. */
    static void blur(float[] s, int w, int h, double sigma) {
        int radius = (int) Math.round(Math.sqrt(sigma * sigma + 1.0 / 3) - 0.5); // 3 boxes of 2r+1 ~ sigma
        if (sigma <= 0.2) {
            return;
        }
        if (radius < 1) {
            gaussian3(s, w, h, sigma);
            return;
        }
        for (int pass = 0; pass < 3; pass++) {
            boxRows(s, w, h, radius);
            boxColumns(s, w, h, radius);
        }
    }

    /** A 3-tap Gaussian for sub-pixel sigmas, where box passes would be too coarse. */
    private static void gaussian3(float[] s, int w, int h, double sigma) {
        double side = Math.exp(-1 / (2 * sigma * sigma));
        float k1 = (float) (side / (1 + 2 * side)), k0 = 1 - 2 * k1;
        float[] t = new float[s.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                t[i] = k0 * s[i] + k1 * (s[y * w + Math.max(0, x - 1)] + s[y * w + Math.min(w - 1, x + 1)]);
            }
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                s[i] = k0 * t[i] + k1 * (t[Math.max(0, y - 1) * w + x] + t[Math.min(h - 1, y + 1) * w + x]);
            }
        }
    }

    private static void boxRows(float[] s, int w, int h, int r) {
        float[] line = new float[w];
        for (int y = 0; y < h; y++) {
            System.arraycopy(s, y * w, line, 0, w);
            box(line, r);
            System.arraycopy(line, 0, s, y * w, w);
        }
    }

    private static void boxColumns(float[] s, int w, int h, int r) {
        float[] line = new float[h];
        for (int x = 0; x < w; x++) {
            for (int y = 0; y < h; y++) {
                line[y] = s[y * w + x];
            }
            box(line, r);
            for (int y = 0; y < h; y++) {
                s[y * w + x] = line[y];
            }
        }
    }

    /** Moving average across slices, whole slices at a time (cache-friendly). */
    private static void boxSlices(float[][] v, int n, int r) {
        float[][] out = new float[v.length][n];
        for (int z = 0; z < v.length; z++) {
            for (int k = -r; k <= r; k++) {
                float[] src = v[Math.max(0, Math.min(v.length - 1, z + k))];
                float[] dst = out[z];
                for (int i = 0; i < n; i++) {
                    dst[i] += src[i];
                }
            }
            float norm = 1f / (2 * r + 1);
            for (int i = 0; i < n; i++) {
                out[z][i] *= norm;
            }
        }
        for (int z = 0; z < v.length; z++) {
            v[z] = out[z];
        }
    }

    /** Moving average of width 2r+1 with clamped edges. */
    private static void box(float[] line, int r) {
        int n = line.length;
        float[] out = new float[n];
        double sum = 0;
        for (int k = -r; k <= r; k++) {
            sum += line[Math.max(0, Math.min(n - 1, k))];
        }
        for (int i = 0; i < n; i++) {
            out[i] = (float) (sum / (2 * r + 1));
            sum += line[Math.min(n - 1, i + r + 1)] - line[Math.max(0, i - r)];
        }
        System.arraycopy(out, 0, line, 0, n);
    }

    private static void normalise(float[][] v) {
        double sum = 0, sq = 0;
        long n = 0;
        for (float[] s : v) {
            for (float f : s) {
                sum += f;
                sq += f * f;
                n++;
            }
        }
        double mean = sum / n, sd = Math.sqrt(Math.max(1e-12, sq / n - mean * mean));
        for (float[] s : v) {
            for (int i = 0; i < s.length; i++) {
                s[i] = (float) ((s[i] - mean) / sd);
            }
        }
    }
}
