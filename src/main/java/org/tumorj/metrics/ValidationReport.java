package org.tumorj.metrics;

import java.util.Arrays;
import java.util.List;

/**
 * Everything measured on the validation studies for one trained head. Probabilities, thresholds
 * and calibration refer to the temperature-scaled output, which is what the model bundle serves.
 *
 * @param samples validation patches
 * @param positives positive patches
 * @param groups distinct studies (the bootstrap resamples these)
 * @param auc ROC AUC with its bootstrap interval, resampled by study
 * @param temperature fitted temperature T; probability = sigmoid(logit / T)
 * @param targetSensitivity sensitivity the threshold was chosen for
 * @param threshold operating point on the calibrated probability
 * @param sensitivity at the threshold
 * @param specificity at the threshold
 * @param eceUncalibrated expected calibration error at T = 1
 * @param eceCalibrated expected calibration error at the fitted T
 * @param nllUncalibrated mean negative log-likelihood at T = 1
 * @param nllCalibrated mean negative log-likelihood at the fitted T
 * @param reliability reliability diagram of the calibrated probabilities
 * @param roc ROC curve of the calibrated probabilities
 */
public record ValidationReport(int samples, int positives, int groups, ConfidenceInterval auc,
                               double temperature, double targetSensitivity, double threshold,
                               double sensitivity, double specificity,
                               double eceUncalibrated, double eceCalibrated,
                               double nllUncalibrated, double nllCalibrated,
                               List<ReliabilityBin> reliability, List<RocPoint> roc) {

    /**
     * Fits the temperature on {@code logits}, then measures discrimination, the operating point
     * and calibration. Both classes must be present: a validation set without tumours cannot
     * tell whether the detector finds any.
     */
    public static ValidationReport evaluate(double[] logits, boolean[] positive, String[] groupIds,
                                            EvaluationOptions options) {
        int nPos = (int) Roc.count(positive, true);
        if (nPos == 0 || nPos == positive.length) {
            throw new IllegalArgumentException("validation needs positive and negative samples; got "
                    + nPos + " positive of " + positive.length);
        }
        double temperature = TemperatureScaling.fit(logits, positive);
        double[] raw = TemperatureScaling.probabilities(logits, 1);
        double[] calibrated = TemperatureScaling.probabilities(logits, temperature);
        ConfidenceInterval auc = BootstrapAuc.interval(calibrated, positive, groupIds,
                options.bootstrapReplicates(), options.confidenceLevel(), options.seed());
        double threshold = Thresholds.forSensitivity(calibrated, positive, options.targetSensitivity());
        BinaryCounts counts = BinaryCounts.at(calibrated, positive, threshold);
        int bins = options.calibrationBins();
        return new ValidationReport(positive.length, nPos, distinct(groupIds, positive.length), auc,
                temperature, options.targetSensitivity(), threshold, counts.sensitivity(), counts.specificity(),
                Calibration.expectedCalibrationError(raw, positive, bins),
                Calibration.expectedCalibrationError(calibrated, positive, bins),
                TemperatureScaling.negativeLogLikelihood(logits, positive, 1),
                TemperatureScaling.negativeLogLikelihood(logits, positive, temperature),
                Calibration.reliability(calibrated, positive, bins), Roc.curve(calibrated, positive));
    }

    /**
     * The AUC as a line of text: {@code AUC 0.812 [0.701, 0.903]} with its bootstrap interval when
     * more than one validation study (group) was resampled, else {@code AUC 0.812 (one validation
     * study: no interval)}, since resampling one study gives an interval of zero width that means
     * nothing.
     */
    public String aucText() {
        return groups > 1
                ? String.format(java.util.Locale.ROOT, "AUC %.3f [%.3f, %.3f]", auc.estimate(), auc.lower(), auc.upper())
                : String.format(java.util.Locale.ROOT, "AUC %.3f (one validation study: no interval)", auc.estimate());
    }

    private static int distinct(String[] groupIds, int n) {
        return groupIds == null ? n : (int) Arrays.stream(groupIds).distinct().count();
    }
}
