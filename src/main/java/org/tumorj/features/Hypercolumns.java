package org.tumorj.features;

/**
 * Transfer features of one volume's slices at the feature grid's points: intermediate layers of
 * a pretrained network, each projected to a few channels and interpolated to the grid (see
 * {@code org.tumorj.pipeline.BackboneHypercolumns}).
 */
public interface Hypercolumns {
    int channels();

    /** Channel-last values of slice {@code z} at the {@code gridWidth x gridHeight} points every {@code stride} pixels. */
    float[] sample(int z, int gridWidth, int gridHeight, int stride);
}
