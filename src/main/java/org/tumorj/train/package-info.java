/**
 * Core: training the classification head on cached backbone features with TensorFlow Java's
 * graph mode (explicit gradients and Adam on the head's own variables), early stopping, the
 * training log and its listener. Imports the model and metrics packages; no ImageJ or Swing.
 */
package org.tumorj.train;
