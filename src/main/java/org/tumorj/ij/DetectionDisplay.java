package org.tumorj.ij;

import ij.IJ;
import ij.ImagePlus;
import ij.measure.ResultsTable;
import ij.plugin.filter.Analyzer;
import java.awt.GraphicsEnvironment;
import java.util.List;
import java.util.Locale;
import org.tumorj.api.TumorJ;
import org.tumorj.detect.Detections;

/**
 * Detect Tumors' results where a Fiji user looks for them: on the image they were found in
 * (overlay, heat map, the slice of the most likely finding), in the Results table a macro reads,
 * in the ROI Manager for review, and one summary line in the Log.
 */
public final class DetectionDisplay {
    private DetectionDisplay() {}

    /**
     * What is shown besides the findings' outlines.
     *
     * @param heatMap the probability heat map in the overlay
     * @param resultsTable one row per finding in the system Results table
     * @param roiManager each finding's outline on each slice in the ROI Manager (needs a display)
     */
    public record Shown(boolean heatMap, boolean resultsTable, boolean roiManager) {}

    /** Draws the findings on the image and fills what {@code shown} asks for. */
    public static void show(String command, ImagePlus imp, Detections d, Shown shown) {
        FindingsOverlay.show(imp, d, shown.heatMap());
        if (shown.resultsTable()) {
            // the system table, which a macro reads with nResults and getResult
            ResultsTable rt = FindingsOverlay.resultsTable(List.of(d));
            Analyzer.setResultsTable(rt);
            rt.show("Results");
        }
        if (shown.roiManager()) {
            if (GraphicsEnvironment.isHeadless()) {
                IJ.log(command + ": roi_manager ignored: no ROI Manager without a display");
            } else {
                FindingsOverlay.addToRoiManager(imp, d, RoiSets.managerForAdding());
            }
        }
        if (!d.findings().isEmpty() && imp.getNChannels() * imp.getNFrames() == 1) {
            // findings come highest score first: show the slice of the most likely one
            imp.setSlice((int) Math.round(d.findings().get(0).centroidPx().z()) + 1);
        }
        imp.updateAndDraw();
    }

    /**
     * Shows, hides or toggles the heat map {@link #show} drew on the image.
     *
     * @param how {@code toggle}, {@code show} or {@code hide}
     * @throws IllegalArgumentException the image has no TumorJ heat map to show
     */
    public static void setHeatMap(String command, ImagePlus imp, String how) {
        boolean shown = FindingsOverlay.isHeatMapVisible(imp);
        if (!shown && !FindingsOverlay.hasHiddenHeatMap(imp)) {
            throw new IllegalArgumentException(command + ": " + imp.getTitle() + " has no TumorJ heat map; run Detect"
                    + " Tumors or Train on This Image on it first");
        }
        boolean visible = "toggle".equals(how) ? !shown : "show".equals(how);
        FindingsOverlay.setHeatMapVisible(imp, visible);
        imp.updateAndDraw();
        CommandLog.log(command, "heat map " + (visible ? "shown" : "hidden") + " on " + imp.getTitle());
    }

    /** The Log lines of a detection: where its files went, if anywhere, and how many findings. */
    public static void log(String command, TumorJ.VolumeResult result) {
        Detections d = result.detections();
        if (result.folder() != null) {
            CommandLog.log(command, "files in " + result.folder().toAbsolutePath());
        }
        CommandLog.log(command, String.format(Locale.ROOT, "%s: %d finding(s) at threshold %.3f", d.study(),
                d.findings().size(), d.params().threshold()));
    }
}
