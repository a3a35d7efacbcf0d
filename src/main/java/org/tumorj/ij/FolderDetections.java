package org.tumorj.ij;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import org.tumorj.interop.DicomExport;
import org.tumorj.pipeline.BatchDetection;

/**
 * What Batch Detect Folder adds to {@link org.tumorj.api.TumorJ#detectFolder}: its choices read
 * as {@code ./tumorj detect} reads them, and the batch's end in the Log (the studies that came
 * out partial or failed, then the summary), since a batch goes on past a failed study.
 */
public final class FolderDetections {
    /** The findings as a binary Segmentation; Batch Detect Folder and Export Findings as DICOM share the keys. */
    public static final MacroKey EXPORT_SEG_KEY = MacroKey.bool("export_seg", false, "Also write the findings as a"
            + " DICOM Segmentation (seg.dcm) in the source study, one segment per finding");
    public static final MacroKey EXPORT_RTSTRUCT_KEY = MacroKey.bool("export_rtstruct", false, "Also write the findings"
            + " as an RT Structure Set (rtstruct.dcm), one ROI of contours in patient mm per finding");
    public static final MacroKey EXPORT_SEG_FRACTIONAL_KEY = MacroKey.bool("export_seg_fractional", false, "Also write"
            + " the probability map as a fractional DICOM Segmentation (seg-fractional.dcm: probability x 255, a frame"
            + " per slice), with or without findings");

    private FolderDetections() {}

    /**
     * The salt for pseudonymous outputs, blank for none.
     *
     * @throws IllegalArgumentException a salt with the patient ID column: outputs cannot both hide and carry the patient
     */
    public static String pseudonymSalt(String command, String salt, boolean includePatientId) {
        if (!salt.isBlank() && includePatientId) {
            throw new IllegalArgumentException(command + ": deidentify_salt and include_patient_id contradict each"
                    + " other; choose one");
        }
        return salt;
    }

    /** The DICOM objects asked for, as {@code ./tumorj detect --export seg,rtstruct,seg-fractional} asks for them. */
    public static Set<DicomExport> dicomExports(boolean seg, boolean rtstruct, boolean segFractional) {
        Set<DicomExport> exports = EnumSet.noneOf(DicomExport.class);
        if (seg) {
            exports.add(DicomExport.SEG);
        }
        if (rtstruct) {
            exports.add(DicomExport.RTSTRUCT);
        }
        if (segFractional) {
            exports.add(DicomExport.SEG_FRACTIONAL);
        }
        return exports;
    }

    /** The DICOM objects ticked with the {@code export_*} keys. */
    public static Set<DicomExport> dicomExports(MacroValues v) {
        return dicomExports(v.bool(EXPORT_SEG_KEY.name()), v.bool(EXPORT_RTSTRUCT_KEY.name()),
                v.bool(EXPORT_SEG_FRACTIONAL_KEY.name()));
    }

    /** The batch's last Log lines: each partial or failed study, then the summary and where the results are. */
    public static void log(String command, BatchDetection.Summary summary, Path output) {
        summary.partial().forEach(f -> CommandLog.log(command, f));
        summary.failures().forEach(f -> CommandLog.log(command, f));
        CommandLog.log(command, summary + "; results in " + output.toAbsolutePath());
    }
}
