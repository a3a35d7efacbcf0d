package org.tumorj.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.tumorj.detect.ProbabilityMap;
import org.tumorj.detect.ProbabilityMaps;
import org.tumorj.features.BankCache;
import org.tumorj.features.FeatureGrid;
import org.tumorj.features.FeatureSpec;
import org.tumorj.features.SliceFeatures;
import org.tumorj.model.DenseHead;
import org.tumorj.util.Progress;
import org.tumorj.volume.Volume;

/**
 * Dense prediction from per-pixel features: each slice's features ({@link SliceFeatures},
 * streamed) go through the head point by point, giving a probability map on the feature grid;
 * a radiograph is first area-averaged to its working grid and its maps described on the original
 * pixels ({@link WorkingGrid#toOriginal}). Only the maps outlive a slice.
 */
final class PixelPrediction {
    private final FeatureSpec spec;
    private final DenseHead head;
    private final WorkingResolution resolution;
    private final VolumeFeatures volumeFeatures;

    PixelPrediction(DenseHead head, WorkingResolution resolution, VolumeFeatures volumeFeatures) {
        this.spec = volumeFeatures.spec();
        this.head = head;
        this.resolution = resolution;
        this.volumeFeatures = volumeFeatures;
    }

    WorkingResolution resolution() { return resolution; }

    ProbabilityMaps predict(Volume volume, Progress progress) {
        return predict(volume, progress, null, null);
    }

    /**
     * As {@link #predict(Volume, Progress)} for a member of an ensemble: the first member keeps
     * its first-stage maps in {@code keep}, the later ones are screened by them ({@code by};
     * {@link FirstStageScreen}). Either may be null.
     */
    ProbabilityMaps predict(Volume volume, Progress progress, FirstStageScreen keep, FirstStageScreen by) {
        WorkingGrid grid = resolution.gridFor(volume.info());
        Volume working = grid.toWorking(volume);
        VolumeFeatures.Stages features = features(working, by);
        List<ProbabilityMap> maps = new ArrayList<>(working.depth());
        int width = FeatureGrid.points(working.width(), spec.gridStride());
        int height = FeatureGrid.points(working.height(), spec.gridStride());
        for (int z = 0; z < working.depth(); z++) {
            progress.checkCancelled();
            float[] values = probabilities(features, z);
            if (keep != null) {
                keep.record(z, features.firstStage() == null ? values : features.firstStage().firstMap(z));
            }
            maps.add(new ProbabilityMap(values, width, height, spec.gridStride(), 0));
            progress.update("Dense detection", z + 1, working.depth());
        }
        return grid.toOriginal(new ProbabilityMaps(maps, working.width(), working.height()));
    }

    private VolumeFeatures.Stages features(Volume working, FirstStageScreen screen) {
        VolumeFeatures.Stages f = volumeFeatures.stages(working, screen);
        if (f.features().channels() != head.featureChannels()) {
            throw new IllegalArgumentException("the head reads " + head.featureChannels() + " features per pixel but "
                    + spec.families() + " gives " + f.features().channels() + "; the bundle is inconsistent, retrain it");
        }
        return f;
    }

    /**
     * The map of slice {@code z} on the feature grid. Under an active {@link BankCache}, the map
     * of features made of the same banks ({@link SliceFeatures#madeOf}) read by the same head is
     * computed once: a training round predicts a slab's slices and then, away from the slab's
     * ends, the same features again in the whole series. A screened map is not shared: it depends
     * on the screen.
     */
    private float[] probabilities(VolumeFeatures.Stages stages, int z) {
        SliceFeatures features = stages.features();
        BankCache shared = features.sharedCache();
        Object madeOf = shared == null ? null : features.madeOf(z);
        if (madeOf == null || stages.screen() != null) {
            return stages.probabilities(head, z);
        }
        return shared.derived(List.of("probability " + head.contentKey(), madeOf), () -> stages.probabilities(head, z));
    }
}
