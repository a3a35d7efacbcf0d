package org.tumorj.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.gui.Plot;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tumorj.metrics.EvaluationOptions;
import org.tumorj.metrics.ValidationReport;
import org.tumorj.train.EpochRecord;

/** The training plots say no more than the data do: no interval from one study, no line joining two runs. */
class TrainingPlotsTest {

    @Test
    void theRocTitleHasAnIntervalOnlyWhenMoreThanOneStudyWasHeldOut() {
        String one = TrainingPlots.roc(report(1)).getTitle();
        String three = TrainingPlots.roc(report(3)).getTitle();
        assertFalse(one.contains("["), one);
        assertTrue(one.contains("one validation study"), one);
        assertTrue(three.matches("Validation ROC: AUC \\d\\.\\d{3} \\[\\d\\.\\d{3}, \\d\\.\\d{3}\\]"), three);
    }

    @Test
    void aSecondTrainingRunIsASeparateSeriesNotJoinedToTheFirst() {
        List<EpochRecord> epochs = new ArrayList<>();
        for (int e = 1; e <= 4; e++) {
            epochs.add(new EpochRecord(e, 1.0 / e, 1.2 / e, 0.8, e == 2));
        }
        for (int e = 1; e <= 3; e++) { // the head trained again with hard negatives: epochs start at 1
            epochs.add(new EpochRecord(e, 0.9 / e, 1.1 / e, 0.85, e == 1));
        }
        List<float[]> curves = curves(TrainingPlots.loss("loss", epochs));
        for (float[] x : curves) {
            for (int k = 1; k < x.length; k++) {
                assertTrue(x[k] > x[k - 1], "a curve goes back from epoch " + x[k - 1] + " to " + x[k]);
            }
        }
        assertEquals(4, curves.size(), "training and validation loss for each of the two runs");
        assertEquals(List.of(4, 3), TrainingPlots.runs(epochs).stream().map(List::size).toList());
    }

    @Test
    void oneRunKeepsItsTwoCurves() {
        List<EpochRecord> epochs = List.of(new EpochRecord(1, 0.5, 0.6, 0.7, true), new EpochRecord(2, 0.4, 0.65, 0.7, false));
        assertEquals(1, TrainingPlots.runs(epochs).size());
        assertEquals(2, curves(TrainingPlots.loss("loss", epochs)).size());
    }

    /** The x values of the plot's curves (data sets of more than one point; the best epoch's circle is one). */
    private static List<float[]> curves(Plot plot) {
        List<float[]> curves = new ArrayList<>();
        for (int i = 0; i < plot.getNumPlotObjects(); i++) {
            float[][] xy = plot.getDataObjectArrays(i);
            if (xy != null && xy[0] != null && xy[0].length > 1) {
                curves.add(xy[0]);
            }
        }
        return curves;
    }

    /** A validation report over {@code studies} held-out studies. */
    private static ValidationReport report(int studies) {
        int n = 120;
        double[] logits = new double[n];
        boolean[] positive = new boolean[n];
        String[] group = new String[n];
        for (int i = 0; i < n; i++) {
            positive[i] = i % 4 == 0;
            logits[i] = (positive[i] ? 1.5 : -1.5) + 2 * Math.sin(i * 0.7);
            group[i] = "study-" + (i % studies);
        }
        return ValidationReport.evaluate(logits, positive, group, EvaluationOptions.defaults(5));
    }
}
