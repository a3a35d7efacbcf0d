package org.tumorj.train;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.tumorj.backbone.BackboneInfo;
import org.tumorj.backbone.EmbeddedMobileNet;
import org.tumorj.backbone.MobileNetGraph;
import org.tumorj.backbone.tfjs.TfjsModel;
import org.tumorj.model.HeadWeights;
import org.tumorj.util.Progress;

/**
 * Trains the head together with MobileNetV2 on image patches:
 * {@link TrainingMode#TOP_BLOCKS_UNFROZEN} (the top {@code unfrozenBlocks} blocks train at
 * {@code learningRate * backboneLearningRateFactor}, the rest stays frozen) or
 * {@link TrainingMode#FROM_SCRATCH} (the same network, every layer trainable, from Keras-style
 * random weights, batch-norm statistics measured on the training patches, see
 * {@link ScratchInitialization}). Same loop as {@link HeadTrainer}: Adam on minibatches, weighted
 * cross-entropy, dropout, weight decay, early stopping on the validation loss keeping the best
 * epoch, cancel checked before every step, a seed fixing the result (with one TensorFlow
 * thread, {@code -Dtumorj.train.threads=1}, the default).
 *
 * <p>The head sees the embedding standardised with the mean and SD of the training patches'
 * embeddings at the start (fixed for the run, folded into the head afterwards), as in
 * head-only training.
 */
public final class FineTuner {
    /** TensorFlow intra-op threads for fine-tuning; more is faster but no longer bitwise reproducible. */
    public static final String THREADS_PROPERTY = "tumorj.train.threads";
    private final TrainingOptions options;
    /** Patches whose batch moments set the batch-norm statistics of a network trained from scratch. */
    private static final int CALIBRATION_PATCHES = 64;
    private final TfjsModel model;
    private final BackboneInfo base;

    /** Fine-tunes the embedded MobileNetV2. */
    public FineTuner(TrainingOptions options) throws IOException {
        this(options, EmbeddedMobileNet.model(), EmbeddedMobileNet.INFO);
    }

    /** Fine-tunes {@code model} (a Keras MobileNetV2 with its layer names), identified as {@code base}. */
    public FineTuner(TrainingOptions options, TfjsModel model, BackboneInfo base) {
        if (options.mode() == TrainingMode.HEAD_ONLY) {
            throw new IllegalArgumentException("HEAD_ONLY trains on cached features: use HeadTrainer");
        }
        if (options.mode() == TrainingMode.TOP_BLOCKS_UNFROZEN
                && (options.unfrozenBlocks() < 1 || options.unfrozenBlocks() > MobileNetGraph.BLOCKS)) {
            throw new IllegalArgumentException("TOP_BLOCKS_UNFROZEN needs unfrozenBlocks in 1.." + MobileNetGraph.BLOCKS
                    + ", got " + options.unfrozenBlocks());
        }
        this.options = options;
        this.model = model;
        this.base = base;
    }

    /** The Keras layers this run trains (besides the head). */
    public Set<String> trainableLayers() {
        int blocks = options.mode() == TrainingMode.FROM_SCRATCH ? MobileNetGraph.BLOCKS : options.unfrozenBlocks();
        return MobileNetGraph.topBlockLayers(model, blocks);
    }

    public FineTuningResult train(PatchImages train, PatchImages validation, Progress progress, TrainingListener listener) {
        checkData(train, validation);
        progress.checkCancelled();
        boolean scratch = options.mode() == TrainingMode.FROM_SCRATCH;
        SplittableRandom random = new SplittableRandom(options.seed());
        HeadWeights initial = HeadInitializer.glorotUniform(base.featureChannels(), options.hiddenUnits(), random);
        int threads = Math.max(1, Integer.getInteger(THREADS_PROPERTY, 1));
        TfjsModel start = scratch ? ScratchInitialization.calibrated(model, options.seed(),
                train.batch(calibrationRows(train.count())), Math.min(train.count(), CALIBRATION_PATCHES), train.size())
                : model;
        progress.checkCancelled();
        try (FineTuningGraph graph = new FineTuningGraph(start, trainableLayers(), false, options.seed(), train.size(),
                initial, options.learningRate(), options.learningRate() * options.backboneLearningRateFactor(),
                options.weightDecay(), threads)) {
            FeatureStandardizer standardizer = options.standardizeFeatures()
                    ? FeatureStandardizer.fit(embeddings(graph, train, progress))
                    : FeatureStandardizer.identity(base.featureChannels());
            graph.standardize(standardizer.mean(), standardizer.std());
            FineTuningRun run = new FineTuningRun(graph, train, validation, random, progress);
            TrainingResult result = run.epochs(listener);
            TrainingResult head = new TrainingResult(standardizer.fold(result.weights()), result.bestEpoch(),
                    result.log(), result.stoppedEarly(), options);
            String description = scratch ? "FROM_SCRATCH" : "TOP_BLOCKS_UNFROZEN, " + options.unfrozenBlocks() + " blocks";
            return new FineTuningResult(head, FineTunedBackbone.of(start, base, run.bestBackbone, false,
                    options.seed(), description));
        }
    }

    /** Up to {@link #CALIBRATION_PATCHES} patches spread over the training set. */
    private static int[] calibrationRows(int count) {
        int n = Math.min(count, CALIBRATION_PATCHES);
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = (int) ((long) i * count / n);
        }
        return rows;
    }

    private void checkData(PatchImages train, PatchImages validation) {
        EpochLoop.requireBothClassesAndValidation(train.positives(), train.count(), validation.count());
        if (validation.size() != train.size()) {
            throw new IllegalArgumentException("validation patches are " + validation.size() + " pixels, training patches "
                    + train.size() + "; sample both at one size");
        }
    }

    /** Pooled embeddings of every patch (for the standardisation), cancel checked per batch. */
    private float[][] embeddings(FineTuningGraph graph, PatchImages set, Progress progress) {
        int c = base.featureChannels();
        float[][] out = new float[set.count()][];
        for (int start = 0; start < set.count(); start += options.batchSize()) {
            progress.checkCancelled();
            int[] rows = EpochLoop.range(start, Math.min(set.count(), start + options.batchSize()));
            float[] flat = graph.embeddings(set.batch(rows), rows.length);
            for (int r = 0; r < rows.length; r++) {
                out[rows[r]] = java.util.Arrays.copyOfRange(flat, r * c, (r + 1) * c);
            }
        }
        return out;
    }

    private float[] logits(FineTuningGraph graph, PatchImages set, Progress progress) {
        float[] out = new float[set.count()];
        for (int start = 0; start < set.count(); start += options.batchSize()) {
            progress.checkCancelled();
            int[] rows = EpochLoop.range(start, Math.min(set.count(), start + options.batchSize()));
            System.arraycopy(graph.logits(set.batch(rows), rows.length), 0, out, start, rows.length);
        }
        return out;
    }

    /** Fine-tuning steps: a minibatch is the rows' images, through the backbone's trainable layers. */
    private final class FineTuningRun extends TrainingRun {
        private final FineTuningGraph graph;
        private final PatchImages train;
        private final PatchImages validation;
        /** The backbone's trainable weights at the best epoch so far, for the bundle. */
        private Map<String, float[]> bestBackbone = Map.of();

        FineTuningRun(FineTuningGraph graph, PatchImages train, PatchImages validation, SplittableRandom random,
                Progress progress) {
            super("Fine-tuning", FineTuner.this.options, random, progress, train.labels(), validation.labels());
            this.graph = graph;
            this.train = train;
            this.validation = validation;
        }

        @Override
        float step(int[] rows, float[] labels, float[] weights, float[] dropoutMask) {
            return graph.step(train.batch(rows), labels, weights, dropoutMask, rows.length);
        }

        @Override public float[] validationLogits() { return logits(graph, validation, progress); }

        @Override
        public HeadWeights keepBest() {
            bestBackbone = graph.backboneWeights();
            return graph.headWeights();
        }
    }
}
