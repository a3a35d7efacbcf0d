package org.tumorj.ij;

import ij.gui.Plot;
import java.awt.Color;
import java.util.Locale;
import org.tumorj.evaluation.EvaluationReport;
import org.tumorj.metrics.FrocCurve;

/** ImageJ plots of an evaluation: the FROC curve with LUNA16's operating points. */
public final class EvaluationPlots {
    private EvaluationPlots() {}

    /**
     * Sensitivity against false positives per study (log2 axis from 1/8 to 8), as a step curve,
     * with the sensitivities at the standard rates marked; the title carries the average and the
     * slice-level AUC. Build headless, show with {@code plot.show()} or save {@code plot.getImagePlus()}.
     */
    public static Plot froc(EvaluationReport report) {
        FrocCurve c = report.froc();
        Plot plot = new Plot(String.format(Locale.ROOT, "FROC: average sensitivity %.3f, slice AUC %.3f",
                c.averageSensitivity(), report.sliceAuc()), "False positives per study", "Sensitivity");
        plot.setLogScaleX();
        plot.setLimits(0.1, 10, 0, 1);
        double[] fp = c.fpPerStudy(), sens = c.sensitivity();
        double[] x = new double[2 * fp.length], y = new double[2 * fp.length];
        for (int i = 0; i < fp.length; i++) {
            // A log axis cannot show 0 FP: draw it at the left edge.
            x[2 * i] = Math.max(0.1, fp[i]);
            y[2 * i] = i == 0 ? 0 : sens[i - 1];
            x[2 * i + 1] = Math.max(0.1, fp[i]);
            y[2 * i + 1] = sens[i];
        }
        plot.setColor(Color.BLUE);
        plot.addPoints(x, y, Plot.LINE);
        plot.setColor(Color.RED);
        plot.addPoints(FrocCurve.STANDARD_FP_RATES, c.standardSensitivities(), Plot.CIRCLE);
        plot.setColor(Color.BLACK);
        return plot;
    }
}
