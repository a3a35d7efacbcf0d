package org.tumorj.metrics;

/**
 * A free-response ROC curve: for each score threshold (descending), the fraction of lesions
 * detected and the mean number of false positives per study. The first point is the empty
 * operating point (threshold +infinity: nothing detected, no false positives).
 *
 * @param thresholds descending; findings with score {@code >= threshold} are kept
 * @param sensitivity lesions detected / lesions, per threshold (NaN when there are no lesions)
 * @param fpPerStudy false positives / studies, per threshold
 * @param lesions number of lesions
 * @param studies number of studies
 */
public record FrocCurve(double[] thresholds, double[] sensitivity, double[] fpPerStudy, int lesions, int studies) {

    /** The FP rates of the LUNA16 competition performance metric. */
    public static final double[] STANDARD_FP_RATES = {0.125, 0.25, 0.5, 1, 2, 4, 8};

    public FrocCurve {
        thresholds = thresholds.clone();
        sensitivity = sensitivity.clone();
        fpPerStudy = fpPerStudy.clone();
    }

    @Override public double[] thresholds() { return thresholds.clone(); }
    @Override public double[] sensitivity() { return sensitivity.clone(); }
    @Override public double[] fpPerStudy() { return fpPerStudy.clone(); }

    /**
     * Sensitivity at a false-positive rate: the highest sensitivity of any threshold whose false
     * positives per study do not exceed {@code rate}. A step function, read conservatively (no
     * interpolation between operating points that do not exist).
     */
    public double sensitivityAt(double rate) {
        double best = lesions == 0 ? Double.NaN : 0;
        for (int i = 0; i < thresholds.length; i++) {
            if (fpPerStudy[i] <= rate) {
                best = Math.max(best, sensitivity[i]);
            }
        }
        return best;
    }

    /** Sensitivities at {@link #STANDARD_FP_RATES}. */
    public double[] standardSensitivities() {
        double[] s = new double[STANDARD_FP_RATES.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = sensitivityAt(STANDARD_FP_RATES[i]);
        }
        return s;
    }

    /** Mean of {@link #standardSensitivities()}: LUNA16's competition performance metric. */
    public double averageSensitivity() {
        double sum = 0;
        for (double s : standardSensitivities()) {
            sum += s;
        }
        return sum / STANDARD_FP_RATES.length;
    }
}
