/**
 * Core: statistics with no knowledge of images or findings: ROC and its bootstrap interval,
 * calibration and temperature scaling, operating thresholds, the FROC curve, Dice, and the
 * validation report a model bundle stores. Plain Java; {@code model} depends on it, so it may
 * depend on nothing above {@code util} (lesion-level evaluation is {@code evaluation}).
 */
package org.tumorj.metrics;
