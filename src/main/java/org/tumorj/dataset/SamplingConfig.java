package org.tumorj.dataset;

import java.util.function.Consumer;

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

    /**
     * 224-pixel patches: 4 per positive region, 4 per negative region, 4 unannotated per
     * annotated slice at least 20 mm from positives (on the phantoms about as many negatives as
     * positives), jitter 0.5, 2D, default augmentation.
     */
    public static SamplingConfig defaults(long seed) {
        return new SamplingConfig(224, 4, 4, 4, 0.5, 20, false, Augmentation.defaults(), seed);
    }

    public SamplingConfig withPatchSize(int size) {
        return copy(d -> d.patchSize = size);
    }

    public SamplingConfig withTwoPointFiveD(boolean on) {
        return copy(d -> d.twoPointFiveD = on);
    }

    public SamplingConfig withAugmentation(Augmentation a) {
        return copy(d -> d.augmentation = a);
    }

    public SamplingConfig withCounts(int positives, int negatives, int unannotated) {
        return copy(d -> {
            d.positivesPerRegion = positives;
            d.negativesPerRegion = negatives;
            d.unannotatedPerSlice = unannotated;
        });
    }

    public SamplingConfig withMinDistanceMm(double mm) {
        return copy(d -> d.minDistanceMm = mm);
    }

    public SamplingConfig withSeed(long newSeed) {
        return copy(d -> d.seed = newSeed);
    }

    /** This config with {@code change} applied, checked again by the constructor. */
    private SamplingConfig copy(Consumer<Draft> change) {
        Draft draft = new Draft(this);
        change.accept(draft);
        return draft.toConfig();
    }

    /** A mutable copy, so that each {@code with...} names only the fields it changes. */
    private static final class Draft {
        int patchSize, positivesPerRegion, negativesPerRegion, unannotatedPerSlice;
        double jitter, minDistanceMm;
        boolean twoPointFiveD;
        Augmentation augmentation;
        long seed;

        Draft(SamplingConfig c) {
            patchSize = c.patchSize;
            positivesPerRegion = c.positivesPerRegion;
            negativesPerRegion = c.negativesPerRegion;
            unannotatedPerSlice = c.unannotatedPerSlice;
            jitter = c.jitter;
            minDistanceMm = c.minDistanceMm;
            twoPointFiveD = c.twoPointFiveD;
            augmentation = c.augmentation;
            seed = c.seed;
        }

        SamplingConfig toConfig() {
            return new SamplingConfig(patchSize, positivesPerRegion, negativesPerRegion, unannotatedPerSlice, jitter,
                    minDistanceMm, twoPointFiveD, augmentation, seed);
        }
    }
}
