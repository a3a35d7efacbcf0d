package org.tumorj.ij.commands;

import ij.ImagePlus;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.tumorj.ij.CancellableTask;
import org.tumorj.ij.CommandLog;
import org.tumorj.ij.CurrentImages;
import org.tumorj.ij.FolderDetections;
import org.tumorj.ij.ImageFindings;
import org.tumorj.ij.MacroKey;
import org.tumorj.ij.MacroKeys;
import org.tumorj.ij.MacroValues;
import org.tumorj.ij.TumorJCommand;
import org.tumorj.interop.DicomExport;

/**
 * Plugins > TumorJ > Export Findings as DICOM...: the findings Detect Tumors drew on the open
 * series, written as a DICOM Segmentation, an RT Structure Set and/or the probability map as a
 * fractional Segmentation into {@code output/<study>}, the objects {@code ./tumorj detect --export}
 * writes, so that a PACS or viewer files them with the study. The source header they repeat is read
 * from the files the series was opened from.
 */
public final class ExportFindings extends TumorJCommand {
    public static final String COMMAND = "Export Findings as DICOM...";
    private static final MacroKeys KEYS = MacroKeys.of(COMMAND,
            MacroKey.folder("output", "", "The objects go into output/<study>, beside what Detect Tumors wrote there"
                    + " (created)"),
            FolderDetections.EXPORT_SEG_KEY, FolderDetections.EXPORT_RTSTRUCT_KEY,
            FolderDetections.EXPORT_SEG_FRACTIONAL_KEY);

    public ExportFindings() {
        super(KEYS, "output=/data/exports export_seg export_rtstruct export_seg_fractional");
    }

    @Override
    protected void execute(MacroValues v) throws IOException {
        ImagePlus imp = CurrentImages.required(COMMAND, "no image open; open a series with Plugins > TumorJ >"
                + " Open DICOM Series... and run Detect Tumors on it first");
        Path output = v.requiredPath("output", "no output given; write output=/folder/for/results");
        Set<DicomExport> exports = FolderDetections.dicomExports(v);
        if (exports.isEmpty()) {
            throw new IllegalArgumentException(COMMAND + ": nothing to export; tick export_seg, export_rtstruct or"
                    + " export_seg_fractional");
        }
        List<Path> files = CancellableTask.run(COMMAND, progress -> ImageFindings.export(imp, exports, output, progress));
        int findings = ImageFindings.count(imp);
        CommandLog.log(COMMAND, findings + " finding(s) of '" + imp.getTitle() + "'"
                + (findings == 0 && exports.stream().anyMatch(DicomExport::needsFindings)
                        ? " (no SEG or RTSTRUCT without findings)" : "")
                + "; written: " + (files.isEmpty() ? "nothing" : String.join(", ",
                        files.stream().map(p -> p.toAbsolutePath().toString()).toList())));
    }
}
