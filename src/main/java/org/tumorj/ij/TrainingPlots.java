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

    /** Training loss (blue) and validation loss (red) against the epoch; the best epoch circled. */
    public static Plot loss(String title, List<EpochRecord> epochs) {
        int n = epochs.size();
        double[] x = new double[n], train = new double[n], validation = new double[n];
        double best = Double.NaN, bestLoss = Double.NaN;
        for (int i = 0; i < n; i++) {
            EpochRecord e = epochs.get(i);
            x[i] = e.epoch();
            train[i] = e.trainLoss();
            validation[i] = e.validationLoss();
            if (e.best()) {
                best = e.epoch();
                bestLoss = e.validationLoss();
            }
        }
        EpochRecord last = epochs.get(n - 1);
        Plot plot = new Plot(title, "Epoch", "Loss");
        plot.setColor(Color.BLUE);
        plot.addPoints(x, train, Plot.CONNECTED_CIRCLES);
        plot.setColor(Color.RED);
        plot.addPoints(x, validation, Plot.CONNECTED_CIRCLES);
        if (!Double.isNaN(best)) {
            plot.setColor(Color.BLACK);
            plot.addPoints(new double[] {best}, new double[] {bestLoss}, Plot.CIRCLE);
        }
        plot.setColor(Color.BLACK);
        plot.setLegend("training loss\tvalidation loss", Plot.AUTO_POSITION);
        plot.addLabel(0, 0, String.format(Locale.ROOT, "epoch %d: validation AUC %.3f", last.epoch(), last.validationAuc()));
        plot.setLimitsToFit(false);
        return plot;
    }

    /** The validation ROC of the model's calibrated probabilities, its operating point marked. */
    public static Plot roc(ValidationReport metrics) {
        List<RocPoint> points = metrics.roc();
        double[] fpr = points.stream().mapToDouble(RocPoint::falsePositiveRate).toArray();
        double[] tpr = points.stream().mapToDouble(RocPoint::truePositiveRate).toArray();
        Plot plot = new Plot(String.format(Locale.ROOT, "Validation ROC: AUC %.3f [%.3f, %.3f]",
                metrics.auc().estimate(), metrics.auc().lower(), metrics.auc().upper()),
                "False positive rate (1 - specificity)", "Sensitivity");
        plot.setLimits(0, 1, 0, 1);
        plot.setColor(Color.LIGHT_GRAY);
        plot.addPoints(new double[] {0, 1}, new double[] {0, 1}, Plot.LINE);
        plot.setColor(Color.BLUE);
        plot.addPoints(fpr, tpr, Plot.LINE);
        plot.setColor(Color.RED);
        plot.addPoints(new double[] {1 - metrics.specificity()}, new double[] {metrics.sensitivity()}, Plot.CIRCLE);
        plot.setColor(Color.BLACK);
        plot.addLabel(0.45, 0.9, String.format(Locale.ROOT, "threshold %.3f: sensitivity %.2f, specificity %.2f",
                metrics.threshold(), metrics.sensitivity(), metrics.specificity()));
        return plot;
    }
}
