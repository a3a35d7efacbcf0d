package org.tumorj.pipeline;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.tumorj.backbone.Backbone;
import org.tumorj.backbone.BackboneInfo;
import org.tumorj.backbone.ScaledBackbone;
import org.tumorj.dataset.LoadedStudy;
import org.tumorj.dataset.Split;
import org.tumorj.detect.ProbabilityMaps;
import org.tumorj.features.BankCache;
import org.tumorj.features.FeatureSpec;
import org.tumorj.features.GridChannels;
import org.tumorj.features.Pca;
import org.tumorj.metrics.EvaluationOptions;
import org.tumorj.metrics.ValidationReport;
import org.tumorj.model.ClassNames;
import org.tumorj.model.DenseHead;
import org.tumorj.model.FindingScorer;
import org.tumorj.model.HeadWeights;
import org.tumorj.model.ModelBundle;
import org.tumorj.train.FeatureSet;
import org.tumorj.train.HeadEvaluation;
import org.tumorj.train.HeadTrainer;
import org.tumorj.train.TrainingListener;
import org.tumorj.train.TrainingLog;
import org.tumorj.train.TrainingMode;
import org.tumorj.train.TrainingOptions;
import org.tumorj.train.TrainingResult;
import org.tumorj.util.Progress;
import org.tumorj.volume.Volume;

/**
 * Trains the head on per-pixel features ({@link PixelSampler}): a first head, one round of hard
 * negatives mined with it, the final head, its logits shifted to the real prior of tumour pixels
 * (the head is trained on balanced classes, which would otherwise saturate the map), and the
 * detection threshold chosen on the validation studies' lesions. With top-block fine-tuning
 * ({@link BackboneFineTuning}) the hypercolumns come from the fine-tuned network, which the
 * bundle then carries.
 *
 * <p>The bundle's backbone record names the pretrained network (id and weights checksum, checked
 * on loading) with the per-pixel feature count as its channels and the feature grid as its stride.
 */
final class PixelTraining {
    /** Minibatch and learning rate for tens of thousands of pixel examples (cells came in hundreds). */
    static final int BATCH = 256;
    static final double LEARNING_RATE = 1e-3;

    /** The pretrained network; with top-block fine-tuning, the starting point only. */
    private final Backbone backbone;
    private final TrainSettings settings;
    private final FeatureSpec spec;
    private final WorkingResolution resolution;
    private final ClassNames classNames;

    PixelTraining(Backbone backbone, TrainSettings settings, FeatureSpec spec, WorkingResolution resolution,
            ClassNames classNames) {
        this.backbone = backbone;
        this.settings = settings;
        this.spec = spec;
        this.resolution = resolution;
        this.classNames = classNames;
    }

    /**
     * Trains one detector per split, the first on the first (an ensemble when there are several:
     * {@link EnsembleMembers}; the others with the seed counted up from this one's), within one
     * {@link BankCache} scope: every study's filter banks are read in up to five
     * passes (sampling and hard negatives per stage, the maps the finding scorer and the threshold
     * are fitted on) and computed once for the slices the budget keeps (within an outer scope, Train
     * on This Image's, that one). One detector takes half the default budget: 16 CT studies trained
     * in 113 s with it, 114 s with the whole (142 s with none), at 6.4 GB peak resident memory
     * instead of 8.3 GB (3.5 GB with none); the same head, byte for byte. An ensemble takes the
     * whole, since its members read the banks again.
     */
    ModelBundle train(List<LoadedStudy> all, List<Split<LoadedStudy>> splits, ModelInput input, TrainedSeries series,
            Progress progress, TrainingListener listener) {
        if (splits.size() > 1 && settings.training().mode() != TrainingMode.HEAD_ONLY) {
            throw new IllegalArgumentException("an ensemble's members train their heads only (each fine-tuned network"
                    + " would be a bundle of its own): train " + splits.size() + " members without --fine-tune, or"
                    + " one member with it");
        }
        long budget = splits.size() > 1 ? BankCache.defaultBudget() : BankCache.defaultBudget() / 2;
        try (BankCache.Scope banks = BankCache.open(budget)) {
            List<ModelBundle> members = new ArrayList<>(splits.size());
            for (int m = 0; m < splits.size(); m++) {
                PixelTraining member = this;
                if (m > 0) {
                    Split<LoadedStudy> split = splits.get(m);
                    progress.log(String.format("ensemble member %d of %d: %d training, %d validation studies, seed %d",
                            m + 1, splits.size(), split.train().size(), split.validation().size(),
                            settings.training().seed() + m));
                    member = new PixelTraining(backbone, settings.withSeed(settings.training().seed() + m), spec,
                            resolution, classNames);
                }
                members.add(member.trainCached(all, splits.get(m), input, series, progress, listener));
            }
            progress.log("filter banks: " + banks.cache());
            if (members.size() == 1) {
                return members.get(0);
            }
            ModelBundle ensemble = EnsembleMembers.combine(members);
            progress.log(String.format("ensemble of %d members: detection threshold %.3g, the mean of theirs",
                    members.size(), ensemble.threshold()));
            return ensemble;
        }
    }

    private ModelBundle trainCached(List<LoadedStudy> all, Split<LoadedStudy> split, ModelInput input,
            TrainedSeries series, Progress progress, TrainingListener listener) {
        List<LoadedStudy> train = split.train().stream().map(resolution::resample).toList();
        List<LoadedStudy> validationStudies = split.validation().stream().map(resolution::resample).toList();
        if (settings.training().mode() == TrainingMode.HEAD_ONLY) {
            return train(backbone, all, split, train, validationStudies, input, series, progress, listener);
        }
        if (settings.training().mode() != TrainingMode.TOP_BLOCKS_UNFROZEN || !spec.usesBackbone()) {
            throw new IllegalArgumentException("the pixel detector fine-tunes only top blocks of the network whose"
                    + " hypercolumns it reads: use --features both or hypercolumns with --fine-tune N (got "
                    + settings.training().mode() + " with features " + spec.families() + ")");
        }
        try (BackboneFineTuning.Tuned tuned = BackboneFineTuning.run(settings, input, train, validationStudies, progress,
                listener)) {
            return train(tuned.backbone(), all, split, train, validationStudies, input, series, progress, listener)
                    .withBundledBackbone(tuned.network().toBundled());
        }
    }

    private ModelBundle train(Backbone network, List<LoadedStudy> all, Split<LoadedStudy> split, List<LoadedStudy> train,
            List<LoadedStudy> validationStudies, ModelInput input, TrainedSeries series, Progress progress,
            TrainingListener listener) {
        long seed = settings.training().seed();
        progress.log("features: " + spec.families() + ", every " + spec.gridStride() + " px");
        Map<String, Pca> projections = Map.of();
        Function<Volume, GridChannels> hypercolumns = null;
        if (spec.usesBackbone()) {
            Backbone scaled = ScaledBackbone.of(network, settings.inputScale());
            projections = BackboneHypercolumns.fit(spec, scaled, input, train, seed, progress);
            hypercolumns = BackboneHypercolumns.factory(spec, scaled, input, projections);
        }
        TrainingOptions options = settings.training().withMode(TrainingMode.HEAD_ONLY, 0)
                .withOptimizer(LEARNING_RATE, settings.training().weightDecay(), BATCH);
        VolumeFeatures oneStage = new VolumeFeatures(spec.firstStage(), input, hypercolumns, null);
        Stage stage = trainStage(oneStage, train, validationStudies, options, progress, listener);
        HeadWeights firstHead = null;
        if (spec.mapContext()) {
            firstHead = stage.weights();
            progress.log(String.format("first stage: validation pixels AUC %.3f; the second reads its map",
                    HeadEvaluation.evaluate(firstHead, stage.validation(), EvaluationOptions.defaults(seed)).auc().estimate()));
            stage = trainStage(new VolumeFeatures(spec, input, hypercolumns, new DenseHead(firstHead, 1)), train,
                    validationStudies, options, progress, listener);
        }
        TrainingResult result = stage.result();
        FeatureSet validation = stage.validation();
        double prior = stage.prior();
        HeadWeights weights = stage.weights();
        ValidationReport report = HeadEvaluation.evaluate(weights, validation, EvaluationOptions.defaults(seed));
        progress.log(String.format("validation pixels: AUC %.3f; tumour prior %.2g", report.auc().estimate(),
                1 / (1 + Math.exp(-prior))));
        JsonObject record = settings.toJson();
        record.add(TrainedSeries.KEY, series.toJson());
        record.add(FeatureSpec.KEY, spec.toJson());
        record.addProperty("priorLogit", prior);
        if (firstHead != null) {
            MapContext.record(record, firstHead);
        }
        record.addProperty(TrainedDetector.LUNG_FIELDS_KEY, chestRadiographs(all));
        if (!projections.isEmpty()) {
            record.add(BackboneHypercolumns.KEY, BackboneHypercolumns.toJson(projections));
        }
        record.addProperty("batchSize", BATCH);
        record.addProperty("learningRate", LEARNING_RATE);
        resolution.recordIn(record, all);
        BackboneInfo b = network.info();
        BackboneInfo features = new BackboneInfo(b.id(), b.sha256(), b.inputSize(), spec.gridStride(),
                weights.featureChannels());
        ModelBundle bundle = ModelBundle.of(features, settings.preprocessing().toJson(), settings.sampling().patchSize(),
                classNames, report, seed, record, TrainingLog.toCsv(result.log()), weights).withTemperature(1);
        TrainedDetector plain = new TrainedDetector(network, bundle);
        List<ProbabilityMaps> maps = DetectionThreshold.predict(plain, split.validation(), progress);
        FindingScorerTraining.Fit fit = FindingScorerTraining.fit(plain, split.train(), split.validation(), maps,
                settings.classes(), progress);
        progress.log(fit.scorer() == null ? "finding scorer: not fitted, " + fit.record().get("why").getAsString()
                : "finding scorer: fitted on " + fit.record().get("candidates") + " candidates, "
                        + fit.record().get("onLesions") + " on lesions");
        if (fit.scorer() != null) {
            JsonObject scorer = fit.scorer().toJson();
            fit.record().entrySet().forEach(e -> scorer.add(e.getKey(), e.getValue()));
            bundle = bundle.withTrainingRecord(FindingScorer.KEY, scorer);
        }
        DetectionThreshold.Choice choice = DetectionThreshold.choose(new TrainedDetector(network, bundle),
                split.validation(), maps, settings.classes(), progress);
        return bundle.withThreshold(choice.threshold(), "detectionThreshold", choice.record());
    }

    /**
     * Whether the studies are chest radiographs as far as the headers tell: CR or DX (DR) images,
     * not mammograms, fluoroscopy or dental images, whose findings must not be cut to lung fields.
     */
    static boolean chestRadiographs(List<LoadedStudy> studies) {
        return !studies.isEmpty() && studies.stream()
                .map(s -> s.volume().info().modality().toUpperCase(Locale.ROOT))
                .allMatch(m -> m.equals("CR") || m.equals("DX") || m.equals("DR"));
    }

    /** One stage's head (prior-shifted), its training run, validation pixels and the prior's log-odds. */
    private record Stage(TrainingResult result, HeadWeights weights, FeatureSet validation, double prior) {}

    /**
     * A first head on the sampled pixels, one round of hard negatives mined with it, the final head,
     * shifted to the real prior of tumour pixels.
     */
    private Stage trainStage(VolumeFeatures features, List<LoadedStudy> train, List<LoadedStudy> validationStudies,
            TrainingOptions options, Progress progress, TrainingListener listener) {
        PixelSampler sampler = new PixelSampler(features, settings.classes(), settings.training().seed());
        FeatureSet first = sampler.sample(train, progress);
        double prior = sampler.priorLogit();
        FeatureSet validation = sampler.sample(validationStudies, progress);
        log(progress, "pixels", first, validation);
        TrainingResult firstHead = new HeadTrainer(options).train(first, validation, progress, listener);
        FeatureSet mined = sampler.withHardNegatives(new DenseHead(firstHead.weights(), 1)).sample(train, progress);
        log(progress, "with hard negatives", mined, validation);
        TrainingResult result = new HeadTrainer(options).train(mined, validation, progress, listener);
        return new Stage(result, withPrior(result.weights(), prior), validation, prior);
    }

    /** The head with {@code prior} added to its output bias: balanced-class log-odds become real-prior log-odds. */
    static HeadWeights withPrior(HeadWeights w, double prior) {
        return new HeadWeights(w.featureChannels(), w.hiddenUnits(), w.kernel1(), w.bias1(), w.kernel2(),
                (float) (w.bias2() + prior));
    }

    private static void log(Progress progress, String what, FeatureSet train, FeatureSet validation) {
        progress.log(String.format("%s: %d training (%d positive), %d validation (%d positive), %d features", what,
                train.size(), train.positives(), validation.size(), validation.positives(), train.featureChannels()));
    }
}
