package org.tumorj.pipeline;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.tumorj.features.GridChannels;
import org.tumorj.features.SliceFeatures;
import org.tumorj.model.DenseHead;
import org.tumorj.model.HeadWeights;
import org.tumorj.model.HeadWeightsFile;
import org.tumorj.util.Recent;

/**
 * The second stage of a two-stage detector ({@code FeatureSpec.mapContext()}, auto-context in
 * the sense of Tu and Bai): channels read from the first head's map on the feature grid, so that
 * the second head judges a point by the first head's opinion of its surroundings. In-plane, the
 * logit at the point, the largest logit within 1 and 3 cells, the mean within 3 cells and how far
 * the point lies below that largest one (a peak or its shoulder); along the series, the larger and
 * the smaller logit at the same point 1, 2 and 4 slices above and below (a response that runs on
 * through the slices is a vessel; one that ends, a nodule), reflected at the ends as the filter
 * bank's context is.
 */
final class MapContext implements GridChannels {
    static final int CHANNELS = 11;
    /** Training record key of the first head's weights (base64 of {@link HeadWeightsFile}). */
    static final String FIRST_HEAD_KEY = "firstStageHead";
    /** Slices above and below read; the farthest is as far as the first stage may run ahead of the second. */
    private static final int[] SLICE_STEPS = {1, 2, SliceFeatures.LOOKAHEAD_SLICES};
    private static final int NEAR = 1;
    /** The in-plane reach of the context, in grid points either side. */
    static final int AROUND = 3;
    /** Logits of probabilities 0 and 1, which the map holds after the prior shift far from lesions. */
    private static final double CLAMP = 1e-6;

    private final IntFunction<float[]> firstMaps;
    private final int depth;
    /**
     * The logits of the first-stage maps last read, each with the map it was computed from: the
     * maps are still asked for on every read, so that their own cache keeps the slices it keeps.
     */
    private final Map<Integer, Logits> recentLogits = Recent.keeping(2 * SliceFeatures.LOOKAHEAD_SLICES + 2);

    private record Logits(float[] of, float[] values) {}

    /** @param firstMaps the first stage's map of each slice on the feature grid, probabilities */
    MapContext(IntFunction<float[]> firstMaps, int depth) {
        this.firstMaps = firstMaps;
        this.depth = depth;
    }

    /** The first stage's head of a two-stage bundle, as its training record holds it. */
    static DenseHead firstHead(JsonObject training) {
        if (!training.has(FIRST_HEAD_KEY)) {
            throw new IllegalArgumentException("the bundle's features need a first stage but its training record holds"
                    + " no '" + FIRST_HEAD_KEY + "'; retrain it");
        }
        try {
            HeadWeights w = HeadWeightsFile.fromBytes(Base64.getDecoder().decode(training.get(FIRST_HEAD_KEY).getAsString()),
                    "the bundle's " + FIRST_HEAD_KEY);
            return new DenseHead(w, 1);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("the bundle's first-stage head cannot be read (" + e.getMessage()
                    + "); retrain it", e);
        }
    }

    static void record(JsonObject training, HeadWeights firstHead) {
        training.addProperty(FIRST_HEAD_KEY, Base64.getEncoder().encodeToString(HeadWeightsFile.toBytes(firstHead)));
    }

    @Override
    public int channels() {
        return CHANNELS;
    }

    @Override
    public float[] sample(int z, int gridWidth, int gridHeight, int stride) {
        float[] centre = logits(z, gridWidth * gridHeight);
        float[][] along = new float[2 * SLICE_STEPS.length][];
        for (int k = 0; k < SLICE_STEPS.length; k++) {
            along[2 * k] = logits(reflect(z - SLICE_STEPS[k]), centre.length);
            along[2 * k + 1] = logits(reflect(z + SLICE_STEPS[k]), centre.length);
        }
        // The windows are separable: each row's extremes and sums first, then down the columns
        // (edges clamped, as a window reaching past them repeats the edge point).
        float[] rowNear = new float[centre.length], rowAround = new float[centre.length];
        double[] rowSum = new double[centre.length];
        for (int j = 0; j < gridHeight; j++) {
            int row = j * gridWidth;
            for (int i = 0; i < gridWidth; i++) {
                float near = Float.NEGATIVE_INFINITY, around = Float.NEGATIVE_INFINITY;
                double sum = 0;
                for (int di = -AROUND; di <= AROUND; di++) {
                    float v = centre[row + Math.max(0, Math.min(gridWidth - 1, i + di))];
                    around = Math.max(around, v);
                    sum += v;
                    if (Math.abs(di) <= NEAR) {
                        near = Math.max(near, v);
                    }
                }
                rowNear[row + i] = near;
                rowAround[row + i] = around;
                rowSum[row + i] = sum;
            }
        }
        float[] out = new float[centre.length * CHANNELS];
        for (int j = 0; j < gridHeight; j++) {
            for (int i = 0; i < gridWidth; i++) {
                int p = j * gridWidth + i, o = p * CHANNELS;
                float near = Float.NEGATIVE_INFINITY, around = Float.NEGATIVE_INFINITY;
                double sum = 0;
                for (int dj = -AROUND; dj <= AROUND; dj++) {
                    int q = Math.max(0, Math.min(gridHeight - 1, j + dj)) * gridWidth + i;
                    around = Math.max(around, rowAround[q]);
                    sum += rowSum[q];
                    if (Math.abs(dj) <= NEAR) {
                        near = Math.max(near, rowNear[q]);
                    }
                }
                out[o] = centre[p];
                out[o + 1] = near;
                out[o + 2] = around;
                out[o + 3] = (float) (sum / ((2 * AROUND + 1) * (2 * AROUND + 1)));
                out[o + 4] = around - centre[p];
                for (int k = 0; k < SLICE_STEPS.length; k++) {
                    float below = along[2 * k][p], above = along[2 * k + 1][p];
                    out[o + 5 + 2 * k] = Math.max(below, above);
                    out[o + 6 + 2 * k] = Math.min(below, above);
                }
            }
        }
        return out;
    }

    /** The first stage's map of slice {@code z} (probabilities on the grid); not to be modified. */
    float[] firstMap(int z) {
        return firstMaps.apply(z);
    }

    /**
     * The grid points of slice {@code z} where the first stage's map reaches {@code floor} within
     * {@link #AROUND} points either side, in ascending order.
     */
    int[] pointsReaching(int z, int gridWidth, int gridHeight, float floor) {
        return pointsReaching(firstMap(z), gridWidth, gridHeight, floor, AROUND);
    }

    /** The points of a map on a grid where it reaches {@code floor} within {@code reach} points either side, ascending. */
    static int[] pointsReaching(float[] map, int gridWidth, int gridHeight, float floor, int reach) {
        boolean[] above = new boolean[map.length];
        for (int j = 0; j < gridHeight; j++) {
            for (int i = 0; i < gridWidth; i++) {
                if (map[j * gridWidth + i] < floor) {
                    continue;
                }
                for (int y = Math.max(0, j - reach); y <= Math.min(gridHeight - 1, j + reach); y++) {
                    Arrays.fill(above, y * gridWidth + Math.max(0, i - reach),
                            y * gridWidth + Math.min(gridWidth - 1, i + reach) + 1, true);
                }
            }
        }
        return IntStream.range(0, map.length).filter(k -> above[k]).toArray();
    }

    /** Slice -k is slice k, slice n - 1 + k is slice n - 1 - k: the filter bank's context rule. */
    private int reflect(int z) {
        if (depth == 1) {
            return 0;
        }
        int period = 2 * (depth - 1);
        int m = Math.floorMod(z, period);
        return m < depth ? m : period - m;
    }

    /** Slice {@code z}'s first-stage logits, computed once per first-stage map while the slices around it are sampled. */
    private float[] logits(int z, int points) {
        float[] p = firstMaps.apply(z);
        if (p.length != points) {
            throw new IllegalStateException("first-stage map of slice " + z + " has " + p.length + " points, the grid "
                    + points);
        }
        Logits kept = recentLogits.get(z);
        if (kept == null || kept.of() != p) {
            kept = new Logits(p, logitsOf(p));
            recentLogits.put(z, kept);
        }
        return kept.values();
    }

    private static float[] logitsOf(float[] p) {
        int points = p.length;
        float[] out = new float[points];
        for (int k = 0; k < points; k++) {
            double q = Math.min(Math.max(p[k], CLAMP), 1 - CLAMP);
            out[k] = (float) Math.log(q / (1 - q));
        }
        return out;
    }
}
