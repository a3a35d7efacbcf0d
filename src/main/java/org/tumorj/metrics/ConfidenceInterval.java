package org.tumorj.metrics;

/**
 * A point estimate with a percentile bootstrap interval.
 *
 * @param estimate the statistic on the full sample
 * @param lower lower bound of the interval
 * @param upper upper bound of the interval
 * @param level coverage, e.g. 0.95
 * @param replicates bootstrap replicates that gave a defined value (replicates drawing a single
 *                   class have no AUC and are skipped)
 */
public record ConfidenceInterval(double estimate, double lower, double upper, double level, int replicates) {}
