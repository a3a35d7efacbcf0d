package org.tumorj.features;

/**
 * A plane as local contrast: each value minus the Gaussian-weighted mean around it, over the
 * Gaussian-weighted standard deviation there. A radiograph's display values say little by
 * themselves: the same nodule is a small step over the dark lung periphery and a larger one over
 * the hilum, and its step scales with each protocol's display curve. In units of the local spread
 * it reads alike wherever it lies and whatever the curve.
 */
public final class LocalContrast {
    /**
     * Added to the local standard deviation, in the plane's units (display values of 0 to 1): a flat
     * patch (air, a collimated band) stays flat instead of turning its noise into contrast.
     */
    static final double SPREAD_FLOOR = 0.01;

    private LocalContrast() {}

    /** The plane, row-major {@code width x height}, in units of the local spread at scale {@code sigma} pixels. */
    public static float[] of(float[] plane, int width, int height, double sigma) {
        int radius = (int) Math.ceil(3 * sigma);
        float[] mean = GaussianBlur.blur(plane, width, height, sigma, radius);
        float[] meanSquare = GaussianBlur.blur(FilterBank.squared(plane), width, height, sigma, radius);
        float[] out = new float[plane.length];
        for (int i = 0; i < out.length; i++) {
            double spread = Math.sqrt(Math.max(0, meanSquare[i] - (double) mean[i] * mean[i]));
            out[i] = (float) ((plane[i] - mean[i]) / (spread + SPREAD_FLOOR));
        }
        return out;
    }
}
