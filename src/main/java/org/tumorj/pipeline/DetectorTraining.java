package org.tumorj.pipeline;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.tumorj.backbone.Backbone;
import org.tumorj.backbone.ScaledBackbone;
import org.tumorj.dataset.LoadedStudy;
import org.tumorj.dataset.Split;
import org.tumorj.dataset.StudySplitter;
import org.tumorj.features.FeatureSpec;
import org.tumorj.metrics.EvaluationOptions;
import org.tumorj.metrics.ValidationReport;
import org.tumorj.model.ClassNames;
import org.tumorj.model.DenseHead;
import org.tumorj.model.ModelBundle;
import org.tumorj.train.FeatureSet;
import org.tumorj.train.HeadEvaluation;
import org.tumorj.train.HeadTrainer;
import org.tumorj.train.TrainingListener;
import org.tumorj.train.TrainingLog;
import org.tumorj.train.TrainingMode;
import org.tumorj.train.TrainingResult;
import org.tumorj.util.Progress;

/**
 * Trains a detector from annotated studies: patches, cached backbone features, the head,
 * validation on held-out studies, and the model bundle. The one path both {@code ./tumorj train}
 * and Fiji's "Train Tumor Detector..." take.
 */
public final class DetectorTraining {
    private final Backbone backbone;
    /** As given; a {@code modality} window is replaced per training run by the studies' modality default. */
    private final TrainSettings requested;
    private final WorkingResolution resolution;
    private final CellSampling cellSampling;
    /** Which features, made concrete for the studies' modality when training starts. */
    private final FeatureChoice choice;
    /** Whether a modality's two-stage features are trained as their first stage alone ({@link #withOneStage}). */
    private final boolean oneStage;
    /** Ensemble members to train ({@link #withMembers}); 0 for the modality's default. */
    private final int members;

    /** Radiographs at the default working spacing ({@link WorkingResolution#defaults()}). */
    public DetectorTraining(Backbone backbone, TrainSettings settings) {
        this(backbone, settings, WorkingResolution.defaults());
    }

    /** @param resolution the spacing projection images are trained (and later detected) at */
    public DetectorTraining(Backbone backbone, TrainSettings settings, WorkingResolution resolution) {
        this(backbone, settings, resolution, CellSampling.defaults(), FeatureChoice.DEFAULT, false, 0);
    }

    private DetectorTraining(Backbone backbone, TrainSettings settings, WorkingResolution resolution,
            CellSampling cellSampling, FeatureChoice choice, boolean oneStage, int members) {
        if (members < 0) {
            throw new IllegalArgumentException("ensemble members must be 1 or more (0: the modality's default), got "
                    + members);
        }
        this.backbone = backbone;
        this.requested = settings;
        this.resolution = resolution;
        this.cellSampling = cellSampling;
        this.choice = choice;
        this.oneStage = oneStage;
        this.members = members;
    }

    /**
     * The older detector: the head reads the backbone's last feature map cell by cell (stride 32
     * at input scale 1), with these training cells, and findings are thresholded components.
     * Kept for comparison; it rarely finds lesions (docs/detection-quality.md).
     */
    public DetectorTraining withCellSampling(CellSampling newCellSampling) {
        return new DetectorTraining(backbone, requested, resolution, newCellSampling, FeatureChoice.CELLS, oneStage, members);
    }

    /** This training on another choice of features ({@code --features}). */
    public DetectorTraining withFeatures(FeatureChoice newChoice) {
        return new DetectorTraining(backbone, requested, resolution, cellSampling, newChoice, oneStage, members);
    }

    /**
     * This training with one stage where the modality's default has two ({@link FeatureSpec#mapContext()}):
     * Train on This Image, where a round must stay under a minute on a 120-slice CT (two stages took
     * 141 s on 2026-12-06, one 51.5-52.2 s on 2026-12-07; docs/detection-quality.md).
     */
    public DetectorTraining withOneStage() {
        return new DetectorTraining(backbone, requested, resolution, cellSampling, choice, true, members);
    }

    /**
     * This training as an ensemble of {@code count} detectors ({@code --members}), each on its own
     * fold of the studies ({@link StudySplitter}: validated on studies the others trained on),
     * their findings fused by location; 1 trains one detector, 0 takes the modality's default
     * ({@link ModalityDefaults#members}). Only studies split here are: a split the caller makes
     * (Train on This Image's held-out slices) trains one.
     */
    public DetectorTraining withMembers(int count) {
        return new DetectorTraining(backbone, requested, resolution, cellSampling, choice, oneStage, count);
    }

    /** Trains on studies already in memory (the open image and its ROI Manager, in Fiji). */
    public ModelBundle train(List<LoadedStudy> studies, Progress progress, TrainingListener listener) {
        if (studies.size() < 2) {
            throw new IllegalArgumentException("training needs at least 2 annotated studies (one is held out for"
                    + " validation, split by study so no slice of it is seen in training); got " + studies.size());
        }
        boolean headOnly = requested.training().mode() == TrainingMode.HEAD_ONLY;
        int count = members > 0 ? members : choice == FeatureChoice.CELLS || !headOnly ? 1
                : ModalityDefaults.members(ModalityDefaults.commonKind(studies));
        List<Split<LoadedStudy>> splits = new ArrayList<>(count);
        for (int fold = 0; fold < count; fold++) {
            splits.add(StudySplitter.split(studies, requested.classes(), requested.validationFraction(),
                    requested.training().seed(), fold));
        }
        Split<LoadedStudy> first = splits.get(0);
        return train(studies, splits, String.format("studies: %d training, %d validation (split by patient/study)%s",
                first.train().size(), first.validation().size(),
                count == 1 ? "" : "; an ensemble of " + count + " members, each holding out the next share"),
                progress, listener);
    }

    /**
     * Trains on a split made by the caller: the open image's held-out slices ({@link SliceHoldout})
     * with or without other studies. Every study of the split must be in {@code studies}, and no
     * study, patient or lesion may be on both sides; the detection threshold is chosen on the
     * validation side's lesions.
     *
     * @param describe the log line that says how the split was made
     */
    public ModelBundle train(List<LoadedStudy> studies, Split<LoadedStudy> split, String describe, Progress progress,
            TrainingListener listener) {
        return train(studies, List.of(split), describe, progress, listener);
    }

    private ModelBundle train(List<LoadedStudy> studies, List<Split<LoadedStudy>> splits, String describe,
            Progress progress, TrainingListener listener) {
        Split<LoadedStudy> split = splits.get(0);
        if (split.train().isEmpty() || split.validation().isEmpty()) {
            throw new IllegalArgumentException("training needs studies (or slices) on both sides of the split: "
                    + split.train().size() + " for training, " + split.validation().size() + " for validation");
        }
        ModalityKind modality = ModalityDefaults.commonKind(studies);
        TrainSettings settings = ModalityDefaults.apply(requested, modality);
        TrainedSeries series = new TrainedSeries(modality, ModalityDefaults.commonSeriesKind(studies), settings.seriesDescription());
        progress.log(String.format("input: %s studies, series kind %s, window %s, %s", modality, series.kind(),
                settings.preprocessing().windows().get(0).name(), settings.adjacentSlices() ? "2.5D" : "2D"));
        progress.log(describe);
        ModelInput input = new ModelInput(settings.preprocessing(), settings.adjacentSlices());
        if (choice != FeatureChoice.CELLS) {
            FeatureSpec spec = choice.spec(modality);
            return new PixelTraining(backbone, settings, oneStage ? spec.firstStage() : spec, resolution, classNames())
                    .train(studies, splits, input, series, progress, listener);
        }
        if (splits.size() > 1) {
            throw new IllegalArgumentException("ensembles are made of per-pixel detectors; train the cell-level one"
                    + " (--features cells) with --members 1");
        }
        if (settings.training().mode() != TrainingMode.HEAD_ONLY) {
            throw new IllegalArgumentException("the cell-level detector trains its head only; fine-tuning needs"
                    + " --features both or hypercolumns");
        }
        DenseCellSampler cells = new DenseCellSampler(ScaledBackbone.of(backbone, settings.inputScale()),
                settings.classes(), cellSampling, settings.training().seed());
        // Cells come from the working grid; the detection threshold below is chosen through the
        // detector itself, on the original validation studies, as detection will see them.
        FeatureSet train = cells.sample(working(split.train()), input, true, progress);
        FeatureSet validation = cells.sample(working(split.validation()), input, false, progress);
        progress.log(String.format("cells: %d training (%d positive), %d validation (%d positive)",
                train.size(), train.positives(), validation.size(), validation.positives()));
        TrainingResult result = new HeadTrainer(settings.training()).train(train, validation, progress, listener);
        if (cellSampling.hardNegativesPerSlice() > 0) {
            result = withHardNegatives(result, cells, split.train(), validation, input, settings, progress, listener);
        }
        ValidationReport report = HeadEvaluation.evaluate(result.weights(), validation,
                EvaluationOptions.defaults(settings.training().seed()));
        progress.log(validationLine(report));
        JsonObject record = settings.toJson();
        record.add(TrainedSeries.KEY, series.toJson());
        resolution.recordIn(record, studies);
        ModelBundle cellLevel = ModelBundle.of(backbone.info(), settings.preprocessing().toJson(),
                settings.sampling().patchSize(), classNames(), report, settings.training().seed(), record,
                TrainingLog.toCsv(result.log()), result.weights());
        DetectionThreshold.Choice choice = DetectionThreshold.choose(new TrainedDetector(backbone, cellLevel),
                split.validation(), settings.classes(), progress);
        return cellLevel.withThreshold(choice.threshold(), "detectionThreshold", choice.record());
    }

    /**
     * The cell-level head's validation line: its AUC, with an interval only when more than one
     * validation study was resampled. No threshold: the one the model keeps is chosen next, on the
     * validation studies' lesions, and logged with what it was chosen for.
     */
    static String validationLine(ValidationReport report) {
        return "validation cells: " + report.aucText();
    }

    /**
     * One round of hard negative mining: the first head picks the negatives it scores highest on
     * every training slice (vessels, organ edges), which join fresh random ones; the head is then
     * trained again from the start on those cells. The validation cells stay as they were.
     */
    private TrainingResult withHardNegatives(TrainingResult first, DenseCellSampler cells, List<LoadedStudy> train,
            FeatureSet validation, ModelInput input, TrainSettings settings, Progress progress, TrainingListener listener) {
        FeatureSet mined = cells.withHardNegatives(new DenseHead(first.weights(), 1), cellSampling.hardNegativesPerSlice())
                .sample(working(train), input, true, progress);
        progress.log(String.format("hard negatives: %d training cells (%d positive), up to %d hard negatives per slice",
                mined.size(), mined.positives(), cellSampling.hardNegativesPerSlice()));
        return new HeadTrainer(settings.training()).train(mined, validation, progress, listener);
    }

    private List<LoadedStudy> working(List<LoadedStudy> studies) {
        return studies.stream().map(resolution::resample).toList();
    }

    private ClassNames classNames() {
        return new ClassNames(String.join("|", requested.classes().positive()),
                String.join("|", requested.classes().negative()));
    }
}
