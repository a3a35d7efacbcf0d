package org.tumorj.features;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The radiograph filter bank's plane: contrast in units of its surroundings' spread. */
class LocalContrastTest {
    private static final int SIZE = 96;

    /** Textured background (sd about 0.1) with a bright disc of radius 5 at (cx, cy). */
    private static float[] plane(double offset, double scale, int cx, int cy, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] p = new float[SIZE * SIZE];
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                double disc = (x - cx) * (x - cx) + (y - cy) * (y - cy) <= 25 ? 0.3 : 0;
                p[y * SIZE + x] = (float) (offset + scale * (0.1 * r.nextGaussian() + disc));
            }
        }
        return p;
    }

    @Test
    void aBrighterOrSteeperDisplayCurveReadsTheSame() {
        float[] plain = LocalContrast.of(plane(0.2, 1, 48, 48, 1), SIZE, SIZE, 16);
        float[] other = LocalContrast.of(plane(0.5, 1.5, 48, 48, 1), SIZE, SIZE, 16);
        int centre = 48 * SIZE + 48;
        // offset cancels exactly; the scale only through the spread floor (0.01 beside a spread of 0.1-0.15)
        assertEquals(plain[centre], other[centre], 0.05 * Math.abs(plain[centre]));
        assertEquals(plain[10 * SIZE + 10], other[10 * SIZE + 10], 0.1);
    }

    @Test
    void aNoduleReadsAlikeOverDarkAndBrightSurroundings() {
        float[] dark = LocalContrast.of(plane(0.05, 1, 48, 48, 2), SIZE, SIZE, 16);
        float[] bright = LocalContrast.of(plane(0.65, 1, 48, 48, 2), SIZE, SIZE, 16);
        assertEquals(dark[48 * SIZE + 48], bright[48 * SIZE + 48], 1e-3);
    }

    @Test
    void aFlatPlaneStaysFlat() {
        float[] flat = new float[SIZE * SIZE];
        Arrays.fill(flat, 0.7f);
        for (float v : LocalContrast.of(flat, SIZE, SIZE, 16)) {
            assertEquals(0, v, 1e-3);
        }
    }
}
