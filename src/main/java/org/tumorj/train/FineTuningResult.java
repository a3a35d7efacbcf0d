package org.tumorj.train;

/**
 * The outcome of a fine-tuning run.
 *
 * @param head the head at the best epoch (on raw embeddings of {@code backbone}), with the log
 * @param backbone the backbone at the same epoch
 */
public record FineTuningResult(TrainingResult head, FineTunedBackbone backbone) {}
