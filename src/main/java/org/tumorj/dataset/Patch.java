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

}
