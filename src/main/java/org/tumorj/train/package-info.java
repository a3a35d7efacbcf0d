/**
 * Core: training the classification head with TensorFlow Java's graph mode (explicit gradients
 * and Adam on an explicit variable list), early stopping, the training log and its listener.
 * {@link org.tumorj.train.HeadTrainer} trains the head on cached backbone features;
 * {@link org.tumorj.train.FineTuner} trains it together with MobileNetV2 (top blocks unfrozen,
 * or from scratch) on image patches and gives the fine-tuned backbone for the model bundle.
 * Both subclass one {@code TrainingRun} (sample weights, shuffled minibatch epochs, progress)
 * that {@code EpochLoop} drives with early stopping, so both train, log and stop alike.
 * Imports the backbone, model and metrics packages; no ImageJ or Swing.
 */
package org.tumorj.train;
