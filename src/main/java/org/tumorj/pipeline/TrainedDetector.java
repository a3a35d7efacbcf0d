package org.tumorj.pipeline;

import com.google.gson.JsonElement;
import java.util.ArrayList;
import java.util.List;
import org.tumorj.backbone.Backbone;
import org.tumorj.backbone.Preprocessing;
import org.tumorj.backbone.ScaledBackbone;
import org.tumorj.detect.DetectionParams;
import org.tumorj.detect.Detections;
import org.tumorj.detect.EnsembleFindings;
import org.tumorj.detect.FindingExtractor;
import org.tumorj.detect.FindingFeatures;
import org.tumorj.detect.PeakFindingExtractor;
import org.tumorj.detect.ProbabilityMaps;
import org.tumorj.detect.TiledPrediction;
import org.tumorj.features.BankCache;
import org.tumorj.features.FeatureSpec;
import org.tumorj.model.FindingScorer;
import org.tumorj.model.ModelBundle;
import org.tumorj.util.Progress;
import org.tumorj.volume.Volume;

/**
 * A model bundle ready to run: its backbone, head, preprocessing and threshold, or an ensemble's
 * members ({@link EnsembleMembers}) whose findings it fuses. The same object serves the command
 * line and Fiji, so both give the same detections for the same input.
 */
public final class TrainedDetector {
    /** Shifted passes per axis: with the default input scale, maps on an 8-pixel grid. */
    public static final int DEFAULT_REFINE = 2;

    private final Backbone backbone;
    private final ModelBundle bundle;
    private final Preprocessing preprocessing;
    private final boolean adjacentSlices;
    private final WorkingPrediction prediction;
    /** The per-pixel feature path, or null for a bundle whose head reads backbone cells (older bundles). */
    private final PixelPrediction pixels;
    /** The second stage scoring candidate findings, or null (older bundles, too few validation lesions). */
    private final FindingScorer scorer;
    /** An ensemble's members ({@link EnsembleMembers}), each a detector of its own; empty for one detector. */
    private final List<TrainedDetector> members;

    public TrainedDetector(Backbone backbone, ModelBundle bundle) {
        this.bundle = bundle;
        this.preprocessing = Preprocessing.fromJson(bundle.preprocessing().toString());
        JsonElement adjacent = bundle.training().get("adjacentSlices");
        this.adjacentSlices = adjacent != null && adjacent.getAsBoolean();
        JsonElement scale = bundle.training().get("inputScale");
        this.backbone = ScaledBackbone.of(backbone, scale == null ? 1 : scale.getAsInt());
        WorkingResolution resolution = WorkingResolution.fromTraining(bundle.training());
        JsonElement scorerRecord = bundle.training().get(FindingScorer.KEY);
        this.scorer = scorerRecord == null ? null : FindingScorer.fromJson(scorerRecord.getAsJsonObject());
        if (scorer != null) {
            FindingFeatures.requireKnown(scorer.featureNames());
        }
        this.members = EnsembleMembers.members(bundle).stream().map(m -> new TrainedDetector(backbone, m)).toList();
        JsonElement features = bundle.training().get(FeatureSpec.KEY);
        if (features == null) {
            this.prediction = new WorkingPrediction(this.backbone, bundle.denseHead(), preprocessing, adjacentSlices,
                    resolution, TiledPrediction.DEFAULT_CORE, TiledPrediction.DEFAULT_MARGIN);
            this.pixels = null;
        } else {
            FeatureSpec spec = FeatureSpec.fromJson(features.getAsJsonObject());
            this.prediction = null;
            ModelInput input = new ModelInput(preprocessing, adjacentSlices);
            this.pixels = new PixelPrediction(bundle.denseHead(), resolution, new VolumeFeatures(spec, input,
                    BackboneHypercolumns.factory(spec, this.backbone, input, bundle.training()),
                    spec.mapContext() ? MapContext.firstHead(bundle.training()) : null));
        }
        if (members.stream().anyMatch(m -> m.pixels == null)) {
            throw new IllegalArgumentException("the bundle's ensemble holds a member without per-pixel features;"
                    + " only per-pixel detectors make ensembles: retrain it");
        }
    }

    /** Whether findings come from peaks of per-pixel maps rather than thresholded cells (a {@code --features cells} or older bundle). */
    public boolean findsPeaks() {
        return pixels != null;
    }

    /** Whether a finding scorer (fitted in training) gives peak findings their scores. */
    public boolean scoresFindings() {
        return pixels != null && scorer != null;
    }

    /** The spacing radiographs are resampled to before the network sees them (native for CT, MR). */
    public WorkingResolution workingResolution() { return pixels != null ? pixels.resolution() : prediction.resolution(); }

    public ModelBundle bundle() { return bundle; }

    /** The series the model was trained on (modality, kind, SeriesDescription pattern); UNKNOWN for older bundles. */
    public TrainedSeries trainedOn() {
        return TrainedSeries.fromTraining(bundle.training());
    }

    /**
     * Detection at the bundle's threshold, body mask for CT; cell bundles with refined maps and a
     * 3 mm minimum size, peak findings with {@link #PEAK_MIN_SIZE_MM} (a 3 mm nodule's region on a
     * 2-pixel grid can be smaller than 3 mm across).
     */
    public DetectionParams defaultParams(Volume volume) {
        boolean lungFields = volume.info().isProjection() && findsInLungFields();
        DetectionParams p = DetectionParams.of(Math.max(bundle.threshold(), MIN_THRESHOLD))
                .withBodyMask("CT".equalsIgnoreCase(volume.info().modality()) || lungFields);
        return pixels != null ? p.withMinSizeMm(PEAK_MIN_SIZE_MM) : p.withMinSizeMm(3).withRefine(DEFAULT_REFINE);
    }

    /**
     * Whether findings on a radiograph come only from inside its lung fields (the bundle's
     * {@link #LUNG_FIELDS_KEY}; radiograph bundles trained since 2026-12-06, when it was measured:
     * docs/detection-quality.md). Older bundles search the whole exposed image as before.
     */
    public boolean findsInLungFields() {
        JsonElement e = bundle.training().get(LUNG_FIELDS_KEY);
        return e != null && e.isJsonPrimitive() && e.getAsBoolean();
    }

    /** The training record's key for {@link #findsInLungFields()}. */
    static final String LUNG_FIELDS_KEY = "findingsInLungFields";

    /** Smallest finding a peak bundle reports, mm (equivalent diameter of its largest cross-section). */
    public static final double PEAK_MIN_SIZE_MM = 2;
    /** DetectionParams needs a threshold above 0. */
    private static final double MIN_THRESHOLD = 1e-6;

    /** As {@link #defaultParams}, at another threshold when {@code threshold} is in (0, 1). */
    public DetectionParams params(Volume volume, double threshold) {
        DetectionParams p = defaultParams(volume);
        return threshold > 0 && threshold < 1 ? p.withThreshold(threshold) : p;
    }

    /**
     * Probability maps on the volume's own pixels, computed at the working resolution (per-pixel
     * features slice by slice, {@link PixelPrediction}; or backbone cells tile by tile,
     * {@link WorkingPrediction}); {@link #findings} turns them into findings at any threshold.
     */
    public ProbabilityMaps predict(Volume volume, DetectionParams params, Progress progress) {
        if (!members.isEmpty()) {
            // The members read the same filter banks (computed once per slice while the budget lasts),
            // and the first member's first-stage maps screen where the others look (FirstStageScreen).
            try (BankCache.Scope banks = BankCache.open(BankCache.defaultBudget())) {
                FirstStageScreen screen = new FirstStageScreen();
                List<ProbabilityMaps> each = new ArrayList<>(members.size());
                for (int m = 0; m < members.size(); m++) {
                    Progress about = progress.about("member " + (m + 1) + "/" + members.size());
                    TrainedDetector member = members.get(m);
                    each.add(member.pixels.predict(volume, about, m == 0 ? screen : null, m == 0 ? null : screen));
                }
                return ProbabilityMaps.meanOf(each);
            }
        }
        return pixels != null ? pixels.predict(volume, progress) : prediction.predict(volume, params, progress);
    }

    /** Members in the ensemble this bundle holds: 1 for a single detector. */
    public int members() {
        return Math.max(1, members.size());
    }

    /** Findings in the volume's own pixels and millimetres. */
    public Detections detect(Volume volume, String study, DetectionParams params, Progress progress) {
        Progress steps = progress.about(study);
        return findings(volume, predict(volume, params, steps), study, params, steps);
    }

    /**
     * The findings of {@code detections}' maps down to {@link PeakFindingExtractor#CANDIDATE_FLOOR}, at most
     * {@link PeakFindingExtractor#MAX_FINDINGS}: the ranked list a free-response (FROC) analysis
     * sweeps. Peaks are grown highest first, so every finding at the operating threshold is among
     * them with the same region; the others are those the threshold held back.
     */
    public Detections candidates(Volume volume, Detections detections, Progress progress) {
        DetectionParams params = detections.params();
        return findings(volume, detections.maps(), detections.study(),
                params.withThreshold(Math.min(PeakFindingExtractor.CANDIDATE_FLOOR, params.threshold())), progress);
    }

    /** Findings of maps this detector predicted: peaks for pixel bundles, thresholded components for cell bundles. */
    public Detections findings(Volume volume, ProbabilityMaps maps, String study, DetectionParams params, Progress progress) {
        if (!members.isEmpty()) {
            if (maps.members().size() != members.size()) {
                throw new IllegalArgumentException("an ensemble of " + members.size() + " finds in the maps its own"
                        + " predict() made, which keep each member's; these hold " + maps.members().size());
            }
            ProbabilityMaps shown = EnsembleFindings.masked(volume, maps, params, progress);
            DetectionParams floor = params.withThreshold(Math.min(PeakFindingExtractor.CANDIDATE_FLOOR, params.threshold()))
                    .withBodyMask(false);
            List<Detections> each = new ArrayList<>(members.size());
            for (int m = 0; m < members.size(); m++) {
                each.add(members.get(m).findings(volume, shown.members().get(m), study, floor, progress));
            }
            return EnsembleFindings.fuse(volume, shown, each, params, study);
        }
        return pixels != null ? new PeakFindingExtractor(params, scorer).extract(volume, maps, study, progress)
                : new FindingExtractor(params).extract(volume, maps, study, progress);
    }
}
