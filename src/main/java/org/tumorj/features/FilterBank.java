package org.tumorj.features;

/**
 * Classic per-pixel features of one 2D plane in a Gaussian scale space, the kind Trainable Weka
 * Segmentation users know: at each scale sigma the smoothed intensity, gradient magnitude,
 * Laplacian of Gaussian, both Hessian eigenvalues and the local standard deviation; then the
 * differences of Gaussians between consecutive scales; and the plane itself first.
 *
 * <p>Derivatives are scale-normalised (times sigma per order) so that a blob gives a comparable
 * response at the scale that matches its size: a 4 px nodule peaks at sigma about 1.4-2, an 8 cm
 * tumour at the largest scales. Smoothing is BoofCV's separable Gaussian (radius 3 sigma, computed
 * by {@link GaussianBlur}); the derivatives are central differences of the smoothed plane.
 * Optionally last, the {@link ConvergenceIndex} of the plane at its first scale, one channel per
 * radius band.
 */
public final class FilterBank {
    /** Channels per scale: smoothed, gradient magnitude, LoG, Hessian eigenvalue 1 and 2, local SD. */
    public static final int PER_SCALE = 6;
    /** Offsets of the per-scale channels. */
    public static final int SMOOTHED = 0;
    public static final int LOG = 2;

    private final double[] sigmas;
    private final ConvergenceIndex convergence;

    /** @param sigmas ascending scales in pixels, each > 0 */
    public FilterBank(double[] sigmas) {
        this(sigmas, new double[0]);
    }

    /**
     * @param sigmas ascending scales in pixels, each > 0
     * @param convergenceRadii outer radii of the {@link ConvergenceIndex} bands in pixels (none: empty)
     */
    public FilterBank(double[] sigmas, double[] convergenceRadii) {
        if (sigmas.length == 0) {
            throw new IllegalArgumentException("a filter bank needs at least one scale");
        }
        for (int i = 0; i < sigmas.length; i++) {
            if (!(sigmas[i] > 0) || (i > 0 && sigmas[i] <= sigmas[i - 1])) {
                throw new IllegalArgumentException("filter scales must be positive and ascending, got "
                        + java.util.Arrays.toString(sigmas));
            }
        }
        this.sigmas = sigmas.clone();
        this.convergence = new ConvergenceIndex(convergenceRadii);
    }

    public int channels() {
        return gaussianChannels() + convergence.channels();
    }

    private int gaussianChannels() {
        return 1 + PER_SCALE * sigmas.length + (sigmas.length - 1);
    }

    /** Channel index of per-scale feature {@code kind} ({@link #SMOOTHED}, {@link #LOG}, ...) at scale {@code s}. */
    public static int channel(int scale, int kind) {
        return 1 + scale * PER_SCALE + kind;
    }

    /** Names of the channels, in order; for the bundle's record and for ablation tables. */
    public String[] names() {
        String[] names = new String[channels()];
        names[0] = "intensity";
        String[] kinds = {"gauss", "gradient", "log", "hessian1", "hessian2", "sd"};
        for (int s = 0; s < sigmas.length; s++) {
            for (int k = 0; k < PER_SCALE; k++) {
                names[channel(s, k)] = kinds[k] + "@" + sigmas[s];
            }
        }
        for (int s = 0; s + 1 < sigmas.length; s++) {
            names[1 + PER_SCALE * sigmas.length + s] = "dog@" + sigmas[s] + "-" + sigmas[s + 1];
        }
        for (int b = 0; b < convergence.channels(); b++) {
            names[gaussianChannels() + b] = convergence.name(b);
        }
        return names;
    }

    /**
     * All channels of a row-major {@code width x height} plane, taken every {@code stride} pixels:
     * point {@code (i, j)} is pixel {@code (i * stride, j * stride)}. Only the Gaussians run over
     * every pixel; the derivative channels are evaluated at the grid points alone (a quarter of
     * the work at stride 2, with the same values as at full resolution).
     *
     * @return channel-last: the {@code channels()} values of point {@code (i, j)} start at
     *     {@code (j * FeatureGrid.points(width, stride) + i) * channels()}
     */
    public float[] compute(float[] plane, int width, int height, int stride) {
        if (plane.length != width * height) {
            throw new IllegalArgumentException(plane.length + " values for a " + width + "x" + height + " plane");
        }
        int[] pixels = gridPixels(width, height, stride);
        int c = channels();
        float[] out = new float[pixels.length * c];
        for (int p = 0; p < pixels.length; p++) {
            out[p * c] = plane[pixels[p]];
        }
        float[] squared = squared(plane);
        float[][] smoothed = new float[sigmas.length][];
        for (int s = 0; s < sigmas.length; s++) {
            int radius = Math.max(1, (int) Math.ceil(3 * sigmas[s]));
            smoothed[s] = GaussianBlur.blur(plane, width, height, sigmas[s], radius);
            float[] g2 = GaussianBlur.blur(squared, width, height, sigmas[s], radius);
            for (int p = 0; p < pixels.length; p++) {
                scaleChannels(smoothed[s], g2, width, height, pixels[p], sigmas[s], out, p * c + channel(s, 0));
            }
        }
        int dog = 1 + PER_SCALE * sigmas.length;
        for (int s = 0; s + 1 < sigmas.length; s++) {
            for (int p = 0; p < pixels.length; p++) {
                out[p * c + dog + s] = smoothed[s][pixels[p]] - smoothed[s + 1][pixels[p]];
            }
        }
        if (convergence.channels() > 0) {
            float[][] bands = convergence.compute(smoothed[0], width, height);
            for (int b = 0; b < bands.length; b++) {
                for (int p = 0; p < pixels.length; p++) {
                    out[p * c + gaussianChannels() + b] = bands[b][pixels[p]];
                }
            }
        }
        return out;
    }

    /** Row-major pixel index of each grid point, in grid order. */
    private static int[] gridPixels(int width, int height, int stride) {
        int gw = FeatureGrid.points(width, stride), gh = FeatureGrid.points(height, stride);
        int[] pixels = new int[gw * gh];
        for (int j = 0; j < gh; j++) {
            for (int i = 0; i < gw; i++) {
                pixels[j * gw + i] = j * stride * width + i * stride;
            }
        }
        return pixels;
    }

    static float[] squared(float[] in) {
        float[] out = new float[in.length];
        for (int i = 0; i < in.length; i++) {
            out[i] = in[i] * in[i];
        }
        return out;
    }

    /**
     * The six channels of one scale at pixel {@code i}, from the smoothed plane {@code g} and smoothed
     * squares {@code g2}, written to {@code out} from {@code at} in {@link #channel} order.
     */
    private static void scaleChannels(float[] g, float[] g2, int w, int h, int i, double sigma, float[] out, int at) {
        int x = i % w, y = i / w;
        int up = Math.max(0, y - 1) * w, row = y * w, down = Math.min(h - 1, y + 1) * w;
        int left = Math.max(0, x - 1), right = Math.min(w - 1, x + 1);
        float s1 = (float) sigma, s2 = (float) (sigma * sigma);
        float c = g[i];
        float gx = (g[row + right] - g[row + left]) * 0.5f;
        float gy = (g[down + x] - g[up + x]) * 0.5f;
        float xx = g[row + right] - 2 * c + g[row + left];
        float yy = g[down + x] - 2 * c + g[up + x];
        float xy = (g[down + right] - g[down + left] - g[up + right] + g[up + left]) * 0.25f;
        float trace = xx + yy;
        float root = (float) Math.sqrt((xx - yy) * (xx - yy) + 4 * xy * xy);
        out[at + SMOOTHED] = c;
        out[at + 1] = s1 * (float) Math.sqrt(gx * gx + gy * gy);
        out[at + LOG] = s2 * trace;
        out[at + 3] = s2 * 0.5f * (trace + root);
        out[at + 4] = s2 * 0.5f * (trace - root);
        out[at + 5] = (float) Math.sqrt(Math.max(0, g2[i] - c * c));
    }
}
