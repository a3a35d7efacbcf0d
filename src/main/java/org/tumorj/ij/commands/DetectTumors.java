package org.tumorj.ij.commands;

import ij.ImagePlus;
import java.io.IOException;
import org.tumorj.api.TumorJ;
import org.tumorj.ij.CancellableTask;
import org.tumorj.ij.CurrentImages;
import org.tumorj.ij.DetectionDisplay;
import org.tumorj.ij.ImageFindings;
import org.tumorj.ij.ImageStudies;
import org.tumorj.ij.MacroKey;
import org.tumorj.ij.MacroKeys;
import org.tumorj.ij.MacroValues;
import org.tumorj.ij.PipelineSettings;
import org.tumorj.ij.TumorJCommand;
import org.tumorj.ij.VolumeImages;

/**
 * Plugins > TumorJ > Detect Tumors...: runs a model bundle over the current image (a series
 * opened with Open DICOM Series), draws the findings and the heat map as an overlay, fills the
 * Results table, and optionally adds the findings to the ROI Manager and writes the same files as
 * {@code ./tumorj detect}. The detections are those of the command line for the same series; they
 * stay with the image for Export Findings as DICOM.
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
        ImagePlus imp = CurrentImages.required(COMMAND, "no image open; open a series with Plugins > TumorJ >"
                + " Open DICOM Series... first");
        TumorJ.VolumeDetection request = new TumorJ.VolumeDetection(v.existingFolder("model"), VolumeImages.toVolume(imp),
                ImageStudies.studyId(imp), v.number("threshold"), v.string("deidentify_salt"), v.bool("allow_other_series"),
                v.optionalPath("output"));
        TumorJ.VolumeResult result = CancellableTask.run(COMMAND, progress -> TumorJ.detectVolume(request, progress));
        ImageFindings.remember(imp, result, v.string("deidentify_salt"));
        DetectionDisplay.show(COMMAND, imp, result.detections(),
                new DetectionDisplay.Shown(v.bool("heat_map"), v.bool("results"), v.bool("roi_manager")));
        DetectionDisplay.log(COMMAND, result);
    }
}
