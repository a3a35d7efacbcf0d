package org.tumorj.train;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.tumorj.util.Progress;

/**
 * The mutable state of one training run, shared by head-only training and fine-tuning: the
 * sample weights, the seeded generator, the step count for progress, and the shuffled
 * minibatch pass of each epoch. A subclass says only how one minibatch steps its graph, how the
 * validation set is scored and which weights to keep; {@link EpochLoop#earlyStopping} drives it.
 *
 * <p>The generator is drawn from in a fixed order, shuffle first and then one dropout mask per
 * minibatch, so a seed fixes the whole run whichever graph is trained.
 */
abstract class TrainingRun implements EpochLoop.Trainee {
    final TrainingOptions options;
    final Progress progress;
    private final RandomGenerator random;
    private final String stepName;
    private final int[] trainLabels;
    private final float[] trainWeights;
    private final int[] validationLabels;
    private final float[] validationWeights;
    private final long totalSteps;
    private long stepsDone;

    /**
     * @param stepName what progress calls each minibatch step ("Training head", "Fine-tuning")
     * @param trainLabels and {@code validationLabels}: 1 positive, 0 negative, one per row
     */
    TrainingRun(String stepName, TrainingOptions options, RandomGenerator random, Progress progress,
            int[] trainLabels, int[] validationLabels) {
        this.options = options;
        this.progress = progress;
        this.random = random;
        this.stepName = stepName;
        this.trainLabels = trainLabels;
        this.trainWeights = HeadTrainer.sampleWeights(trainLabels, options.balanceClasses());
        this.validationLabels = validationLabels;
        this.validationWeights = HeadTrainer.sampleWeights(validationLabels, options.balanceClasses());
        long stepsPerEpoch = (trainLabels.length + options.batchSize() - 1) / options.batchSize();
        this.totalSteps = stepsPerEpoch * options.maxEpochs();
    }

    /**
     * One Adam step on the training {@code rows}; the minibatch loss.
     *
     * @param labels and {@code weights}: the rows' labels and sample weights, in row order
     * @param dropoutMask {@code rows.length x hiddenUnits}, already scaled (inverted dropout)
     */
    abstract float step(int[] rows, float[] labels, float[] weights, float[] dropoutMask);

    /** Epochs with early stopping; the result holds the best epoch's weights (before any unfolding). */
    final TrainingResult epochs(TrainingListener listener) {
        return EpochLoop.earlyStopping(options, trainLabels.length, validationLabels, EpochLoop.positiveMask(validationLabels),
                validationWeights, progress, listener, this);
    }

    /** One shuffled pass; returns the mean minibatch loss weighted by batch size. */
    @Override
    public final double pass(int[] order) {
        EpochLoop.shuffle(random, order);
        double lossSum = 0;
        for (int start = 0; start < order.length; start += options.batchSize()) {
            progress.checkCancelled();
            int rows = Math.min(options.batchSize(), order.length - start);
            lossSum += rows * (double) minibatch(Arrays.copyOfRange(order, start, start + rows));
            progress.update(stepName, ++stepsDone, totalSteps);
        }
        return lossSum / order.length;
    }

    private float minibatch(int[] rows) {
        float[] labels = new float[rows.length];
        float[] weights = new float[rows.length];
        for (int r = 0; r < rows.length; r++) {
            labels[r] = trainLabels[rows[r]];
            weights[r] = trainWeights[rows[r]];
        }
        return step(rows, labels, weights,
                EpochLoop.dropoutMask(random, rows.length, options.hiddenUnits(), options.dropout()));
    }
}
