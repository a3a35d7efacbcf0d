package org.tumorj.features;

/**
 * Per-pixel features of one slice on a regular grid: point {@code (i, j)} is pixel
 * {@code (i * stride, j * stride)} (pixel centres at integers), its {@code channels} values
 * contiguous at {@code (j * width + i) * channels}.
 */
public record FeatureGrid(float[] values, int width, int height, int channels, int stride) {
    public FeatureGrid {
        if (values.length != width * height * channels) {
            throw new IllegalArgumentException(values.length + " values for a " + width + "x" + height + "x" + channels + " grid");
        }
    }

    /** Grid points along an axis of {@code pixels} pixels. */
    public static int points(int pixels, int stride) {
        return (pixels + stride - 1) / stride;
    }

    /** The features of point {@code (i, j)}, copied. */
    public float[] at(int i, int j) {
        float[] f = new float[channels];
        System.arraycopy(values, (j * width + i) * channels, f, 0, channels);
        return f;
    }
}
