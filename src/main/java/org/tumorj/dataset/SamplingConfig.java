package org.tumorj.dataset;

/**
 * How patches are drawn from annotated studies.
 *
 * @param patchSize side in pixels (the backbone's input, 224)
 * @param positivesPerRegion patches centred in each positive region
 * @param negativesPerRegion patches centred in each negative region
 * @param unannotatedPerSlice patches from unannotated tissue per annotated slice
 * @param jitter how far a positive patch's centre may move from the region's centre, as a
 *     fraction of the region's radius (the centre always stays inside the region)
 * @param minDistanceMm unannotated patches are centred at least this far (3D) from every positive region
 * @param twoPointFiveD three adjacent slices as channels instead of one
 * @param augmentation applied to training patches
 * @param seed same seed, same studies, same patches
 */
public record SamplingConfig(int patchSize, int positivesPerRegion, int negativesPerRegion, int unannotatedPerSlice,
        double jitter, double minDistanceMm, boolean twoPointFiveD, Augmentation augmentation, long seed) {

    public SamplingConfig {
        if (patchSize < 8) {
            throw new IllegalArgumentException("patch size must be >= 8 pixels, got " + patchSize);
        }
        if (positivesPerRegion < 0 || negativesPerRegion < 0 || unannotatedPerSlice < 0) {
            throw new IllegalArgumentException("patch counts must be >= 0");
        }
        if (jitter < 0 || minDistanceMm < 0) {
            throw new IllegalArgumentException("jitter and minimum distance must be >= 0");
        }
    }

    /** 224-pixel patches, 4 per positive region, 2 per negative region, 2 unannotated per slice 20 mm away. */
    public static SamplingConfig defaults(long seed) {
        return new SamplingConfig(224, 4, 2, 2, 0.5, 20, false, Augmentation.defaults(), seed);
    }

    public SamplingConfig withPatchSize(int size) {
        return new SamplingConfig(size, positivesPerRegion, negativesPerRegion, unannotatedPerSlice, jitter, minDistanceMm,
                twoPointFiveD, augmentation, seed);
    }

    public SamplingConfig withTwoPointFiveD(boolean on) {
        return new SamplingConfig(patchSize, positivesPerRegion, negativesPerRegion, unannotatedPerSlice, jitter,
                minDistanceMm, on, augmentation, seed);
    }

    public SamplingConfig withAugmentation(Augmentation a) {
        return new SamplingConfig(patchSize, positivesPerRegion, negativesPerRegion, unannotatedPerSlice, jitter,
                minDistanceMm, twoPointFiveD, a, seed);
    }

    public SamplingConfig withCounts(int positives, int negatives, int unannotated) {
        return new SamplingConfig(patchSize, positives, negatives, unannotated, jitter, minDistanceMm, twoPointFiveD,
                augmentation, seed);
    }

    public SamplingConfig withMinDistanceMm(double mm) {
        return new SamplingConfig(patchSize, positivesPerRegion, negativesPerRegion, unannotatedPerSlice, jitter, mm,
                twoPointFiveD, augmentation, seed);
    }

    public SamplingConfig withSeed(long newSeed) {
        return new SamplingConfig(patchSize, positivesPerRegion, negativesPerRegion, unannotatedPerSlice, jitter,
                minDistanceMm, twoPointFiveD, augmentation, newSeed);
    }
}
