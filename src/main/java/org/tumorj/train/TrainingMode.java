package org.tumorj.train;

/** What a training run adjusts. */
public enum TrainingMode {
    /** Only the head, on backbone features computed once and cached: the fast path. */
    HEAD_ONLY,
    /**
     * The head plus the backbone's top {@link TrainingOptions#unfrozenBlocks()} blocks at a lower
     * learning rate. Needs the backbone as variables in a graph built for training; not provided
     * by {@link HeadTrainer}, which only sees cached features.
     */
    TOP_BLOCKS_UNFROZEN,
    /** The same network from random initialisation: the baseline transfer learning is measured against. */
    FROM_SCRATCH
}
