package org.tumorj.features;

/**
 * The iris filter (Kobatake's adaptive convergence index), the classic enhancement filter of
 * chest-radiograph nodule CAD: how consistently the intensity gradients around a point point at
 * it. Along each of {@link #DIRECTIONS} rays from the point, the cosine between the gradient and
 * the direction back to the point is averaged from the point out to a radius chosen per ray
 * within a band (where the average is highest), and the rays' bests are averaged.
 *
 * <p>Why it helps where the Gaussian bank does not: it reads gradient <em>directions</em> (each
 * gradient divided by its magnitude plus the plane's mean magnitude, so noise in flat regions
 * counts little), so a faint round nodule behind a rib, whose edges point at its centre from all
 * sides, scores near the top of the range, while a rib, a rib crossing or the edge of the heart,
 * however strong, has gradients from two sides or one. Bright blobs score positive; each band's
 * adaptive radius follows a nodule that is not quite round.
 */
final class ConvergenceIndex {
    /** Rays per point: 16, every 22.5 degrees. */
    static final int DIRECTIONS = 16;

    private final double[] radii;

    /** @param radii outer radius of each band in pixels, ascending, each >= 2; a band starts at a quarter of it */
    ConvergenceIndex(double[] radii) {
        for (int i = 0; i < radii.length; i++) {
            if (!(radii[i] >= 2) || (i > 0 && radii[i] <= radii[i - 1])) {
                throw new IllegalArgumentException("convergence radii must be >= 2 pixels and ascending, got "
                        + java.util.Arrays.toString(radii));
            }
        }
        this.radii = radii.clone();
    }

    int channels() {
        return radii.length;
    }

    /** Names of the channels, as the bundle records them. */
    String name(int band) {
        return "convergence@" + radii[band];
    }

    /**
     * One channel per band for a row-major plane, from its gradients.
     *
     * @param smoothed the plane smoothed enough that single-pixel noise does not set the gradient
     */
    float[][] compute(float[] smoothed, int width, int height) {
        int n = width * height;
        int[] first = new int[radii.length], last = new int[radii.length];
        for (int b = 0; b < radii.length; b++) {
            last[b] = (int) Math.round(radii[b]);
            first[b] = Math.max(1, (int) Math.round(radii[b] / 4));
        }
        float[] ux = new float[n], uy = new float[n];
        unitGradients(smoothed, width, height, ux, uy);
        float[][] out = new float[radii.length][n];
        float[][] rayBest = new float[radii.length][n];
        float[] toward = new float[n], sum = new float[n];
        for (int d = 0; d < DIRECTIONS; d++) {
            double angle = 2 * Math.PI * d / DIRECTIONS;
            float cx = (float) Math.cos(angle), cy = (float) Math.sin(angle);
            for (int i = 0; i < n; i++) {
                toward[i] = -(ux[i] * cx + uy[i] * cy); // a ray point's gradient pointing back along the ray
            }
            java.util.Arrays.fill(sum, 0);
            for (float[] b : rayBest) {
                java.util.Arrays.fill(b, Float.NEGATIVE_INFINITY);
            }
            for (int r = 1; r <= last[radii.length - 1]; r++) {
                addShifted(toward, width, height, (int) Math.round(r * cx), (int) Math.round(r * cy), sum);
                for (int b = 0; b < radii.length; b++) {
                    if (r >= first[b] && r <= last[b]) {
                        float[] best = rayBest[b];
                        float inverse = 1f / r;
                        for (int i = 0; i < n; i++) {
                            best[i] = Math.max(best[i], sum[i] * inverse);
                        }
                    }
                }
            }
            for (int b = 0; b < radii.length; b++) {
                float[] o = out[b], best = rayBest[b];
                for (int i = 0; i < n; i++) {
                    o[i] += best[i] / DIRECTIONS;
                }
            }
        }
        return out;
    }

    /**
     * The gradient (central differences) divided by its magnitude plus the plane's mean magnitude:
     * unit length on strong edges, short where the plane is flat and only noise sets the direction.
     */
    private static void unitGradients(float[] plane, int w, int h, float[] ux, float[] uy) {
        double total = 0;
        for (int y = 0; y < h; y++) {
            int up = Math.max(0, y - 1) * w, row = y * w, down = Math.min(h - 1, y + 1) * w;
            for (int x = 0; x < w; x++) {
                float gx = (plane[row + Math.min(w - 1, x + 1)] - plane[row + Math.max(0, x - 1)]) * 0.5f;
                float gy = (plane[down + x] - plane[up + x]) * 0.5f;
                ux[row + x] = gx;
                uy[row + x] = gy;
                total += Math.sqrt(gx * gx + gy * gy);
            }
        }
        float floor = (float) (total / (w * h)) + Float.MIN_NORMAL;
        for (int i = 0; i < ux.length; i++) {
            float scale = 1f / ((float) Math.sqrt(ux[i] * ux[i] + uy[i] * uy[i]) + floor);
            ux[i] *= scale;
            uy[i] *= scale;
        }
    }

    /** {@code sum[p] += values[p + (dx, dy)]} for every point p whose shifted point lies inside the plane. */
    private static void addShifted(float[] values, int w, int h, int dx, int dy, float[] sum) {
        for (int y = Math.max(0, -dy); y < Math.min(h, h - dy); y++) {
            int row = y * w, from = (y + dy) * w + dx;
            for (int x = Math.max(0, -dx); x < Math.min(w, w - dx); x++) {
                sum[row + x] += values[from + x];
            }
        }
    }
}
