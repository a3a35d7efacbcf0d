package org.tumorj.pipeline;

/**
 * Which cells of the annotated training slices the head learns from (see {@link DenseCellSampler}).
 *
 * @param negativesPerSlice random negative cells kept per annotated slice (all positive cells are kept)
 * @param marginCells cells closer than this (in cells) to a positive region's edge are left out:
 *     their label is ambiguous
 * @param hardNegativesPerSlice 0: one head on random negatives. Otherwise a second round: the
 *     first head scores every negative cell of the training slices, the highest-scoring ones are
 *     added to fresh random ones and the head is trained again (hard negative mining)
 * @param bodyEdgeNegatives CT: a cell whose centre is air but which reaches into the body is a
 *     negative (otherwise ignored like all air). Detection zeroes only air pixels, so such cells'
 *     scores spill onto the body's edge after upsampling; unless trained on, they are false positives
 * @param unannotatedSliceStep 0: negatives only from annotated slices. {@code k > 0}: also every
 *     k-th slice without annotations gives negatives (only where every lesion is outlined on every
 *     slice it crosses, as in the phantoms: an unannotated lesion would be learned as normal)
 */
public record CellSampling(int negativesPerSlice, double marginCells, int hardNegativesPerSlice,
        boolean bodyEdgeNegatives, int unannotatedSliceStep) {

    public CellSampling {
        if (negativesPerSlice < 1 || hardNegativesPerSlice < 0 || !(marginCells >= 0) || unannotatedSliceStep < 0) {
            throw new IllegalArgumentException("cell sampling needs >= 1 random and >= 0 hard negatives per slice and a"
                    + " margin >= 0; got " + negativesPerSlice + ", " + hardNegativesPerSlice + ", " + marginCells);
        }
    }

    /** What training does unless told otherwise; docs/detection-quality.md has the measurements behind it. */
    public static CellSampling defaults() {
        return new CellSampling(60, 1.0, 0, false, 0);
    }

    /** As before hard negative mining: 60 random negatives per slice, margin 1 cell, one round. */
    public static CellSampling randomOnly() {
        return new CellSampling(60, 1.0, 0, false, 0);
    }

    public CellSampling withHardNegatives(int perSlice) {
        return new CellSampling(negativesPerSlice, marginCells, perSlice, bodyEdgeNegatives, unannotatedSliceStep);
    }

    public CellSampling withNegatives(int perSlice, double margin) {
        return new CellSampling(perSlice, margin, hardNegativesPerSlice, bodyEdgeNegatives, unannotatedSliceStep);
    }

    public CellSampling withBodyEdgeNegatives(boolean on) {
        return new CellSampling(negativesPerSlice, marginCells, hardNegativesPerSlice, on, unannotatedSliceStep);
    }

    public CellSampling withUnannotatedSlices(int step) {
        return new CellSampling(negativesPerSlice, marginCells, hardNegativesPerSlice, bodyEdgeNegatives, step);
    }
}
