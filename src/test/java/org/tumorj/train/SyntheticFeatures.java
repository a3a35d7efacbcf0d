package org.tumorj.train;

import java.util.SplittableRandom;

/**
 * Synthetic stand-ins for pooled MobileNetV2 embeddings, for tests and benchmarks that must not
 * depend on the backbone. Like real embeddings they are non-negative (post-ReLU), 1280-d and
 * low-rank: each patch is {@code max(0, 1 + A f + noise)} with a 16-d latent {@code f} and fixed
 * random loadings {@code A}. The class shifts the first latent factor by {@code separation}
 * standard deviations; each study adds its own latent shift (the scanner-to-scanner domain
 * shift), and every channel gets independent noise. The classes overlap: with separation 3.5 the
 * best possible AUC is about 0.99, so a head can be good but never trivially perfect.
 */
public final class SyntheticFeatures {
    public static final int CHANNELS = 1280;
    private static final int LATENT = 16;
    private static final double LOADING_SD = 0.3;
    private static final double STUDY_SHIFT_SD = 0.3;

    private final SplittableRandom random;
    private final double separation;
    private final double noise;
    private final double[][] loadings = new double[CHANNELS][LATENT];

    /**
     * @param separation class difference along the first latent factor, in its standard deviations
     * @param noise independent per-channel noise
     */
    public SyntheticFeatures(long seed, double separation, double noise) {
        this.random = new SplittableRandom(seed);
        this.separation = separation;
        this.noise = noise;
        for (double[] row : loadings) {
            for (int k = 0; k < LATENT; k++) {
                row[k] = LOADING_SD * gaussian();
            }
        }
    }

    /** {@code studies} studies of {@code patchesPerStudy} patches, a {@code positiveShare} of them positive. */
    public FeatureSet studies(String prefix, int studies, int patchesPerStudy, double positiveShare) {
        int n = studies * patchesPerStudy;
        float[][] x = new float[n][];
        int[] y = new int[n];
        String[] g = new String[n];
        for (int s = 0; s < studies; s++) {
            double[] shift = new double[LATENT];
            for (int k = 0; k < LATENT; k++) {
                shift[k] = STUDY_SHIFT_SD * gaussian();
            }
            for (int p = 0; p < patchesPerStudy; p++) {
                int i = s * patchesPerStudy + p;
                y[i] = p < Math.round(positiveShare * patchesPerStudy) ? 1 : 0;
                x[i] = patch(y[i] == 1, shift);
                g[i] = prefix + s;
            }
        }
        return new FeatureSet(x, y, g);
    }

    private float[] patch(boolean positive, double[] studyShift) {
        double[] f = new double[LATENT];
        for (int k = 0; k < LATENT; k++) {
            f[k] = gaussian() + studyShift[k];
        }
        f[0] += positive ? separation / 2 : -separation / 2;
        float[] v = new float[CHANNELS];
        for (int c = 0; c < CHANNELS; c++) {
            double value = 1 + noise * gaussian();
            for (int k = 0; k < LATENT; k++) {
                value += loadings[c][k] * f[k];
            }
            v[c] = (float) Math.max(0, value);
        }
        return v;
    }

    private double gaussian() {
        double u1 = 1 - random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
