package org.tumorj.cli;

import java.nio.file.Path;
import java.util.Set;
import org.tumorj.api.TumorJ;
import org.tumorj.interop.DicomExport;
import org.tumorj.pipeline.BatchDetection;
import org.tumorj.pipeline.StudyShard;
import org.tumorj.util.AtomicFiles;
import org.tumorj.util.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./tumorj detect --model MODEL_DIR --input PATH --out DIR}: detection over a series folder
 * or a folder of studies, one output folder per study (detections.csv, overlay.tif,
 * heatmap.tif, preview.png). Studies already done are skipped unless {@code --redo};
 * {@code --deidentify SALT} writes pseudonyms instead of folder names and UIDs. Each study's
 * series is the one matching {@code --series REGEX}, else the model's own SeriesDescription
 * pattern; a series of another modality or kind than the model's is refused unless
 * {@code --allow-other-series} (then {@code warnings.txt} says so beside the outputs).
 * {@code --candidates} adds {@code candidates.csv}: every finding down to a score of 1e-4, the
 * ranked list a FROC analysis needs. {@code --export seg,rtstruct} adds the findings as DICOM
 * objects, {@code seg.dcm} (Segmentation) and {@code rtstruct.dcm} (RT Structure Set), in the
 * source study (de-identified with {@code --deidentify}); {@code seg-fractional} adds the
 * probability map as a fractional Segmentation, {@code seg-fractional.dcm}. {@code --shard K/N} detects in the Kth
 * of N parts of the folder only (study i of the sorted list goes to part {@code i % N + 1}), so a
 * scheduler's job array spreads one batch over N jobs; each shard writes its own
 * {@code batch-summary-shard-K-of-N.csv}.
 */
@Command(name = "detect", description = {"Detect tumours in a series folder or a folder of studies.",
    "One folder per study: detections.csv, overlay.tif, heatmap.tif, preview.png.",
    "batch-summary.csv: each study complete, partial or failed.",
    "Exit status 0 every study complete, 3 some read without all their files (none failed), 1 any failed."})
public final class DetectCommand implements CliCommand {
    /** Exit status of a batch in which some study was read without all of its files. */
    static final int PARTIAL = 3;

    @Option(names = "--model", required = true, paramLabel = "MODEL_DIR", description = "The trained model bundle.")
    Path model;

    @Option(names = "--input", required = true, paramLabel = "SERIES_OR_STUDIES_DIR",
            description = "One series' folder, or a folder of study folders.")
    Path input;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where the per-study folders go; checked before any work.")
    Path out;

    @Mixin DetectionChoices choices;

    @Option(names = "--export", paramLabel = "seg,rtstruct",
            description = "Also file the findings in the study as DICOM: seg (Segmentation), rtstruct (RT Structure Set);"
                    + " seg-fractional: the probability map as a fractional Segmentation.")
    String export = "";

    @Option(names = "--shard", paramLabel = "K/N", description = "Only the Kth of N parts of the folder (a job array's task).")
    String shard;

    @Mixin Verbosity verbosity;

    @Override
    public Integer call() throws Exception {
        Set<DicomExport> exports = dicomExports(export);
        StudyShard part = shard(shard);
        String salt = choices.deidentifySalt();
        AtomicFiles.checkWritable(out, false); // before the model loads and the first study runs
        Progress progress = verbosity.console();
        BatchDetection.Summary summary = TumorJ.detectFolder(new TumorJ.FolderDetection(model, input, out,
                choices.series(), choices.includePatientId(), salt, choices.allowOtherSeries(),
                choices.candidates(), choices.skipDone(), exports, part), progress);
        System.out.println(summary + "; results in " + out.toAbsolutePath());
        return exitStatus(summary);
    }

    /** 0: every study complete; 1: a study failed; 3: none failed but some were read without all their files. */
    static int exitStatus(BatchDetection.Summary summary) {
        return !summary.failures().isEmpty() ? 1 : summary.partial().isEmpty() ? 0 : PARTIAL;
    }

    /** {@code --export seg,rtstruct}: DICOM objects per study; none when blank. */
    static Set<DicomExport> dicomExports(String list) throws CliException {
        try {
            return DicomExport.parse(list);
        } catch (IllegalArgumentException e) {
            throw new CliException("--export: " + e.getMessage());
        }
    }

    /** {@code --shard K/N}, checked before the model loads; the whole folder when absent. */
    private static StudyShard shard(String text) throws CliException {
        try {
            return StudyShard.parse(text);
        } catch (IllegalArgumentException e) {
            throw new CliException("--" + e.getMessage());
        }
    }
}
