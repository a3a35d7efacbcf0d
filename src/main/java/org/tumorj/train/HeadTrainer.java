package org.tumorj.train;

import java.util.SplittableRandom;
import org.tumorj.model.HeadWeights;
import org.tumorj.util.Progress;

/**
 * Trains the head on cached backbone features ({@link TrainingMode#HEAD_ONLY}): Adam on
 * minibatches, weighted cross-entropy, dropout, L2 weight decay, early stopping on the
 * validation loss with the best epoch's weights kept. A fixed seed gives identical weights.
 * Cancellation is checked before every step; a cancelled run throws
 * {@link org.tumorj.util.CancelledException} and returns nothing.
 */
public final class HeadTrainer {
    private final TrainingOptions options;

    public HeadTrainer(TrainingOptions options) {
        if (options.mode() != TrainingMode.HEAD_ONLY) {
            throw new IllegalArgumentException("HeadTrainer trains the head on cached features only; mode "
                    + options.mode() + " needs the backbone in the training graph");
        }
        this.options = options;
    }

    public TrainingResult train(FeatureSet train, FeatureSet validation, Progress progress, TrainingListener listener) {
        checkData(train, validation);
        progress.checkCancelled();
        FeatureStandardizer standardizer = options.standardizeFeatures()
                ? FeatureStandardizer.fit(train.features()) : FeatureStandardizer.identity(train.featureChannels());
        SplittableRandom random = new SplittableRandom(options.seed());
        HeadWeights initial = HeadInitializer.glorotUniform(train.featureChannels(), options.hiddenUnits(), random);
        TrainingResult result;
        try (HeadTrainingGraph graph = new HeadTrainingGraph(initial, options.learningRate(), options.weightDecay())) {
            result = new HeadRun(graph, standardizer.apply(train), standardizer.apply(validation), options, random,
                    progress).epochs(listener);
        }
        return new TrainingResult(standardizer.fold(result.weights()), result.bestEpoch(), result.log(),
                result.stoppedEarly(), options);
    }

    private void checkData(FeatureSet train, FeatureSet validation) {
        EpochLoop.requireBothClassesAndValidation(train.positives(), train.size(), validation.size());
        if (validation.featureChannels() != train.featureChannels()) {
            throw new IllegalArgumentException("validation features have " + validation.featureChannels()
                    + " channels, training features " + train.featureChannels());
        }
    }

    /** Per-sample weights n / (2 n_class) (balanced), or all 1. */
    static float[] sampleWeights(FeatureSet set, boolean balance) {
        return sampleWeights(set.labels(), balance);
    }

    static float[] sampleWeights(int[] labels, boolean balance) {
        int n = labels.length;
        int pos = java.util.Arrays.stream(labels).sum();
        float wPos = balance && pos > 0 ? (float) (n / (2.0 * pos)) : 1f;
        float wNeg = balance && pos < n ? (float) (n / (2.0 * (n - pos))) : 1f;
        float[] w = new float[n];
        for (int i = 0; i < n; i++) {
            w[i] = labels[i] == 1 ? wPos : wNeg;
        }
        return w;
    }

    /** Weighted mean cross-entropy, the same formula as the graph's, in double precision. */
    static double weightedLoss(float[] logits, int[] labels, float[] weights) {
        double sum = 0;
        double weightSum = 0;
        for (int i = 0; i < logits.length; i++) {
            double z = logits[i];
            double softplus = Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
            sum += weights[i] * (softplus - labels[i] * z);
            weightSum += weights[i];
        }
        return sum / weightSum;
    }

    /** Head-only steps: a minibatch is the rows' cached features, stacked. */
    private static final class HeadRun extends TrainingRun {
        private final HeadTrainingGraph graph;
        private final FeatureSet train;
        private final FeatureSet validation;

        HeadRun(HeadTrainingGraph graph, FeatureSet train, FeatureSet validation, TrainingOptions options,
                SplittableRandom random, Progress progress) {
            super("Training head", options, random, progress, train.labels(), validation.labels());
            this.graph = graph;
            this.train = train;
            this.validation = validation;
        }

        @Override
        float step(int[] rows, float[] labels, float[] weights, float[] dropoutMask) {
            int c = train.featureChannels();
            float[] x = new float[rows.length * c];
            for (int r = 0; r < rows.length; r++) {
                System.arraycopy(train.features()[rows[r]], 0, x, r * c, c);
            }
            return graph.step(x, labels, weights, dropoutMask, rows.length);
        }

        @Override public float[] validationLogits() { return graph.logits(validation.features()); }
        @Override public HeadWeights keepBest() { return graph.weights(); }
    }
}
