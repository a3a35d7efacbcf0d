package org.tumorj.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ValidationReportTest {
    @Test
    void reportUsesCalibratedProbabilitiesAndMeetsTheTargetSensitivity() {
        int n = 200;
        double[] z = new double[n];
        boolean[] y = new boolean[n];
        String[] g = new String[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 3 == 0;
            z[i] = (y[i] ? 3 : -3) + 4 * Math.sin(i * 1.7);   // overlapping, overconfident
            g[i] = "s" + i / 10;
        }
        ValidationReport r = ValidationReport.evaluate(z, y, g, EvaluationOptions.defaults(3));
        assertEquals(n, r.samples());
        assertEquals(67, r.positives());
        assertEquals(20, r.groups());
        assertEquals(Roc.auc(z, y), r.auc().estimate(), 1e-12);  // scaling keeps the ranking
        assertTrue(r.auc().lower() <= r.auc().estimate() && r.auc().estimate() <= r.auc().upper());
        assertTrue(r.sensitivity() >= 0.9);
        assertTrue(r.nllCalibrated() <= r.nllUncalibrated());
        assertEquals(BinaryCounts.at(TemperatureScaling.probabilities(z, r.temperature()), y, r.threshold()).specificity(),
                r.specificity(), 1e-12);
    }

    @Test
    void singleClassValidationIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ValidationReport.evaluate(
                new double[] {1, 2}, new boolean[] {false, false}, null, EvaluationOptions.defaults(1)));
    }

    @Test
    void theAucIsPrintedWithAnIntervalOnlyWhenMoreThanOneStudyWasResampled() {
        double[] z = {-2, -1, 0.5, 1, 2, -0.5, 0.2, 1.5};
        boolean[] y = {false, false, true, true, true, false, false, true};
        String[] oneStudy = new String[z.length];
        java.util.Arrays.fill(oneStudy, "ct-0005");
        String[] twoStudies = {"a", "a", "a", "a", "b", "b", "b", "b"};
        String one = ValidationReport.evaluate(z, y, oneStudy, EvaluationOptions.defaults(1)).aucText();
        String two = ValidationReport.evaluate(z, y, twoStudies, EvaluationOptions.defaults(1)).aucText();
        assertTrue(one.matches("AUC \\d\\.\\d{3} \\(one validation study: no interval\\)"), one);
        assertTrue(two.matches("AUC \\d\\.\\d{3} \\[\\d\\.\\d{3}, \\d\\.\\d{3}\\]"), two);
    }
}
