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

    /** The DICOM objects asked for, as {@code ./tumorj detect --export seg,rtstruct} asks for them. */
    public static Set<DicomExport> dicomExports(boolean seg, boolean rtstruct) {
        Set<DicomExport> exports = EnumSet.noneOf(DicomExport.class);
        if (seg) {
            exports.add(DicomExport.SEG);
        }
        if (rtstruct) {
            exports.add(DicomExport.RTSTRUCT);
        }
        return exports;
    }

    /** The batch's last Log lines: each partial or failed study, then the summary and where the results are. */
    public static void log(String command, BatchDetection.Summary summary, Path output) {
        summary.partial().forEach(f -> CommandLog.log(command, f));
        summary.failures().forEach(f -> CommandLog.log(command, f));
        CommandLog.log(command, summary + "; results in " + output.toAbsolutePath());
    }
}
