package org.tumorj.ij.commands;

import ij.IJ;
import ij.ImagePlus;
import ij.WindowManager;
import ij.macro.Interpreter;
import ij.measure.ResultsTable;
import ij.plugin.filter.Analyzer;
import ij.plugin.frame.RoiManager;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.tumorj.detect.DetectionParams;
import org.tumorj.detect.Detections;
import org.tumorj.ij.CancellableTask;
import org.tumorj.pipeline.StudyOutputs;
import org.tumorj.ij.FindingsOverlay;
import org.tumorj.ij.ImageStudies;
import org.tumorj.ij.MacroKey;
import org.tumorj.ij.MacroKeys;
import org.tumorj.ij.MacroValues;
import org.tumorj.ij.PipelineSettings;
import org.tumorj.ij.TumorJCommand;
import org.tumorj.ij.VolumeImages;
import org.tumorj.pipeline.BatchDetection;
import org.tumorj.pipeline.Bundles;
import org.tumorj.privacy.Deidentifier;
import org.tumorj.util.AtomicFiles;
import org.tumorj.volume.Volume;

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

    @Override
    public MacroKeys keys() {
        return KEYS;
    }

    @Override
    public String documentedOptions() {
        return "model=/data/models/liver-v1 threshold=0 heat_map results";
    }

    @Override
    protected void execute(MacroValues v) throws IOException {
        ImagePlus imp = WindowManager.getCurrentImage();
        if (imp == null) {
            throw new IllegalArgumentException(COMMAND + ": no image open; open a series with Plugins > TumorJ >"
                    + " Open DICOM Series... first");
        }
        Path model = v.existingFolder("model");
        double threshold = v.number("threshold");
        if (threshold < 0 || threshold >= 1) {
            throw new IllegalArgumentException(COMMAND + ": threshold=" + threshold + ": give a probability in"
                    + " (0, 1), or 0 for the model's own threshold");
        }
        String salt = v.string("deidentify_salt");
        Deidentifier deidentifier = PipelineSettings.deidentifier(salt);
        Volume original = VolumeImages.toVolume(imp);
        Volume volume = deidentifier == null ? original : deidentifier.apply(original);
        String study = deidentifier == null ? ImageStudies.studyId(imp) : deidentifier.studyLabel(ImageStudies.studyId(imp));
        List<String> warnings = new java.util.ArrayList<>();
        Detections d = CancellableTask.run(COMMAND, progress -> {
            try (Bundles.Opened opened = Bundles.open(model)) {
                warnings.addAll(opened.detector().trainedOn().check(original.info(), v.bool("allow_other_series")));
                warnings.forEach(w -> progress.log(COMMAND.replace("...", "") + ": " + study + ": " + w));
                DetectionParams params = opened.detector().defaultParams(volume);
                return opened.detector().detect(volume, study,
                        threshold > 0 ? params.withThreshold(threshold) : params, progress);
            }
        });
        show(imp, d, v);
        if (!v.string("output").isBlank()) {
            Path target = v.path("output").resolve(study);
            AtomicFiles.writeDirectory(target, dir -> {
                StudyOutputs.standard(false).write(dir, volume, d);
                BatchDetection.writeWarnings(dir, warnings);
            });
            IJ.log(COMMAND.replace("...", "") + ": files in " + target.toAbsolutePath());
        }
        IJ.log(String.format(Locale.ROOT, "%s: %s: %d finding(s) at threshold %.3f", COMMAND.replace("...", ""),
                study, d.findings().size(), d.params().threshold()));
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
                FindingsOverlay.addToRoiManager(imp, d, roiManager());
            }
        }
        if (!d.findings().isEmpty() && imp.getNChannels() * imp.getNFrames() == 1) {
            // findings come highest score first: show the slice of the most likely one
            imp.setSlice((int) Math.round(d.findings().get(0).centroidPx().z()) + 1);
        }
        imp.updateAndDraw();
    }

    private static RoiManager roiManager() {
        RoiManager rm = RoiManager.getInstance();
        if (rm == null && IJ.isMacro() && Interpreter.isBatchMode()) {
            rm = Interpreter.getBatchModeRoiManager();
        }
        return rm != null ? rm : RoiManager.getRoiManager();
    }
}
