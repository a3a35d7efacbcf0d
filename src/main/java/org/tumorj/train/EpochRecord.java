package org.tumorj.train;

/**
 * One line of the training log.
 *
 * @param epoch 1-based
 * @param trainLoss mean weighted cross-entropy over the epoch's minibatches (with dropout, without the L2 term)
 * @param validationLoss weighted cross-entropy of the validation set (no dropout)
 * @param validationAuc ROC AUC of the validation set; NaN if it holds a single class
 * @param best true when this epoch set a new lowest validation loss (its weights are the ones kept so far)
 */
public record EpochRecord(int epoch, double trainLoss, double validationLoss, double validationAuc, boolean best) {}
