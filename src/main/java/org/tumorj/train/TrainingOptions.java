package org.tumorj.train;

import com.google.gson.Gson;
import com.google.gson.JsonObject;

/**
 * Everything that determines a training run; with the same data and options (seed included) a
 * run gives bitwise-identical weights.
 *
 * @param mode what is trained; {@link HeadTrainer} trains {@link TrainingMode#HEAD_ONLY}, {@link FineTuner} the others
 * @param unfrozenBlocks backbone blocks trained along with the head (0 for HEAD_ONLY; 1..19 for
 *     TOP_BLOCKS_UNFROZEN; ignored by FROM_SCRATCH, which trains every block)
 * @param backboneLearningRateFactor backbone learning rate as a fraction of {@code learningRate}
 * @param hiddenUnits width of the head's hidden layer
 * @param dropout fraction of hidden units dropped during training, in [0, 1)
 * @param learningRate Adam step size
 * @param weightDecay L2 penalty {@code weightDecay / 2 * sum(kernel^2)} on the kernels (not the biases)
 * @param batchSize minibatch size
 * @param maxEpochs upper bound on passes over the training set
 * @param patience stop after this many epochs without a lower validation loss; the best epoch's weights are kept
 * @param balanceClasses weight each class by n / (2 n_class) so that rare tumour patches count as much as the rest
 * @param standardizeFeatures train on per-channel standardised features (folded into the saved weights)
 * @param seed seeds initialisation, shuffling and dropout
 */
public record TrainingOptions(TrainingMode mode, int unfrozenBlocks, double backboneLearningRateFactor,
                              int hiddenUnits, double dropout, double learningRate, double weightDecay,
                              int batchSize, int maxEpochs, int patience, boolean balanceClasses,
                              boolean standardizeFeatures, long seed) {

    public TrainingOptions {
        require(mode != null, "mode is required");
        require(unfrozenBlocks >= 0, "unfrozenBlocks must be >= 0, got " + unfrozenBlocks);
        require(mode != TrainingMode.HEAD_ONLY || unfrozenBlocks == 0, "HEAD_ONLY training unfreezes no blocks");
        require(backboneLearningRateFactor > 0 && backboneLearningRateFactor <= 1,
                "backboneLearningRateFactor must be in (0, 1], got " + backboneLearningRateFactor);
        require(hiddenUnits >= 1, "hiddenUnits must be >= 1, got " + hiddenUnits);
        require(dropout >= 0 && dropout < 1, "dropout must be in [0, 1), got " + dropout);
        require(learningRate > 0, "learningRate must be > 0, got " + learningRate);
        require(weightDecay >= 0, "weightDecay must be >= 0, got " + weightDecay);
        require(batchSize >= 1, "batchSize must be >= 1, got " + batchSize);
        require(maxEpochs >= 1, "maxEpochs must be >= 1, got " + maxEpochs);
        require(patience >= 1, "patience must be >= 1, got " + patience);
    }

    /**
     * Head only, 64 hidden units, dropout 0.3, Adam 3e-4, weight decay 1e-3, batch 32, up to 100
     * epochs, patience 10, balanced classes, standardised features, seed 42.
     */
    public static TrainingOptions defaults() {
        return new TrainingOptions(TrainingMode.HEAD_ONLY, 0, 0.1, 64, 0.3, 3e-4, 1e-3, 32, 100, 10, true, true, 42);
    }

    public TrainingOptions withSeed(long newSeed) {
        return new TrainingOptions(mode, unfrozenBlocks, backboneLearningRateFactor, hiddenUnits, dropout,
                learningRate, weightDecay, batchSize, maxEpochs, patience, balanceClasses, standardizeFeatures, newSeed);
    }

    public TrainingOptions withEpochs(int newMaxEpochs, int newPatience) {
        return new TrainingOptions(mode, unfrozenBlocks, backboneLearningRateFactor, hiddenUnits, dropout,
                learningRate, weightDecay, batchSize, newMaxEpochs, newPatience, balanceClasses, standardizeFeatures, seed);
    }

    public TrainingOptions withHead(int newHiddenUnits, double newDropout) {
        return new TrainingOptions(mode, unfrozenBlocks, backboneLearningRateFactor, newHiddenUnits, newDropout,
                learningRate, weightDecay, batchSize, maxEpochs, patience, balanceClasses, standardizeFeatures, seed);
    }

    public TrainingOptions withOptimizer(double newLearningRate, double newWeightDecay, int newBatchSize) {
        return new TrainingOptions(mode, unfrozenBlocks, backboneLearningRateFactor, hiddenUnits, dropout,
                newLearningRate, newWeightDecay, newBatchSize, maxEpochs, patience, balanceClasses, standardizeFeatures, seed);
    }

    public TrainingOptions withMode(TrainingMode newMode, int newUnfrozenBlocks) {
        return new TrainingOptions(newMode, newUnfrozenBlocks, backboneLearningRateFactor, hiddenUnits, dropout,
                learningRate, weightDecay, batchSize, maxEpochs, patience, balanceClasses, standardizeFeatures, seed);
    }

    /** The options as the JSON object a model bundle records under {@code training}. */
    public JsonObject toJson() {
        return new Gson().toJsonTree(this).getAsJsonObject();
    }

    public static TrainingOptions fromJson(JsonObject json) {
        return new Gson().fromJson(json, TrainingOptions.class);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException("training options: " + message);
        }
    }
}
