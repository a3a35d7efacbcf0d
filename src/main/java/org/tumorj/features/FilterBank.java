package org.tumorj.features;

import boofcv.alg.filter.blur.BlurImageOps;
import boofcv.struct.image.GrayF32;

/**
 * Classic per-pixel features of one 2D plane in a Gaussian scale space, the kind Trainable Weka
 * Segmentation users know: at each scale sigma the smoothed intensity, gradient magnitude,
 * Laplacian of Gaussian, both Hessian eigenvalues and the local standard deviation; then the
 * differences of Gaussians between consecutive scales; and the plane itself first.
 *
 * <p>Derivatives are scale-normalised (times sigma per order) so that a blob gives a comparable
 * response at the scale that matches its size: a 4 px nodule peaks at sigma about 1.4-2, an 8 cm
 * tumour at the largest scales. Smoothing is BoofCV's separable Gaussian (radius 3 sigma); the
 * derivatives are central differences of the smoothed plane. Optionally last, the
 * {@link ConvergenceIndex} of the plane at its first scale, one channel per radius band.
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
     * All channels of a row-major {@code width x height} plane at full resolution.
     *
     * @return {@code channels()} planes of {@code width * height} values
     */
    public float[][] compute(float[] plane, int width, int height) {
        if (plane.length != width * height) {
            throw new IllegalArgumentException(plane.length + " values for a " + width + "x" + height + " plane");
        }
        float[][] out = new float[channels()][];
        out[0] = plane.clone();
        GrayF32 input = new GrayF32(width, height);
        System.arraycopy(plane, 0, input.data, 0, plane.length);
        GrayF32 squared = squared(input);
        GrayF32 storage = new GrayF32(width, height);
        float[][] smoothed = new float[sigmas.length][];
        for (int s = 0; s < sigmas.length; s++) {
            int radius = Math.max(1, (int) Math.ceil(3 * sigmas[s]));
            GrayF32 g = BlurImageOps.gaussian(input, null, sigmas[s], radius, storage);
            GrayF32 g2 = BlurImageOps.gaussian(squared, null, sigmas[s], radius, storage);
            smoothed[s] = g.data;
            scaleChannels(g.data, g2.data, width, height, sigmas[s], out, s);
        }
        for (int s = 0; s + 1 < sigmas.length; s++) {
            float[] dog = new float[plane.length];
            for (int i = 0; i < dog.length; i++) {
                dog[i] = smoothed[s][i] - smoothed[s + 1][i];
            }
            out[1 + PER_SCALE * sigmas.length + s] = dog;
        }
        if (convergence.channels() > 0) {
            System.arraycopy(convergence.compute(smoothed[0], width, height), 0, out, gaussianChannels(),
                    convergence.channels());
        }
        return out;
    }

    private static GrayF32 squared(GrayF32 in) {
        GrayF32 out = new GrayF32(in.width, in.height);
        for (int i = 0; i < in.data.length; i++) {
            out.data[i] = in.data[i] * in.data[i];
        }
        return out;
    }

    /** The six channels of one scale from the smoothed plane {@code g} and smoothed squares {@code g2}. */
    private static void scaleChannels(float[] g, float[] g2, int w, int h, double sigma, float[][] out, int s) {
        int n = w * h;
        float[] gradient = new float[n], log = new float[n], eig1 = new float[n], eig2 = new float[n], sd = new float[n];
        float s1 = (float) sigma, s2 = (float) (sigma * sigma);
        for (int y = 0; y < h; y++) {
            int up = Math.max(0, y - 1) * w, row = y * w, down = Math.min(h - 1, y + 1) * w;
            for (int x = 0; x < w; x++) {
                int left = Math.max(0, x - 1), right = Math.min(w - 1, x + 1);
                float c = g[row + x];
                float gx = (g[row + right] - g[row + left]) * 0.5f;
                float gy = (g[down + x] - g[up + x]) * 0.5f;
                float xx = g[row + right] - 2 * c + g[row + left];
                float yy = g[down + x] - 2 * c + g[up + x];
                float xy = (g[down + right] - g[down + left] - g[up + right] + g[up + left]) * 0.25f;
                float trace = xx + yy;
                float root = (float) Math.sqrt((xx - yy) * (xx - yy) + 4 * xy * xy);
                int i = row + x;
                gradient[i] = s1 * (float) Math.sqrt(gx * gx + gy * gy);
                log[i] = s2 * trace;
                eig1[i] = s2 * 0.5f * (trace + root);
                eig2[i] = s2 * 0.5f * (trace - root);
                sd[i] = (float) Math.sqrt(Math.max(0, g2[i] - c * c));
            }
        }
        out[channel(s, SMOOTHED)] = g;
        out[channel(s, 1)] = gradient;
        out[channel(s, LOG)] = log;
        out[channel(s, 3)] = eig1;
        out[channel(s, 4)] = eig2;
        out[channel(s, 5)] = sd;
    }
}
