package org.tumorj.features;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntFunction;
import org.tumorj.volume.Volume;

/**
 * The per-pixel features of one volume, slice by slice, as {@link FeatureSpec} says: the filter
 * bank of the slice, a few blob channels of the slices at {@code contextMm} above and below, and
 * hypercolumns when given. Streamed: only the grid samples of the slices within the context
 * reach are kept (2 x 10 mm: 9 slices at 2.5 mm, 33 at 0.625 mm, about 15 MB each for a 512²
 * CT slice), whatever the length of the series.
 *
 * <p>At the first and last slices the context is reflected (slice {@code -d} is slice {@code d}),
 * so a lesion on an end slice is seen as ending, not as running on as a repeated slice would make it.
 */
public final class SliceFeatures {
    private final FeatureSpec spec;
    private final Volume volume;
    private final IntFunction<float[][]> planes;
    private final Hypercolumns hypercolumns;
    private final FilterBank bank;
    private final int[] offsets;
    private final int[] contextChannels;
    private final int gridWidth;
    private final int gridHeight;
    private final Map<Integer, float[]> cache;
    /** The widest square {@link #copyDriftExtremes} searches, in grid points either side. */
    private static final int MAX_DRIFT_POINTS = 6;

    /**
     * @param planes the {@link FeatureSpec#planes()} planes of slice {@code z} the filter bank runs on
     *     (windowed to about [0, 1]), row-major
     * @param hypercolumns transfer features, or null when the spec uses none
     */
    public SliceFeatures(FeatureSpec spec, Volume volume, IntFunction<float[][]> planes, Hypercolumns hypercolumns) {
        if (spec.usesBackbone() != (hypercolumns != null)) {
            throw new IllegalArgumentException("the feature spec " + (spec.usesBackbone() ? "needs" : "has no")
                    + " hypercolumns but they were " + (hypercolumns == null ? "not given" : "given"));
        }
        this.spec = spec;
        this.volume = volume;
        this.planes = planes;
        this.hypercolumns = hypercolumns;
        this.bank = new FilterBank(spec.sigmas());
        this.offsets = spec.filters() ? sliceOffsets(spec.contextMm(), volume.info().spacingZ()) : new int[0];
        this.contextChannels = contextChannels(spec.planes(), bank.channels());
        this.gridWidth = FeatureGrid.points(volume.width(), spec.gridStride());
        this.gridHeight = FeatureGrid.points(volume.height(), spec.gridStride());
        int reach = offsets.length == 0 ? 0 : offsets[offsets.length - 1];
        int capacity = 2 * reach + 2;
        this.cache = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Integer, float[]> eldest) {
                return size() > capacity;
            }
        };
    }

    /**
     * Context distances in slices: each of {@code mm} rounded, at least 1, ascending. Two distances
     * may round to the same slice on a thick-slice series; both are kept, so every series gives
     * the head the same number of channels.
     */
    static int[] sliceOffsets(double[] mm, double spacing) {
        return java.util.Arrays.stream(mm).mapToInt(d -> Math.max(1, (int) Math.round(d / (spacing > 0 ? spacing : 1))))
                .sorted().toArray();
    }

    public int channels() {
        int filters = spec.filters() ? bankChannels() + 2 * offsets.length * (contextChannels.length + driftChannels()) : 0;
        return filters + (hypercolumns == null ? 0 : hypercolumns.channels());
    }

    /** All features of slice {@code z}. */
    public FeatureGrid slice(int z) {
        int c = channels();
        float[] out = new float[gridWidth * gridHeight * c];
        int at = 0;
        if (spec.filters()) {
            int all = bankChannels();
            at = copyChannels(bankAt(z), all, null, out, c, 0);
            for (int k = offsets.length - 1; k >= 0; k--) {
                at = copyChannels(bankAt(reflect(z - offsets[k])), all, contextChannels, out, c, at);
            }
            for (int d : offsets) {
                at = copyChannels(bankAt(reflect(z + d)), all, contextChannels, out, c, at);
            }
            if (spec.contextDrift() > 0) {
                for (int k = offsets.length - 1; k >= 0; k--) {
                    at = copyDriftExtremes(reflect(z - offsets[k]), offsets[k], out, c, at);
                }
                for (int d : offsets) {
                    at = copyDriftExtremes(reflect(z + d), d, out, c, at);
                }
            }
        }
        if (hypercolumns != null) {
            copyChannels(hypercolumns.sample(z, gridWidth, gridHeight, spec.gridStride()), hypercolumns.channels(), null,
                    out, c, at);
        }
        return new FeatureGrid(out, gridWidth, gridHeight, c, spec.gridStride());
    }

    /**
     * The blob channels a neighbouring slice contributes, of each plane: smoothed and LoG at the
     * bank's second scale, LoG at its third (2 and 4 px with the default scales).
     */
    private static int[] contextChannels(int planes, int perPlane) {
        int[] kinds = {FilterBank.channel(1, FilterBank.SMOOTHED), FilterBank.channel(1, FilterBank.LOG),
            FilterBank.channel(2, FilterBank.LOG)};
        int[] out = new int[planes * kinds.length];
        for (int p = 0; p < planes; p++) {
            for (int k = 0; k < kinds.length; k++) {
                out[p * kinds.length + k] = p * perPlane + kinds[k];
            }
        }
        return out;
    }

    /** Channels {@link #copyDriftExtremes} adds per context slice: the lowest and highest LoG of each plane. */
    private int driftChannels() {
        return spec.contextDrift() > 0 ? 2 * spec.planes() : 0;
    }

    /**
     * The lowest and the highest LoG (at the bank's second scale) of slice {@code zz} within the
     * square a vessel may have drifted to over {@code slices} slices: a bright vessel that runs on
     * gives a strongly negative minimum there even when it has left the point itself, where a
     * nodule that has ended gives none.
     */
    private int copyDriftExtremes(int zz, int slices, float[] out, int outChannels, int at) {
        double spacing = Math.max(1e-6, Math.min(volume.info().spacingX(), volume.info().spacingY()));
        double mm = slices * Math.abs(volume.info().spacingZ() > 0 ? volume.info().spacingZ() : spacing);
        int radius = (int) Math.max(1, Math.min(MAX_DRIFT_POINTS, Math.round(spec.contextDrift() * mm / (spacing * spec.gridStride()))));
        float[] grid = bankAt(zz);
        int all = bankChannels(), points = gridWidth * gridHeight;
        for (int p = 0; p < spec.planes(); p++) {
            int channel = p * bank.channels() + FilterBank.channel(1, FilterBank.LOG);
            float[] log = new float[points];
            for (int k = 0; k < points; k++) {
                log[k] = grid[k * all + channel];
            }
            float[] low = extreme(log, radius, false), high = extreme(log, radius, true);
            for (int k = 0; k < points; k++) {
                out[k * outChannels + at] = low[k];
                out[k * outChannels + at + 1] = high[k];
            }
            at += 2;
        }
        return at;
    }

    /** The minimum (or maximum) of {@code values} on the grid over a square of half-width {@code radius}, separably. */
    private float[] extreme(float[] values, int radius, boolean max) {
        float[] rows = new float[values.length], out = new float[values.length];
        for (int j = 0; j < gridHeight; j++) {
            for (int i = 0; i < gridWidth; i++) {
                float e = values[j * gridWidth + i];
                for (int x = Math.max(0, i - radius); x <= Math.min(gridWidth - 1, i + radius); x++) {
                    float v = values[j * gridWidth + x];
                    e = max ? Math.max(e, v) : Math.min(e, v);
                }
                rows[j * gridWidth + i] = e;
            }
        }
        for (int j = 0; j < gridHeight; j++) {
            for (int i = 0; i < gridWidth; i++) {
                float e = rows[j * gridWidth + i];
                for (int y = Math.max(0, j - radius); y <= Math.min(gridHeight - 1, j + radius); y++) {
                    float v = rows[y * gridWidth + i];
                    e = max ? Math.max(e, v) : Math.min(e, v);
                }
                out[j * gridWidth + i] = e;
            }
        }
        return out;
    }

    /** Reflects a slice index into the volume: -1 is 1, depth is depth - 2 (a single slice is itself). */
    int reflect(int z) {
        int last = volume.depth() - 1;
        if (last == 0) {
            return 0;
        }
        int period = 2 * last;
        int r = Math.floorMod(z, period);
        return r > last ? period - r : r;
    }

    /** The filter bank of slice {@code z} at the grid points, channel-last (cached). */
    private float[] bankAt(int z) {
        return cache.computeIfAbsent(z, this::computeBank);
    }

    private int bankChannels() {
        return spec.planes() * bank.channels();
    }

    /** The bank of every plane of slice {@code z}, plane after plane, at the grid points. */
    private float[] computeBank(int z) {
        float[][] input = this.planes.apply(z);
        float[][] planes = new float[bankChannels()][];
        for (int k = 0; k < input.length; k++) {
            System.arraycopy(bank.compute(input[k], volume.width(), volume.height()), 0, planes, k * bank.channels(),
                    bank.channels());
        }
        int c = planes.length, s = spec.gridStride(), w = volume.width();
        float[] grid = new float[gridWidth * gridHeight * c];
        for (int j = 0; j < gridHeight; j++) {
            for (int i = 0; i < gridWidth; i++) {
                int src = j * s * w + i * s, dst = (j * gridWidth + i) * c;
                for (int k = 0; k < c; k++) {
                    grid[dst + k] = planes[k][src];
                }
            }
        }
        return grid;
    }

    /** Copies {@code channels} (all when null) of a channel-last grid into {@code out} from channel {@code at}. */
    private int copyChannels(float[] src, int srcChannels, int[] channels, float[] out, int outChannels, int at) {
        int n = channels == null ? srcChannels : channels.length;
        int points = gridWidth * gridHeight;
        for (int p = 0; p < points; p++) {
            int from = p * srcChannels, to = p * outChannels + at;
            if (channels == null) {
                System.arraycopy(src, from, out, to, n);
            } else {
                for (int k = 0; k < n; k++) {
                    out[to + k] = src[from + channels[k]];
                }
            }
        }
        return at + n;
    }
}
