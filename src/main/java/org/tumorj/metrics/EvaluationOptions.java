package org.tumorj.metrics;

/**
 * How the validation set is evaluated.
 *
 * @param targetSensitivity the operating point is the highest threshold reaching this sensitivity
 * @param bootstrapReplicates draws for the AUC confidence interval
 * @param confidenceLevel coverage of the interval, e.g. 0.95
 * @param calibrationBins equal-width bins of the reliability diagram and the ECE
 * @param seed seeds the bootstrap
 */
public record EvaluationOptions(double targetSensitivity, int bootstrapReplicates, double confidenceLevel,
                                int calibrationBins, long seed) {

    public static EvaluationOptions defaults(long seed) {
        return new EvaluationOptions(0.9, 1000, 0.95, 10, seed);
    }
}
