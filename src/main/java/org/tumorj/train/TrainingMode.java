package org.tumorj.train;

/** What a training run adjusts. */
public enum TrainingMode {
    /** Only the head, on backbone features computed once and cached: the fast path. */
    HEAD_ONLY,
    /**
     * The head plus the backbone's top {@link TrainingOptions#unfrozenBlocks()} blocks at a lower
     * learning rate ({@code learningRate * backboneLearningRateFactor}), the rest frozen; trains
     * on image patches through the backbone with {@link FineTuner}.
     */
    TOP_BLOCKS_UNFROZEN,
    /**
     * The same network from random initialisation, every layer trainable (at the backbone learning
     * rate), with {@link FineTuner}: the baseline transfer learning is measured against.
     */
    FROM_SCRATCH
}
