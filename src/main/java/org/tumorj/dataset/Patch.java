package org.tumorj.dataset;

/**
 * A square training patch of modality values (HU for CT), one plane or three adjacent slices
 * (2.5D: below, centre, above) as channels. Label 1 = positive class, 0 = negative. The centre
 * is in pixel indices of the source slice (before augmentation moved the view).
 *
 * @param planes {@code planes[c][row * size + column]}, c = 0..channels-1
 */
public record Patch(String studyId, int slice, int centreX, int centreY, int label, Source source, int size,
        float[][] planes) {

    /** Where a patch came from. */
    public enum Source {
        /** inside a positive region (tumor, lesion) */
        POSITIVE_REGION,
        /** inside a negative region (normal, background) */
        NEGATIVE_REGION,
        /** unannotated tissue, at least the configured distance from every positive region */
        UNANNOTATED
    }

    public Patch {
        if (planes.length != 1 && planes.length != 3) {
            throw new IllegalArgumentException("a patch has 1 or 3 planes, not " + planes.length);
        }
        for (float[] p : planes) {
            if (p.length != size * size) {
                throw new IllegalArgumentException("plane of " + p.length + " values for a " + size + "x" + size + " patch");
            }
        }
    }

    public int channels() {
        return planes.length;
    }

    /**
     * The patch as NHWC RGB in [0, 1] through a display window, the backbone's input: one plane
     * is repeated to three channels, three planes become R, G, B.
     */
    public float[] toRgb(double windowCentre, double windowWidth) {
        float[] out = new float[size * size * 3];
        double lo = windowCentre - windowWidth / 2;
        for (int i = 0; i < size * size; i++) {
            for (int c = 0; c < 3; c++) {
                double v = (planes[planes.length == 1 ? 0 : c][i] - lo) / windowWidth;
                out[i * 3 + c] = (float) Math.max(0, Math.min(1, v));
            }
        }
        return out;
    }
}
