package org.tumorj.ij.commands;

import ij.IJ;
import ij.ImagePlus;
import ij.WindowManager;
import ij.measure.ResultsTable;
import ij.plugin.filter.Analyzer;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.tumorj.api.TumorJ;
import org.tumorj.detect.Detections;
import org.tumorj.ij.CancellableTask;
import org.tumorj.ij.FindingsOverlay;
import org.tumorj.ij.ImageStudies;
import org.tumorj.ij.MacroKey;
import org.tumorj.ij.MacroKeys;
import org.tumorj.ij.MacroValues;
import org.tumorj.ij.PipelineSettings;
import org.tumorj.ij.RoiSets;
import org.tumorj.ij.TumorJCommand;
import org.tumorj.ij.VolumeImages;

/**
 * Plugins > TumorJ > Detect Tumors...: runs a model bundle over the current image (a series
 * opened with Open DICOM Series), draws the findings and the heat map as an overlay, fills the
 * Results table, and optionally adds the findings to the ROI Manager and writes the same files as
 * {@code ./tumorj detect}. The detections are those of the command line for the same series.
 */
public final class DetectTumors extends TumorJCommand {
    public static final String COMMAND = "Detect Tumors...";
    private static final MacroKeys KEYS = MacroKeys.of(COMMAND,
            PipelineSettings.MODEL_KEY,
            MacroKey.number("threshold", 0, "Probability a finding must reach; 0 = the model's own operating point"),
            MacroKey.bool("heat_map", true, "Also overlay the probability heat map"),
            MacroKey.bool("roi_manager", false, "Add each finding's outline on each slice to the ROI Manager, for review"),
            MacroKey.bool("results", true, "Fill the Results table: one row per finding"),
            MacroKey.folder("output", "", "If given, write detections.csv, overlay.tif, heatmap.tif and preview.png"
                    + " into output/<study> as ./tumorj detect does; empty = no files"),
            MacroKey.string("deidentify_salt", "", "When set, the study label, UIDs and files carry pseudonyms"
                    + " (DICOM PS3.15 Annex E basic profile); keep the salt secret and the same between runs"),
            PipelineSettings.ALLOW_OTHER_SERIES_KEY);

    public DetectTumors() {
        super(KEYS, "model=/data/models/liver-v1 threshold=0 heat_map results");
    }

    @Override
    protected void execute(MacroValues v) throws IOException {
        ImagePlus imp = WindowManager.getCurrentImage();
        if (imp == null) {
            throw new IllegalArgumentException(COMMAND + ": no image open; open a series with Plugins > TumorJ >"
                    + " Open DICOM Series... first");
        }
        TumorJ.VolumeDetection request = new TumorJ.VolumeDetection(v.existingFolder("model"), VolumeImages.toVolume(imp),
                ImageStudies.studyId(imp), v.number("threshold"), v.string("deidentify_salt"), v.bool("allow_other_series"),
                v.string("output").isBlank() ? null : v.path("output"));
        TumorJ.VolumeResult result = CancellableTask.run(COMMAND, progress -> TumorJ.detectVolume(request, progress));
        Detections d = result.detections();
        show(imp, d, v);
        String name = COMMAND.replace("...", "");
        if (result.folder() != null) {
            IJ.log(name + ": files in " + result.folder().toAbsolutePath());
        }
        IJ.log(String.format(Locale.ROOT, "%s: %s: %d finding(s) at threshold %.3f", name, d.study(), d.findings().size(),
                d.params().threshold()));
    }

    private static void show(ImagePlus imp, Detections d, MacroValues v) {
        FindingsOverlay.show(imp, d, v.bool("heat_map"));
        if (v.bool("results")) {
            // the system table, which a macro reads with nResults and getResult
            ResultsTable rt = FindingsOverlay.resultsTable(List.of(d));
            Analyzer.setResultsTable(rt);
            rt.show("Results");
        }
        if (v.bool("roi_manager")) {
            if (GraphicsEnvironment.isHeadless()) {
                IJ.log(COMMAND + ": roi_manager ignored: no ROI Manager without a display");
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
}
