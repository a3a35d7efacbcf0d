package org.tumorj.ij.commands;

import java.io.IOException;
import java.nio.file.Path;
import org.tumorj.api.TumorJ;
import org.tumorj.ij.CancellableTask;
import org.tumorj.ij.FolderDetections;
import org.tumorj.ij.MacroKey;
import org.tumorj.ij.MacroKeys;
import org.tumorj.ij.MacroValues;
import org.tumorj.ij.PipelineSettings;
import org.tumorj.ij.TumorJCommand;
import org.tumorj.pipeline.BatchDetection;

/**
 * Plugins > TumorJ > Batch Detect Folder...: {@code ./tumorj detect} from ImageJ. Each study of
 * the input folder gets an output folder (detections.csv, overlay.tif, heatmap.tif, preview.png,
 * and with export_seg / export_rtstruct / export_seg_fractional seg.dcm / rtstruct.dcm /
 * seg-fractional.dcm); "i/n" per study goes to the Log, a study that fails is logged and the batch
 * goes on, and the summary line ends the run.
 */
public final class BatchDetectFolder extends TumorJCommand {
    public static final String COMMAND = "Batch Detect Folder...";
    private static final MacroKeys KEYS = MacroKeys.of(COMMAND,
            PipelineSettings.MODEL_KEY,
            MacroKey.folder("input", "", "A folder of study folders (or one series folder)"),
            MacroKey.folder("output", "", "Where each study's results go, one folder per study (created)"),
            MacroKey.bool("skip_existing", true, "Skip studies whose results are already there (resume a batch)"),
            MacroKey.bool("include_patient_id", false, "Add the PatientID column to detections.csv (sensitive:"
                    + " only for files that stay inside the hospital)"),
            MacroKey.string("deidentify_salt", "", "When set, outputs carry pseudonyms instead of study folder names"
                    + " and UIDs (DICOM PS3.15 Annex E basic profile); keep the salt secret and the same between runs"),
            PipelineSettings.SERIES_KEY, PipelineSettings.ALLOW_OTHER_SERIES_KEY,
            FolderDetections.EXPORT_SEG_KEY, FolderDetections.EXPORT_RTSTRUCT_KEY,
            FolderDetections.EXPORT_SEG_FRACTIONAL_KEY);

    public BatchDetectFolder() {
        super(KEYS, "model=/data/models/liver-v1 input=/data/new-studies output=/data/results skip_existing");
    }

    @Override
    protected void execute(MacroValues v) throws IOException {
        Path model = v.existingFolder("model");
        Path input = v.existingFolder("input");
        Path output = v.requiredPath("output", "no output given; write output=/folder/for/results");
        boolean patientId = v.bool("include_patient_id");
        BatchDetection.Summary summary = CancellableTask.run(COMMAND, progress -> TumorJ.detectFolder(
                new TumorJ.FolderDetection(model, input, output, v.string(PipelineSettings.SERIES_KEY.name()), patientId,
                        FolderDetections.pseudonymSalt(COMMAND, v.string("deidentify_salt"), patientId),
                        v.bool("allow_other_series"), false, v.bool("skip_existing"),
                        FolderDetections.dicomExports(v), null), progress));
        FolderDetections.log(COMMAND, summary, output);
    }
}
