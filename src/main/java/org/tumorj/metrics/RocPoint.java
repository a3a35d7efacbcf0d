package org.tumorj.metrics;

/**
 * One point of an ROC curve: calling every score {@code >= threshold} positive gives these rates.
 *
 * @param threshold the score cut-off; the first point of a curve has {@code +Infinity} (nothing positive)
 * @param falsePositiveRate 1 - specificity
 * @param truePositiveRate sensitivity
 */
public record RocPoint(double threshold, double falsePositiveRate, double truePositiveRate) {}
