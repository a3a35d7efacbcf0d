package org.tumorj.ij;

import ij.IJ;
import ij.WindowManager;
import ij.gui.Plot;
import ij.gui.PlotWindow;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tumorj.metrics.RocPoint;
import org.tumorj.metrics.ValidationReport;
import org.tumorj.train.EpochRecord;
import org.tumorj.train.TrainingListener;

/**
 * Plots of a training run: the loss curves, redrawn in one window after every epoch while the
 * head trains, and the validation ROC curve of the finished model.
 */
public final class TrainingPlots {
    private TrainingPlots() {}

    /**
     * A listener that keeps a "training and validation loss per epoch" window up to date. Plots are
     * built on the training thread; the window is opened on the first epoch and redrawn after.
     */
    public static TrainingListener liveLoss(String title) {
        List<EpochRecord> epochs = new ArrayList<>();
        PlotWindow[] window = new PlotWindow[1];
        return record -> {
            epochs.add(record);
            Plot plot = loss(title, epochs);
            if (window[0] == null || window[0].isClosed()) {
                window[0] = showAndWait(plot);
            } else {
                window[0].drawPlot(plot);
            }
        };
    }

    /**
     * Shows the plot and returns once its window is ImageJ's current image. A window becomes
     * current when the window system activates it, some time after it opens; a macro that trains
     * and then opens a series must not find the plot stealing "current image" from that series.
     */
    public static PlotWindow showAndWait(Plot plot) {
        PlotWindow window = plot.show();
        long end = System.currentTimeMillis() + ACTIVATION_WAIT_MILLIS;
        while (WindowManager.getCurrentImage() != window.getImagePlus() && System.currentTimeMillis() < end) {
            IJ.wait(20);
        }
        return window;
    }

    private static final long ACTIVATION_WAIT_MILLIS = 3000;

    /**
     * Training loss (blue) and validation loss (red) against the epoch; the best epoch circled. A
     * training of several runs (the first head, then the head trained again with hard negatives:
     * epochs start again at 1) gets a pair of curves per run, the later runs in darker colours, so
     * that no line joins the end of one run to the start of the next.
     */
    public static Plot loss(String title, List<EpochRecord> epochs) {
        List<List<EpochRecord>> runs = runs(epochs);
        Plot plot = new Plot(title, "Epoch", "Loss");
        StringBuilder legend = new StringBuilder();
        double best = Double.NaN, bestLoss = Double.NaN;
        for (int r = 0; r < runs.size(); r++) {
            List<EpochRecord> run = runs.get(r);
            double[] x = run.stream().mapToDouble(EpochRecord::epoch).toArray();
            plot.setColor(r == 0 ? Color.BLUE : LATER_TRAINING);
            plot.addPoints(x, run.stream().mapToDouble(EpochRecord::trainLoss).toArray(), Plot.CONNECTED_CIRCLES);
            plot.setColor(r == 0 ? Color.RED : LATER_VALIDATION);
            plot.addPoints(x, run.stream().mapToDouble(EpochRecord::validationLoss).toArray(), Plot.CONNECTED_CIRCLES);
            String which = runs.size() == 1 ? "" : r == 0 ? " (first run)" : " (run " + (r + 1) + ")";
            legend.append(legend.length() == 0 ? "" : "\t").append("training loss").append(which)
                    .append("\tvalidation loss").append(which);
            for (EpochRecord e : run) {
                if (e.best()) {
                    best = e.epoch();
                    bestLoss = e.validationLoss();
                }
            }
        }
        if (!Double.isNaN(best)) {
            plot.setColor(Color.BLACK);
            plot.addPoints(new double[] {best}, new double[] {bestLoss}, Plot.CIRCLE);
        }
        EpochRecord last = epochs.get(epochs.size() - 1);
        plot.setColor(Color.BLACK);
        plot.setLegend(legend.toString(), Plot.AUTO_POSITION);
        plot.addLabel(0, 0, String.format(Locale.ROOT, "epoch %d: validation AUC %.3f", last.epoch(), last.validationAuc()));
        plot.setLimitsToFit(false);
        return plot;
    }

    private static final Color LATER_TRAINING = new Color(0, 0, 120);
    private static final Color LATER_VALIDATION = new Color(150, 60, 0);

    /** The epochs cut into training runs: a run ends where the epoch number does not go up. */
    static List<List<EpochRecord>> runs(List<EpochRecord> epochs) {
        List<List<EpochRecord>> runs = new ArrayList<>();
        for (EpochRecord e : epochs) {
            List<EpochRecord> current = runs.isEmpty() ? null : runs.get(runs.size() - 1);
            if (current == null || e.epoch() <= current.get(current.size() - 1).epoch()) {
                current = new ArrayList<>();
                runs.add(current);
            }
            current.add(e);
        }
        return runs;
    }

    /**
     * The validation ROC of the model's calibrated probabilities, with the point chosen for the
     * target sensitivity marked (not the detection threshold the model keeps, which is chosen on
     * lesions and logged); the AUC's interval only when more than one validation study was resampled.
     */
    public static Plot roc(ValidationReport metrics) {
        List<RocPoint> points = metrics.roc();
        double[] fpr = points.stream().mapToDouble(RocPoint::falsePositiveRate).toArray();
        double[] tpr = points.stream().mapToDouble(RocPoint::truePositiveRate).toArray();
        Plot plot = new Plot("Validation ROC: " + metrics.aucText(), "False positive rate (1 - specificity)",
                "Sensitivity");
        plot.setLimits(0, 1, 0, 1);
        plot.setColor(Color.LIGHT_GRAY);
        plot.addPoints(new double[] {0, 1}, new double[] {0, 1}, Plot.LINE);
        plot.setColor(Color.BLUE);
        plot.addPoints(fpr, tpr, Plot.LINE);
        plot.setColor(Color.RED);
        plot.addPoints(new double[] {1 - metrics.specificity()}, new double[] {metrics.sensitivity()}, Plot.CIRCLE);
        plot.setColor(Color.BLACK);
        plot.addLabel(0.45, 0.9, String.format(Locale.ROOT, "target sensitivity %.2f: sensitivity %.2f, specificity %.2f",
                metrics.targetSensitivity(), metrics.sensitivity(), metrics.specificity()));
        return plot;
    }
}
