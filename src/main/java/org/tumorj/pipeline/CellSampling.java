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
 */
public record CellSampling(int negativesPerSlice, double marginCells, int hardNegativesPerSlice) {

    public CellSampling {
        if (negativesPerSlice < 1 || hardNegativesPerSlice < 0 || !(marginCells >= 0)) {
            throw new IllegalArgumentException("cell sampling needs >= 1 random and >= 0 hard negatives per slice and a"
                    + " margin >= 0; got " + negativesPerSlice + ", " + hardNegativesPerSlice + ", " + marginCells);
        }
    }

    /** What training does unless told otherwise; docs/detection-quality.md has the measurements behind it. */
    public static CellSampling defaults() {
        return new CellSampling(60, 1.0, 0);
    }

    /** As before hard negative mining: 60 random negatives per slice, margin 1 cell, one round. */
    public static CellSampling randomOnly() {
        return new CellSampling(60, 1.0, 0);
    }

    public CellSampling withHardNegatives(int perSlice) {
        return new CellSampling(negativesPerSlice, marginCells, perSlice);
    }

    public CellSampling withNegatives(int perSlice, double margin) {
        return new CellSampling(perSlice, margin, hardNegativesPerSlice);
    }
}
