package org.tumorj.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FilterBankTest {
    private static final double[] SIGMAS = {1, 2, 4, 8};

    /** A bright Gaussian spot of the given sigma at (cx, cy) on a 0 background. */
    private static float[] spot(int w, int h, double cx, double cy, double sigma) {
        float[] p = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                p[y * w + x] = (float) Math.exp(-((x - cx) * (x - cx) + (y - cy) * (y - cy)) / (2 * sigma * sigma));
            }
        }
        return p;
    }

    @Test
    void aBlobIsStrongestAtItsCentreAtTheScaleOfItsSize() {
        FilterBank bank = new FilterBank(SIGMAS);
        float[] plane = spot(64, 64, 30, 34, 3);
        float[][] f = planes(bank, plane, 64, 64);
        int centre = 34 * 64 + 30;
        for (int s = 0; s < SIGMAS.length; s++) {
            float[] log = f[FilterBank.channel(s, FilterBank.LOG)];
            int argmin = 0;
            for (int i = 1; i < log.length; i++) {
                argmin = log[i] < log[argmin] ? i : argmin;
            }
            assertEquals(centre, argmin, "LoG minimum at sigma " + SIGMAS[s]);
        }
        // scale-normalised: the 3 px blob answers most at sigma 2-4, less at 1 or 8
        float at1 = f[FilterBank.channel(0, FilterBank.LOG)][centre], at2 = f[FilterBank.channel(1, FilterBank.LOG)][centre];
        float at8 = f[FilterBank.channel(3, FilterBank.LOG)][centre];
        assertTrue(at2 < at1 && at2 < at8, at1 + " " + at2 + " " + at8);
    }

    @Test
    void aFlatPlaneHasNoStructure() {
        float[] plane = new float[32 * 32];
        java.util.Arrays.fill(plane, 0.4f);
        float[][] f = planes(new FilterBank(SIGMAS), plane, 32, 32);
        assertEquals(new FilterBank(SIGMAS).channels(), f.length);
        for (int s = 0; s < SIGMAS.length; s++) {
            assertEquals(0.4f, f[FilterBank.channel(s, FilterBank.SMOOTHED)][500], 1e-5);
            for (int k = 1; k < FilterBank.PER_SCALE; k++) {
                assertEquals(0, f[FilterBank.channel(s, k)][500], 1e-3, "channel " + new FilterBank(SIGMAS).names()[FilterBank.channel(s, k)]);
            }
        }
    }

    @Test
    void leavesItsInputUntouched() {
        float[] plane = spot(40, 30, 10, 10, 2);
        float[] copy = plane.clone();
        new FilterBank(SIGMAS).compute(plane, 40, 30, 2);
        assertArrayEquals(copy, plane);
    }

    /**
     * The grid is the full-resolution bank read at its points, edges included (a 41 x 30 plane:
     * the last column of points is pixel 40, the last row pixel 28), radiograph bands too.
     */
    @Test
    void aStrideTwoGridIsTheFullBankAtItsPoints() {
        FilterBank bank = new FilterBank(SIGMAS, new double[] {6, 12});
        float[] plane = spot(41, 30, 12, 9, 2);
        float[][] full = planes(bank, plane, 41, 30);
        float[] grid = bank.compute(plane, 41, 30, 2);
        assertEquals(21 * 15 * bank.channels(), grid.length);
        for (int j = 0; j < 15; j++) {
            for (int i = 0; i < 21; i++) {
                for (int k = 0; k < bank.channels(); k++) {
                    assertEquals(full[k][j * 2 * 41 + i * 2], grid[(j * 21 + i) * bank.channels() + k], 0f,
                            bank.names()[k] + " at point " + i + "," + j);
                }
            }
        }
    }

    /** The bank at every pixel, one plane per channel. */
    static float[][] planes(FilterBank bank, float[] plane, int w, int h) {
        float[] all = bank.compute(plane, w, h, 1);
        float[][] out = new float[bank.channels()][w * h];
        for (int i = 0; i < w * h; i++) {
            for (int k = 0; k < out.length; k++) {
                out[k][i] = all[i * out.length + k];
            }
        }
        return out;
    }

    @Test
    void refusesScalesOutOfOrder() {
        assertThrows(IllegalArgumentException.class, () -> new FilterBank(new double[] {2, 1}));
        assertThrows(IllegalArgumentException.class, () -> new FilterBank(new double[0]));
    }
}
