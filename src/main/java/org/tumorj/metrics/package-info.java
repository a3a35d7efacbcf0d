/**
 * Core: evaluation metrics (ROC, bootstrap intervals, calibration, FROC, Dice). Plain Java.
 */
package org.tumorj.metrics;
