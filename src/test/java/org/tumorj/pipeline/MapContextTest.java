package org.tumorj.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** What the second stage of a two-stage detector reads from the first stage's map. */
class MapContextTest {
    private static final int W = 9, H = 7, DEPTH = 12;
    private static final float LOW = 1e-4f;

    private static double logit(double p) {
        return Math.log(p / (1 - p));
    }

    /** A first-stage map 1e-4 everywhere but {@code p} at (x, y) on the given slices. */
    private static MapContext spot(int x, int y, float p, int... slices) {
        return new MapContext(z -> {
            float[] m = new float[W * H];
            Arrays.fill(m, LOW);
            if (Arrays.stream(slices).anyMatch(s -> s == z)) {
                m[y * W + x] = p;
            }
            return m;
        }, DEPTH);
    }

    private static float channel(MapContext c, int z, int x, int y, int k) {
        return c.sample(z, W, H, 2)[(y * W + x) * MapContext.CHANNELS + k];
    }

    @Test
    void inPlaneTheValueAndWhatSurroundsIt() {
        MapContext c = spot(4, 3, 0.9f, 2);
        assertEquals(logit(0.9), channel(c, 2, 4, 3, 0), 1e-5);
        assertEquals(logit(LOW), channel(c, 2, 6, 3, 0), 1e-3);
        assertEquals(logit(0.9), channel(c, 2, 5, 4, 1), 1e-5, "within one cell: the peak");
        assertEquals(logit(LOW), channel(c, 2, 6, 3, 1), 1e-3, "two cells away: not within one");
        assertEquals(logit(0.9), channel(c, 2, 7, 0, 2), 1e-5, "within three cells");
        assertEquals(0, channel(c, 2, 4, 3, 4), 1e-6, "the peak is its own neighbourhood's largest");
        assertEquals(logit(0.9) - logit(LOW), channel(c, 2, 6, 3, 4), 1e-3, "a shoulder lies below it");
    }

    /** The second stage looks again within 3 points of where the first stage reaches the floor, and nowhere else. */
    @Test
    void theSecondLookIsNearTheFirstStagesResponse() {
        MapContext c = spot(1, 5, 0.01f, 2);
        int[] points = c.pointsReaching(2, W, H, 1e-3f);
        int[] expected = java.util.stream.IntStream.range(0, W * H)
                .filter(p -> p % W <= 4 && p / W >= 2).toArray(); // x 0-4 (clipped at 0), y 2-6 (clipped at 6)
        assertArrayEquals(expected, points);
        assertEquals(0, c.pointsReaching(3, W, H, 1e-3f).length, "a slice under the floor everywhere: no second look");
        assertEquals(W * H, c.pointsReaching(3, W, H, LOW).length, "at the floor itself: everywhere");
    }

    /** The in-plane windows on a map of many values, edges included, as the definition reads them point by point. */
    @Test
    void theWindowsAreTheMaximaAndMeanOfTheClampedNeighbourhood() {
        java.util.Random random = new java.util.Random(7);
        float[] map = new float[W * H];
        for (int k = 0; k < map.length; k++) {
            map[k] = (float) Math.pow(10, -6 * random.nextDouble());
        }
        MapContext c = new MapContext(z -> map, DEPTH);
        float[] channels = c.sample(4, W, H, 2);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                double near = Double.NEGATIVE_INFINITY, around = Double.NEGATIVE_INFINITY, sum = 0;
                for (int dy = -3; dy <= 3; dy++) {
                    for (int dx = -3; dx <= 3; dx++) {
                        double v = (float) logit(map[Math.max(0, Math.min(H - 1, y + dy)) * W
                                + Math.max(0, Math.min(W - 1, x + dx))]);
                        around = Math.max(around, v);
                        sum += v;
                        if (Math.abs(dx) <= 1 && Math.abs(dy) <= 1) {
                            near = Math.max(near, v);
                        }
                    }
                }
                int o = (y * W + x) * MapContext.CHANNELS;
                assertEquals(near, channels[o + 1], 1e-5, "largest within one at " + x + "," + y);
                assertEquals(around, channels[o + 2], 1e-5, "largest within three at " + x + "," + y);
                assertEquals(sum / 49, channels[o + 3], 1e-5, "mean within three at " + x + "," + y);
            }
        }
    }

    @Test
    void alongTheSeriesAVesselRunsOnAndANoduleEnds() {
        MapContext vessel = spot(4, 3, 0.9f, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
        MapContext nodule = spot(4, 3, 0.9f, 5);
        for (int k = 5; k <= 10; k += 2) { // larger of above/below, then smaller, at 1, 2, 4 slices
            assertEquals(logit(0.9), channel(vessel, 5, 4, 3, k), 1e-5);
            assertEquals(logit(0.9), channel(vessel, 5, 4, 3, k + 1), 1e-5);
            assertEquals(logit(LOW), channel(nodule, 5, 4, 3, k), 1e-3);
        }
    }

    @Test
    void eachStepAlongTheSeriesHasItsOwnChannels() {
        MapContext fourAbove = spot(4, 3, 0.9f, 9); // read from slice 5: only the step of 4 reaches it
        assertEquals(logit(LOW), channel(fourAbove, 5, 4, 3, 5), 1e-3);
        assertEquals(logit(LOW), channel(fourAbove, 5, 4, 3, 7), 1e-3);
        assertEquals(logit(0.9), channel(fourAbove, 5, 4, 3, 9), 1e-5, "the larger at 4 slices");
        assertEquals(logit(LOW), channel(fourAbove, 5, 4, 3, 10), 1e-3, "the smaller at 4 slices");
        MapContext twoBelow = spot(4, 3, 0.9f, 3);
        assertEquals(logit(0.9), channel(twoBelow, 5, 4, 3, 7), 1e-5);
        assertEquals(logit(LOW), channel(twoBelow, 5, 4, 3, 9), 1e-3);
    }

    @Test
    void theEndsAreReflectedAsTheFilterBanksContextIs() {
        MapContext c = spot(4, 3, 0.9f, 1);
        // from slice 0, slice -1 is slice 1: both neighbours one slice away hold the spot
        assertEquals(logit(0.9), channel(c, 0, 4, 3, 6), 1e-5);
        MapContext last = spot(4, 3, 0.9f, DEPTH - 3);
        // from the last slice, two slices on is two slices back
        assertEquals(logit(0.9), channel(last, DEPTH - 1, 4, 3, 8), 1e-5);
    }

    @Test
    void aMapOfAnotherGridIsRefused() {
        MapContext c = new MapContext(z -> new float[W * H - 1], DEPTH);
        assertThrows(IllegalStateException.class, () -> c.sample(0, W, H, 2));
    }

    @Test
    void aRadiographsOneSliceIsItsOwnContext() {
        MapContext c = new MapContext(z -> {
            assertEquals(0, z);
            float[] m = new float[W * H];
            Arrays.fill(m, 0.5f);
            return m;
        }, 1);
        float[] v = c.sample(0, W, H, 2);
        assertTrue(Arrays.stream(toDouble(v)).allMatch(x -> Math.abs(x) < 1e-6), "logit 0.5 = 0 everywhere, 0 below peak");
    }

    private static double[] toDouble(float[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return d;
    }
}
