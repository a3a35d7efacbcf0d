package org.tumorj.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tumorj.detect.TestVolumes;
import org.tumorj.volume.Volume;

class SliceFeaturesTest {
    private static final FeatureSpec SPEC = FeatureSpec.filters(new double[] {1, 2, 4}, new double[] {2, 4});

    /** Slice z holds a disc whose radius grows with z, so every slice differs. */
    private static Volume volume(int depth) {
        TestVolumes.Disc[] discs = new TestVolumes.Disc[depth];
        for (int z = 0; z < depth; z++) {
            discs[z] = new TestVolumes.Disc(20, 20, 2 + z, z, z, 0.9f);
        }
        return TestVolumes.discs(TestVolumes.info("MR", 40, 40, depth, 1, 1, 2, new double[3]), 0.1f, discs);
    }

    private static SliceFeatures features(Volume v) {
        return new SliceFeatures(SPEC, v, z -> new float[][] {v.slice(z)}, null);
    }

    @Test
    void theContextOfAnEndSliceIsReflectedNotRepeated() {
        SliceFeatures f = features(volume(6));
        assertEquals(1, f.reflect(-1));
        assertEquals(2, f.reflect(-2));
        assertEquals(4, f.reflect(6));
        assertEquals(3, f.reflect(7));
        assertEquals(0, features(volume(1)).reflect(-3), "a single slice is its own context");
    }

    /** A head scoring a few points reads the same vectors as in the whole slice's grid. */
    @Test
    void theFeaturesAtSomePointsAreThoseOfTheWholeGrid() {
        SliceFeatures f = features(volume(6));
        FeatureGrid whole = f.slice(3);
        int[] points = {0, 7, 8, whole.width() * whole.height() - 1};
        float[] some = f.valuesAt(3, points);
        int c = f.channels();
        for (int k = 0; k < points.length; k++) {
            assertArrayEquals(java.util.Arrays.copyOfRange(whole.values(), points[k] * c, (points[k] + 1) * c),
                    java.util.Arrays.copyOfRange(some, k * c, (k + 1) * c), "point " + points[k]);
        }
        assertEquals(whole.width(), f.gridWidth());
        assertEquals(whole.height(), f.gridHeight());
    }

    @Test
    void channelsAreTheBankThenTheSlicesBelowAndAbove() {
        Volume v = volume(6);
        SliceFeatures f = features(v);
        FilterBank bank = new FilterBank(SPEC.sigmas());
        assertEquals(bank.channels() + 2 * 2 * 3, f.channels(), "3 blob channels of 2 slices below and 2 above");
        FeatureGrid g = f.slice(2);
        assertEquals(20, g.width(), "every 2 px of 40");
        // The bank at every pixel (stride 1), read at the pixel grid point (5, 7) of stride 2 stands on
        float[] own = bank.compute(v.slice(2), 40, 40, 1);
        float[] above = bank.compute(v.slice(3), 40, 40, 1); // 2 mm at 2 mm spacing: 1 slice
        int i = 5, j = 7, pixel = (j * 2 * 40 + i * 2) * bank.channels();
        float[] at = g.at(i, j);
        assertEquals(own[pixel + FilterBank.channel(2, FilterBank.LOG)], at[FilterBank.channel(2, FilterBank.LOG)], 1e-6);
        int firstAbove = bank.channels() + 2 * 3; // after the two slices below
        assertEquals(above[pixel + FilterBank.channel(1, FilterBank.SMOOTHED)], at[firstAbove], 1e-6);
        assertNotEquals(at[firstAbove], at[bank.channels() + 3], "below and above differ");
    }

    /** The running extreme is the plain one, window by window, edges (truncated windows) included. */
    @Test
    void runningExtremesAreTheWindowExtremes() {
        java.util.Random random = new java.util.Random(3);
        for (int radius : new int[] {1, 2, 6, 9}) {
            for (int length : new int[] {1, 5, 13, 40}) {
                float[] values = new float[3 * length];   // 3 lines of `length` points, column-major
                for (int k = 0; k < values.length; k++) {
                    values[k] = (float) random.nextGaussian();
                }
                for (boolean max : new boolean[] {false, true}) {
                    float[] out = SliceFeatures.extremeAlong(values, 3, 1, length, 3, radius, max);
                    for (int l = 0; l < 3; l++) {
                        for (int i = 0; i < length; i++) {
                            float e = values[l + 3 * i];
                            for (int j = Math.max(0, i - radius); j <= Math.min(length - 1, i + radius); j++) {
                                e = max ? Math.max(e, values[l + 3 * j]) : Math.min(e, values[l + 3 * j]);
                            }
                            assertEquals(e, out[l + 3 * i], 0f, "radius " + radius + " length " + length + " at " + i);
                        }
                    }
                }
            }
        }
    }

    @Test
    void theSameSliceGivesTheSameFeaturesInAnyOrder() {
        Volume v = volume(8);
        SliceFeatures forward = features(v);
        float[] atFive = null;
        for (int z = 0; z < 8; z++) {
            float[] values = forward.slice(z).values();
            if (z == 5) {
                atFive = values;
            }
        }
        assertArrayEquals(atFive, features(v).slice(5).values(), "the slice cache changes nothing");
    }

    /**
     * An oblique vessel (a disc moving 1.5 px per 1 mm slice) and a nodule (a disc on slices
     * 10-11 only): 4 mm above the nodule nothing is left, while 4 mm above a point of the vessel
     * the vessel has moved 6 px away, out of reach of the plain context channels, but within the
     * drift channels' reach (1 mm per mm: 4 mm, 2 grid points of 2 px either side, plus the LoG's
     * own width).
     */
    @Test
    void driftChannelsFollowAnObliqueVesselButNotAnEndedNodule() {
        int depth = 20;
        java.util.List<TestVolumes.Disc> discs = new java.util.ArrayList<>();
        for (int z = 0; z < depth; z++) {
            discs.add(new TestVolumes.Disc(10 + 1.5 * z, 30, 2.5, z, z, 0.9f));
        }
        discs.add(new TestVolumes.Disc(50, 10, 2.5, 10, 11, 0.9f));
        Volume v = TestVolumes.discs(TestVolumes.info("MR", 64, 40, depth, 1, 1, 1, new double[3]), 0.1f,
                discs.toArray(TestVolumes.Disc[]::new));
        FeatureSpec drifting = FeatureSpec.filters(new double[] {1, 2, 4}, new double[] {4}).withContextDrift(1);
        SliceFeatures f = new SliceFeatures(drifting, v, z -> new float[][] {v.slice(z)}, null);
        FilterBank bank = new FilterBank(drifting.sigmas());
        assertEquals(bank.channels() + 2 * 3 + 2 * 2, f.channels(), "3 plain and 2 drift channels per context slice");
        int lowAbove = bank.channels() + 2 * 3 + 2; // after the plain channels and the slice below's drift pair
        FeatureGrid slice = f.slice(10);
        float vesselLow = slice.at((int) Math.round((10 + 15) / 2.0), 15)[lowAbove];
        float noduleLow = slice.at(25, 5)[lowAbove];
        float vesselPlain = slice.at((int) Math.round((10 + 15) / 2.0), 15)[bank.channels() + 3 + 1];
        assertTrue(vesselLow < -0.05, "the vessel 4 mm above, 6 px away, is found: " + vesselLow);
        assertTrue(Math.abs(noduleLow) < 0.01, "nothing 4 mm above the nodule: " + noduleLow);
        assertTrue(Math.abs(vesselPlain) < Math.abs(vesselLow) / 3, "the plain context at the point misses the drifted vessel: "
                + vesselPlain);
    }
}
