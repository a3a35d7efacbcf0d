package org.tumorj.pipeline;

import com.google.gson.JsonElement;
import org.tumorj.backbone.Backbone;
import org.tumorj.backbone.Preprocessing;
import org.tumorj.backbone.ScaledBackbone;
import org.tumorj.detect.DetectionParams;
import org.tumorj.detect.Detections;
import org.tumorj.detect.FindingExtractor;
import org.tumorj.detect.ProbabilityMaps;
import org.tumorj.detect.TiledPrediction;
import org.tumorj.model.ModelBundle;
import org.tumorj.util.Progress;
import org.tumorj.volume.Volume;

/**
 * A model bundle ready to run: its backbone, head, preprocessing and threshold. The same object
 * serves the command line and Fiji, so both give the same detections for the same input.
 */
public final class TrainedDetector {
    /** Shifted passes per axis: with the default input scale, maps on an 8-pixel grid. */
    public static final int DEFAULT_REFINE = 2;

    private final Backbone backbone;
    private final ModelBundle bundle;
    private final Preprocessing preprocessing;
    private final boolean adjacentSlices;
    private final WorkingPrediction prediction;

    public TrainedDetector(Backbone backbone, ModelBundle bundle) {
        this.bundle = bundle;
        this.preprocessing = Preprocessing.fromJson(bundle.preprocessing().toString());
        JsonElement adjacent = bundle.training().get("adjacentSlices");
        this.adjacentSlices = adjacent != null && adjacent.getAsBoolean();
        JsonElement scale = bundle.training().get("inputScale");
        this.backbone = ScaledBackbone.of(backbone, scale == null ? 1 : scale.getAsInt());
        this.prediction = new WorkingPrediction(this.backbone, bundle.denseHead(), preprocessing, adjacentSlices,
                WorkingResolution.fromTraining(bundle.training()), TiledPrediction.DEFAULT_CORE,
                TiledPrediction.DEFAULT_MARGIN);
    }

    /** The spacing radiographs are resampled to before the network sees them (native for CT, MR). */
    public WorkingResolution workingResolution() { return prediction.resolution(); }

    public ModelBundle bundle() { return bundle; }

    /** The series the model was trained on (modality, kind, SeriesDescription pattern); UNKNOWN for older bundles. */
    public TrainedSeries trainedOn() {
        return TrainedSeries.fromTraining(bundle.training());
    }

    /** Detection at the bundle's threshold, 3 mm minimum size, refined maps, body mask for CT. */
    public DetectionParams defaultParams(Volume volume) {
        return DetectionParams.of(bundle.threshold()).withMinSizeMm(3).withRefine(DEFAULT_REFINE)
                .withBodyMask("CT".equalsIgnoreCase(volume.info().modality()));
    }

    /** As {@link #defaultParams}, at another threshold when {@code threshold} is in (0, 1). */
    public DetectionParams params(Volume volume, double threshold) {
        DetectionParams p = defaultParams(volume);
        return threshold > 0 && threshold < 1 ? p.withThreshold(threshold) : p;
    }

    /**
     * Probability maps on the volume's own pixels (computed at the working resolution, tile by
     * tile; see {@link WorkingPrediction}); {@link FindingExtractor} turns them into findings at any threshold.
     */
    public ProbabilityMaps predict(Volume volume, DetectionParams params, Progress progress) {
        return prediction.predict(volume, params, progress);
    }

    /** Findings in the volume's own pixels and millimetres. */
    public Detections detect(Volume volume, String study, DetectionParams params, Progress progress) {
        return new FindingExtractor(params).extract(volume, predict(volume, params, progress), study, progress);
    }
}
