package org.tumorj.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ConvergenceIndexTest {
    private static final int N = 96;

    /** A plane of noise (SD 0.02) with a shape of value {@code contrast} drawn by {@code inside}. */
    private static float[] plane(double contrast, java.util.function.BiPredicate<Integer, Integer> inside) {
        Random random = new Random(7);
        float[] p = new float[N * N];
        for (int y = 0; y < N; y++) {
            for (int x = 0; x < N; x++) {
                p[y * N + x] = (float) ((inside.test(x, y) ? contrast : 0) + 0.02 * random.nextGaussian());
            }
        }
        return p;
    }

    private static float centre(float[] plane, int band) {
        FilterBank bank = new FilterBank(new double[] {1, 2, 4});
        float[] all = bank.compute(plane, N, N, 1);
        float[] smoothed = new float[N * N];
        for (int i = 0; i < smoothed.length; i++) {
            smoothed[i] = all[i * bank.channels() + FilterBank.channel(0, FilterBank.SMOOTHED)];
        }
        return new ConvergenceIndex(new double[] {6, 12, 24}).compute(smoothed, N, N)[band][48 * N + 48];
    }

    /**
     * Why radiographs get this channel: a faint round nodule scores high whatever its contrast, a
     * rib (a band as wide and as bright) does not, though both are bright blobs to a Laplacian.
     */
    @Test
    void aRoundNoduleConvergesARibOfItsWidthDoesNot() {
        float nodule = centre(plane(0.3, (x, y) -> Math.hypot(x - 48, y - 48) <= 8), 1);
        float faintNodule = centre(plane(0.1, (x, y) -> Math.hypot(x - 48, y - 48) <= 8), 1);
        float rib = centre(plane(0.3, (x, y) -> Math.abs(y - 48) <= 8), 1);
        assertTrue(nodule > 0.4, "nodule " + nodule);
        assertTrue(faintNodule > 0.3, "a third of the contrast still converges: " + faintNodule);
        assertTrue(rib < 0.5 * nodule, "rib " + rib + " against nodule " + nodule);
    }

    @Test
    void aSmallNoduleScoresHighestInTheSmallBandAndADarkBlobScoresNothing() {
        float[] disc = plane(0.3, (x, y) -> Math.hypot(x - 48, y - 48) <= 4);
        assertTrue(centre(disc, 0) > centre(disc, 2), "a 4 px nodule: the 2-6 px band over the 6-24 px band");
        assertTrue(centre(disc, 0) > 0.6, "a small nodule converges strongly: " + centre(disc, 0));
        float dark = centre(plane(-0.3, (x, y) -> Math.hypot(x - 48, y - 48) <= 8), 1);
        assertTrue(dark < 0.1, "gradients pointing away give nothing: " + dark);
    }

    @Test
    void radiiMustBeAscendingAndAtLeastTwoPixels() {
        assertThrows(IllegalArgumentException.class, () -> new ConvergenceIndex(new double[] {12, 6}));
        assertThrows(IllegalArgumentException.class, () -> new ConvergenceIndex(new double[] {1}));
        assertEquals(3, new FilterBank(new double[] {1, 2, 4}, new double[] {6, 12, 24}).channels()
                - new FilterBank(new double[] {1, 2, 4}).channels());
    }
}
