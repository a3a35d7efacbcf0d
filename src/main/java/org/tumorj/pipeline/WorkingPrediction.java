package org.tumorj.pipeline;

import org.tumorj.backbone.Backbone;
import org.tumorj.backbone.Preprocessing;
import org.tumorj.detect.DenseDetector;
import org.tumorj.detect.DetectionParams;
import org.tumorj.detect.ProbabilityMaps;
import org.tumorj.detect.TiledPrediction;
import org.tumorj.model.Head;
import org.tumorj.util.Progress;
import org.tumorj.volume.Volume;

/**
 * Probability maps of a series as the model was trained to see it, on the series' own pixels:
 * the series is area-averaged to its working grid (radiographs, see {@link WorkingResolution}),
 * windows are resolved on the working image (exposed field only), the dense detector runs tile by
 * tile ({@link TiledPrediction}, so memory does not grow with the image), and the maps are
 * described on the original pixels ({@link WorkingGrid#toOriginal}). Findings are then extracted
 * on the original image, so contours, boxes and centres are original pixels and areas use the
 * original spacing. A series on its native grid that fits one tile takes exactly the old path.
 */
final class WorkingPrediction {
    private final Backbone backbone;
    private final Head head;
    private final Preprocessing preprocessing;
    private final boolean adjacentSlices;
    private final WorkingResolution resolution;
    private final int tileCore;
    private final int tileMargin;

    /** @param backbone already scaled by the bundle's input scale */
    WorkingPrediction(Backbone backbone, Head head, Preprocessing preprocessing, boolean adjacentSlices,
            WorkingResolution resolution, int tileCore, int tileMargin) {
        this.backbone = backbone;
        this.head = head;
        this.preprocessing = preprocessing;
        this.adjacentSlices = adjacentSlices;
        this.resolution = resolution;
        this.tileCore = tileCore;
        this.tileMargin = tileMargin;
    }

    WorkingResolution resolution() { return resolution; }

    ProbabilityMaps predict(Volume volume, DetectionParams params, Progress progress) {
        WorkingGrid grid = resolution.gridFor(volume.info());
        Volume working = grid.toWorking(volume);
        ModelInput input = ModelInput.forVolume(preprocessing, adjacentSlices, working);
        DenseDetector detector = new DenseDetector(backbone, head, input, params);
        ProbabilityMaps maps = new TiledPrediction(detector, tileCore, tileMargin).predict(working, progress);
        return grid.toOriginal(maps);
    }
}
