package org.tumorj.features;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.tumorj.util.Recent;
import org.tumorj.volume.Volume;

/**
 * The per-pixel features of one volume, slice by slice, as {@link FeatureSpec} says: the filter
 * bank of the slice, a few blob channels of the slices at {@code contextMm} above and below, and
 * the {@link GridChannels} (hypercolumns, a first stage's map) when given. Streamed: only the grid
 * samples of the slices within the context reach are kept (2 x 10 mm: 9 slices at 2.5 mm, 33 at
 * 0.625 mm, about 15 MB each for a 512² CT slice), whatever the length of the series.
 *
 * <p>At the first and last slices the context is reflected (slice {@code -d} is slice {@code d}),
 * so a lesion on an end slice is seen as ending, not as running on as a repeated slice would make it.
 */
public final class SliceFeatures {
    private final FeatureSpec spec;
    private final Volume volume;
    private final IntFunction<float[][]> planes;
    private final GridChannels gridChannels;
    private final FilterBank bank;
    private final int[] offsets;
    private final int[] contextChannels;
    private final int gridWidth;
    private final int gridHeight;
    /** Per context offset, how far {@link #driftExtremes} searches, in grid points either side. */
    private final int[] driftRadii;
    private final Map<Integer, SliceBank> cache;
    /** What the banks are computed with besides the planes: their key in a shared {@link BankCache}. */
    private final BankCache.Recipe recipe;
    /** The cache active on the thread that made these features (null: none), whichever thread reads them. */
    private final BankCache shared;
    /**
     * How far ahead of the features being read a two-stage detector's first stage reads ({@link #plus}):
     * its map four slices on; the banks of those slices are kept too.
     */
    public static final int LOOKAHEAD_SLICES = 4;
    /** The widest square {@link #driftExtremes} searches, in grid points either side. */
    private static final int MAX_DRIFT_POINTS = 6;

    /**
     * One slice's filter bank at the grid points, channel-last, and for each context offset the
     * drift extremes it gives as a context slice ({@link #driftExtremes}; none without drift).
     */
    private record SliceBank(float[] grid, float[][] drift) {}

    /**
     * @param planes the {@link FeatureSpec#planes()} planes of slice {@code z} the filter bank runs on
     *     (windowed to about [0, 1]), row-major
     * @param gridChannels channels beside the filter bank ({@link FeatureSpec#hasGridChannels()}), or null
     */
    public SliceFeatures(FeatureSpec spec, Volume volume, IntFunction<float[][]> planes, GridChannels gridChannels) {
        if (spec.hasGridChannels() != (gridChannels != null)) {
            throw new IllegalArgumentException("the feature spec " + (spec.hasGridChannels() ? "needs" : "has no")
                    + " channels beside the filter bank but they were " + (gridChannels == null ? "not given" : "given"));
        }
        this.spec = spec;
        this.volume = volume;
        this.planes = planes;
        this.gridChannels = gridChannels;
        this.shared = BankCache.active();
        this.bank = new FilterBank(spec.sigmas(), spec.convergenceRadii());
        this.offsets = spec.filters() ? sliceOffsets(spec.contextMm(), volume.info().spacingZ()) : new int[0];
        this.contextChannels = contextChannels(spec.planes(), bank.channels());
        this.gridWidth = FeatureGrid.points(volume.width(), spec.gridStride());
        this.gridHeight = FeatureGrid.points(volume.height(), spec.gridStride());
        int reach = offsets.length == 0 ? 0 : offsets[offsets.length - 1];
        int capacity = 2 * reach + 2 + LOOKAHEAD_SLICES;
        this.driftRadii = spec.contextDrift() > 0 ? driftRadii(volume) : new int[0];
        this.recipe = new BankCache.Recipe(volume.width(), volume.height(), spec.gridStride(), boxed(spec.sigmas()),
                boxed(spec.convergenceRadii()), Arrays.stream(driftRadii).boxed().toList());
        this.cache = Recent.keeping(capacity);
    }

    /** A view of {@code base} with other grid channels, sharing its banks (see {@link #plus}). */
    private SliceFeatures(SliceFeatures base, FeatureSpec spec, GridChannels gridChannels) {
        this.spec = spec;
        this.volume = base.volume;
        this.planes = base.planes;
        this.gridChannels = gridChannels;
        this.bank = base.bank;
        this.offsets = base.offsets;
        this.contextChannels = base.contextChannels;
        this.gridWidth = base.gridWidth;
        this.gridHeight = base.gridHeight;
        this.driftRadii = base.driftRadii;
        this.recipe = base.recipe;
        this.cache = base.cache;
        this.shared = base.shared;
    }

    /**
     * These features followed by {@code more} channels, as {@code spec} (these features' spec with
     * {@link FeatureSpec#mapContext()}) describes them: a two-stage detector's second stage, which
     * reads the filter banks its first stage computed (each slice's bank is computed once, as long
     * as the first stage reads at most {@link #LOOKAHEAD_SLICES} slices ahead).
     */
    public SliceFeatures plus(FeatureSpec spec, GridChannels more) {
        if (!spec.firstStage().equals(this.spec)) {
            throw new IllegalArgumentException("a second stage's features " + spec.families() + " must extend these, "
                    + this.spec.families());
        }
        return new SliceFeatures(this, spec, GridChannels.concat(gridChannels, more));
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
        return filters + (gridChannels == null ? 0 : gridChannels.channels());
    }

    /** All features of slice {@code z}. */
    public FeatureGrid slice(int z) {
        return new FeatureGrid(valuesAt(z, null), gridWidth, gridHeight, channels(), spec.gridStride());
    }

    /**
     * The features of slice {@code z} at the given grid points only ({@code y * gridWidth() + x};
     * all, in grid order, when null), one vector of {@link #channels()} after another: what a head
     * that scores a few points of a slice reads, without assembling the rest.
     */
    public float[] valuesAt(int z, int[] points) {
        int c = channels();
        float[] out = new float[(points == null ? gridWidth * gridHeight : points.length) * c];
        int at = 0;
        if (spec.filters()) {
            int all = bankChannels();
            at = copyChannels(bankAt(z).grid(), all, null, points, out, c, 0);
            for (int k = offsets.length - 1; k >= 0; k--) {
                at = copyChannels(bankAt(reflect(z - offsets[k])).grid(), all, contextChannels, points, out, c, at);
            }
            for (int d : offsets) {
                at = copyChannels(bankAt(reflect(z + d)).grid(), all, contextChannels, points, out, c, at);
            }
            int drift = driftChannels();
            for (int k = driftRadii.length - 1; k >= 0; k--) {
                at = copyChannels(bankAt(reflect(z - offsets[k])).drift()[k], drift, null, points, out, c, at);
            }
            for (int k = 0; k < driftRadii.length; k++) {
                at = copyChannels(bankAt(reflect(z + offsets[k])).drift()[k], drift, null, points, out, c, at);
            }
        }
        if (gridChannels != null) {
            copyChannels(gridChannels.sample(z, gridWidth, gridHeight, spec.gridStride()), gridChannels.channels(), null,
                    points, out, c, at);
        }
        return out;
    }

    /** Grid points per row of each slice's features. */
    public int gridWidth() { return gridWidth; }

    /** Grid rows of each slice's features. */
    public int gridHeight() { return gridHeight; }

    /** The {@link BankCache} these features share banks through, or null. */
    public BankCache sharedCache() {
        return shared;
    }

    /**
     * What the features of slice {@code z} are assembled from, as a key equal for equal features:
     * the layout (recipe, context offsets and channels) and, by identity, the banks of the slice
     * and of its context slices in the order {@link #slice} copies them. Null unless each of those
     * banks is kept by the active {@link BankCache} (the one object for its planes) and there are
     * no grid channels; a null says nothing, a key equal to another says the features are equal.
     */
    public Object madeOf(int z) {
        if (shared == null || gridChannels != null || !spec.filters()) {
            return null;
        }
        List<Object> parts = new ArrayList<>();
        parts.add(recipe);
        parts.add(Arrays.stream(offsets).boxed().toList());
        parts.add(Arrays.stream(contextChannels).boxed().toList());
        parts.add(spec.planes());
        List<Integer> sources = new ArrayList<>(List.of(z));
        for (int k = offsets.length - 1; k >= 0; k--) {
            sources.add(reflect(z - offsets[k]));
        }
        for (int d : offsets) {
            sources.add(reflect(z + d));
        }
        for (int source : sources) {
            float[] grid = bankAt(source).grid();
            if (!shared.keeps(grid)) {
                return null;
            }
            parts.add(new Same(grid));
        }
        return parts;
    }

    /** An object compared by identity: a kept bank's grid. */
    private record Same(Object object) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Same s && s.object == object;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(object);
        }
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

    /** Channels {@link #driftExtremes} gives per context slice: the lowest and highest LoG of each plane. */
    private int driftChannels() {
        return spec.contextDrift() > 0 ? 2 * spec.planes() : 0;
    }

    /** Per context offset, the square a vessel may have drifted to over that many slices, in grid points either side. */
    private int[] driftRadii(Volume volume) {
        double spacing = Math.max(1e-6, Math.min(volume.info().spacingX(), volume.info().spacingY()));
        double slice = volume.info().spacingZ() > 0 ? volume.info().spacingZ() : spacing;
        return Arrays.stream(offsets).map(d -> (int) Math.max(1, Math.min(MAX_DRIFT_POINTS,
                Math.round(spec.contextDrift() * d * slice / (spacing * spec.gridStride()))))).toArray();
    }

    /**
     * The lowest and the highest LoG (at the bank's second scale) of each plane of one slice's
     * {@code grid} within a square of half-width {@code radius}, channel-last: a bright vessel that
     * runs on gives a strongly negative minimum there even when it has left the point itself,
     * where a nodule that has ended gives none.
     */
    private float[] driftExtremes(float[] grid, int radius) {
        int all = bankChannels(), points = gridWidth * gridHeight, channels = driftChannels();
        float[] out = new float[points * channels];
        for (int p = 0; p < spec.planes(); p++) {
            int channel = p * bank.channels() + FilterBank.channel(1, FilterBank.LOG);
            float[] log = new float[points];
            for (int k = 0; k < points; k++) {
                log[k] = grid[k * all + channel];
            }
            for (int m = 0; m < 2; m++) {
                boolean max = m == 1;
                float[] rows = extremeAlong(log, gridHeight, gridWidth, gridWidth, 1, radius, max);
                float[] square = extremeAlong(rows, gridWidth, 1, gridHeight, gridWidth, radius, max);
                for (int k = 0; k < points; k++) {
                    out[k * channels + 2 * p + m] = square[k];
                }
            }
        }
        return out;
    }

    /**
     * The running minimum (or maximum) over {@code radius} points either side along one axis of
     * the grid: {@code lines} lines of {@code length} points, point {@code i} of line {@code l}
     * at {@code l * lineStep + i * pointStep}. Van Herk's algorithm: blocks of one window's
     * length, the extreme so far from each block's start and to each block's end; any window
     * spans at most two blocks, so three comparisons per point whatever the radius.
     */
    static float[] extremeAlong(float[] values, int lines, int lineStep, int length, int pointStep, int radius,
            boolean max) {
        int window = 2 * radius + 1;
        int padded = (length + 2 * radius + window - 1) / window * window;
        float neutral = max ? Float.NEGATIVE_INFINITY : Float.POSITIVE_INFINITY;
        float[] line = new float[padded], fromStart = new float[padded], toEnd = new float[padded];
        float[] out = new float[values.length];
        for (int l = 0; l < lines; l++) {
            int base = l * lineStep;
            for (int t = 0; t < padded; t++) {
                int i = t - radius;
                line[t] = i >= 0 && i < length ? values[base + i * pointStep] : neutral;
            }
            for (int t = 0; t < padded; t++) {
                fromStart[t] = t % window == 0 ? line[t] : extreme(fromStart[t - 1], line[t], max);
            }
            for (int t = padded - 1; t >= 0; t--) {
                toEnd[t] = t % window == window - 1 ? line[t] : extreme(toEnd[t + 1], line[t], max);
            }
            for (int i = 0; i < length; i++) {
                out[base + i * pointStep] = extreme(toEnd[i], fromStart[i + 2 * radius], max);
            }
        }
        return out;
    }

    private static float extreme(float a, float b, boolean max) {
        return max ? Math.max(a, b) : Math.min(a, b);
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

    /** The filter bank of slice {@code z} at the grid points and its drift extremes (cached). */
    private SliceBank bankAt(int z) {
        return cache.computeIfAbsent(z, this::computeBank);
    }

    private static List<Double> boxed(double[] values) {
        return Arrays.stream(values).boxed().toList();
    }

    private int bankChannels() {
        return spec.planes() * bank.channels();
    }

    /** The bank of slice {@code z}: the active {@link BankCache}'s when it holds these planes, else computed. */
    private SliceBank computeBank(int z) {
        float[][] input = this.planes.apply(z);
        if (shared == null) {
            return computeBank(input);
        }
        BankCache.Bank b = shared.get(recipe, input, () -> {
            SliceBank computed = computeBank(input);
            return new BankCache.Bank(computed.grid(), computed.drift());
        });
        return new SliceBank(b.grid(), b.drift());
    }

    /** The bank of every plane, plane after plane, at the grid points. */
    private SliceBank computeBank(float[][] input) {
        int perPlane = bank.channels(), c = bankChannels(), points = gridWidth * gridHeight;
        float[] grid = new float[points * c];
        // Planes (CT's two windows) in parallel: each bank has single-threaded stretches (BoofCV's
        // border convolution, the derivative channels) that the other plane's work can fill.
        IntStream.range(0, input.length).parallel().forEach(k -> {
            float[] plane = bank.compute(input[k], volume.width(), volume.height(), spec.gridStride());
            for (int p = 0; p < points; p++) {
                System.arraycopy(plane, p * perPlane, grid, p * c + k * perPlane, perPlane);
            }
        });
        float[][] drift = IntStream.range(0, driftRadii.length).parallel()
                .mapToObj(k -> driftExtremes(grid, driftRadii[k])).toArray(float[][]::new);
        return new SliceBank(grid, drift);
    }

    /**
     * Copies {@code channels} (all when null) of a channel-last grid at {@code points} (all when
     * null) into {@code out}, the k-th point's from channel {@code at} of its vector.
     */
    private int copyChannels(float[] src, int srcChannels, int[] channels, int[] points, float[] out, int outChannels,
            int at) {
        int n = channels == null ? srcChannels : channels.length;
        int count = points == null ? gridWidth * gridHeight : points.length;
        for (int i = 0; i < count; i++) {
            int p = points == null ? i : points[i];
            int from = p * srcChannels, to = i * outChannels + at;
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
