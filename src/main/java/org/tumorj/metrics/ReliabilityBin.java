package org.tumorj.metrics;

/**
 * One bin of a reliability diagram.
 *
 * @param lower inclusive lower edge of predicted probability
 * @param upper exclusive upper edge (inclusive for the last bin, so 1.0 is counted)
 * @param count samples whose predicted probability falls in the bin
 * @param meanPredicted mean predicted probability in the bin (NaN when empty)
 * @param fractionPositive observed share of positives in the bin (NaN when empty)
 */
public record ReliabilityBin(double lower, double upper, long count, double meanPredicted, double fractionPositive) {}
