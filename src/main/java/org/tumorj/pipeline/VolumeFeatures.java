package org.tumorj.pipeline;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.tumorj.detect.PeakFindingExtractor;
import org.tumorj.features.BankCache;
import org.tumorj.features.FeatureGrid;
import org.tumorj.features.FeatureSpec;
import org.tumorj.features.GridChannels;
import org.tumorj.features.SliceFeatures;
import org.tumorj.model.DenseHead;
import org.tumorj.util.Recent;
import org.tumorj.volume.Volume;

/**
 * Makes the per-pixel features of a working volume as a spec says, the one recipe training's
 * sampler and dense prediction share: the filter bank on the input's planes, the hypercolumns when
 * the spec taps the backbone, and for a two-stage spec ({@link FeatureSpec#mapContext()}) the first
 * head's map read through {@link MapContext}, the second stage reading the banks the first computed.
 */
final class VolumeFeatures implements Function<Volume, SliceFeatures> {
    private final FeatureSpec spec;
    private final ModelInput input;
    private final Function<Volume, GridChannels> hypercolumns;
    private final DenseHead firstHead;

    /**
     * @param hypercolumns the transfer features of a working volume, or null when the spec uses none
     * @param firstHead the first stage's head (prior-corrected) when the spec has two stages, else null
     */
    VolumeFeatures(FeatureSpec spec, ModelInput input, Function<Volume, GridChannels> hypercolumns, DenseHead firstHead) {
        if (spec.mapContext() != (firstHead != null)) {
            throw new IllegalArgumentException("features " + spec.families() + (spec.mapContext()
                    ? " need a first-stage head" : " have one stage but a first-stage head was given"));
        }
        this.spec = spec;
        this.input = input;
        this.hypercolumns = hypercolumns;
        this.firstHead = firstHead;
    }

    FeatureSpec spec() {
        return spec;
    }

    @Override
    public SliceFeatures apply(Volume working) {
        return stages(working).features();
    }

    /**
     * The features of a working volume and, for a two-stage spec, the first stage's map they read,
     * with the map a head gives each slice. A second-stage head scores only the points where the
     * first stage's map reaches {@link #SECOND_LOOK_FLOOR} within {@link MapContext#AROUND} grid
     * points; elsewhere the map keeps the first stage's value, which is below that floor too.
     */
    record Stages(SliceFeatures features, MapContext firstStage, FirstStageScreen screen) {
        float[] probabilities(DenseHead head, int z) {
            if (firstStage == null) {
                return screen == null ? VolumeFeatures.probabilities(head, features.slice(z))
                        : screen.probabilities(head, features, z);
            }
            float[] out = firstStage.firstMap(z).clone();
            int[] points = firstStage.pointsReaching(z, features.gridWidth(), features.gridHeight(), SECOND_LOOK_FLOOR);
            float[] logits = head.logits(features.valuesAt(z, points), features.channels(), points.length);
            for (int k = 0; k < points.length; k++) {
                out[points[k]] = (float) head.probability(logits[k]);
            }
            return out;
        }
    }

    /**
     * The first-stage probability below which, within {@link MapContext#AROUND} grid points, a point
     * gets no second look: the floor of the ranked list ({@link PeakFindingExtractor#CANDIDATE_FLOOR}),
     * under which no finding is reported. Most of a CT slice (air, fat, muscle) lies there.
     */
    static final float SECOND_LOOK_FLOOR = (float) PeakFindingExtractor.CANDIDATE_FLOOR;

    /** See {@link Stages}. */
    Stages stages(Volume working) {
        return stages(working, null);
    }

    /**
     * As {@link #stages(Volume)}, the first stage screened by an earlier ensemble member's maps
     * ({@link FirstStageScreen}) when {@code screen} is not null.
     */
    Stages stages(Volume working, FirstStageScreen screen) {
        FeatureSpec first = spec.firstStage();
        GridChannels transfer = hypercolumns == null ? null : hypercolumns.apply(working);
        if (transfer != null && firstHead != null) { // both stages read them: one backbone pass per slice
            transfer = GridChannels.recent(transfer, 2 * SliceFeatures.LOOKAHEAD_SLICES + 2);
        }
        SliceFeatures base = new SliceFeatures(first, working,
                ModelInput.featurePlanes(first, input.forVolume(working), working), transfer);
        if (firstHead == null) {
            return new Stages(base, null, screen);
        }
        if (firstHead.featureChannels() != base.channels()) {
            throw new IllegalArgumentException("the first-stage head reads " + firstHead.featureChannels()
                    + " features per pixel but " + first.families() + " gives " + base.channels()
                    + "; the bundle is inconsistent, retrain it");
        }
        MapContext context = new MapContext(firstMaps(base, screen), working.depth());
        return new Stages(base.plus(spec, context), context, screen);
    }

    /**
     * The first head's map of each slice on the grid, computed when the second stage first asks
     * for it ({@link MapContext} reads up to {@link SliceFeatures#LOOKAHEAD_SLICES} ahead and as
     * far back) and the last few kept.
     */
    private IntFunction<float[]> firstMaps(SliceFeatures base, FirstStageScreen screen) {
        int keep = 2 * SliceFeatures.LOOKAHEAD_SLICES + 2;
        Map<Integer, float[]> recent = Recent.keeping(keep);
        return z -> recent.computeIfAbsent(z, k -> screen == null ? firstMap(base, k)
                : screen.probabilities(firstHead, base, k));
    }

    /**
     * The first head's map of slice {@code z}, under an active {@link BankCache} computed once for
     * features made of the same banks: training's second stage reads it in every pass (sampling,
     * hard negatives, the maps of the finding scorer).
     */
    private float[] firstMap(SliceFeatures base, int z) {
        BankCache shared = base.sharedCache();
        Object madeOf = shared == null ? null : base.madeOf(z);
        if (madeOf == null) {
            return probabilities(firstHead, base.slice(z));
        }
        return shared.derived(List.of("first stage " + firstHead.contentKey(), madeOf),
                () -> probabilities(firstHead, base.slice(z)));
    }

    /** The head's probability at every point of a feature grid. */
    static float[] probabilities(DenseHead head, FeatureGrid g) {
        float[] p = head.logits(g.values(), g.channels(), g.width() * g.height());
        for (int k = 0; k < p.length; k++) {
            p[k] = (float) head.probability(p[k]);
        }
        return p;
    }
}
