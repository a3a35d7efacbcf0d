package org.tumorj.train;

import org.tumorj.metrics.EvaluationOptions;
import org.tumorj.metrics.ValidationReport;
import org.tumorj.model.DenseHead;
import org.tumorj.model.HeadWeights;

/** Measures a trained head on the validation studies (temperature, threshold, AUC interval, calibration). */
public final class HeadEvaluation {
    private HeadEvaluation() {}

    public static ValidationReport evaluate(HeadWeights weights, FeatureSet validation, EvaluationOptions options) {
        double[] logits = new DenseHead(weights, 1).logits(validation.features());
        return ValidationReport.evaluate(logits, validation.positiveMask(), validation.groupIds(), options);
    }
}
