package org.tumorj.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.tumorj.api.TumorJ;
import org.tumorj.interop.DicomExport;
import org.tumorj.pipeline.BatchDetection;
import org.tumorj.pipeline.StudyShard;
import org.tumorj.util.AtomicFiles;
import org.tumorj.util.Progress;

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
 * source study (de-identified with {@code --deidentify}). {@code --shard K/N} detects in the Kth
 * of N parts of the folder only (study i of the sorted list goes to part {@code i % N + 1}), so a
 * scheduler's job array spreads one batch over N jobs; each shard writes its own
 * {@code batch-summary-shard-K-of-N.csv}.
 */
public final class DetectCommand implements CliCommand {
    @Override public String name() { return "detect"; }

    @Override public String summary() {
        return "detect tumours: --model MODEL_DIR --input SERIES_OR_STUDIES_DIR --out DIR";
    }

    /** Exit status of a batch in which some study was read without all of its files. */
    static final int PARTIAL = 3;

    @Override
    public int run(List<String> args) throws Exception {
        Options o = Options.parse(args, Set.of("model", "input", "out", "series", "deidentify",
                "export", "shard"), Set.of("redo", "include-patient-id",
                "allow-other-series", "candidates"));
        Path model = o.requirePath("model");
        Path input = o.requirePath("input");
        Path out = o.requirePath("out");
        Set<DicomExport> exports = dicomExports(o);
        StudyShard shard = shard(o);
        AtomicFiles.checkWritable(out, false); // before the model loads and the first study runs
        Progress progress = new ConsoleProgress(System.out);
        BatchDetection.Summary summary = TumorJ.detectFolder(new TumorJ.FolderDetection(model, input, out,
                o.get("series", null), o.has("include-patient-id"), deidentifySalt(o), o.has("allow-other-series"),
                o.has("candidates"), !o.has("redo"), exports, shard), progress);
        System.out.println(summary + "; results in " + out.toAbsolutePath());
        return exitStatus(summary);
    }

    /** 0: every study complete; 1: a study failed; 3: none failed but some were read without all their files. */
    static int exitStatus(BatchDetection.Summary summary) {
        return !summary.failures().isEmpty() ? 1 : summary.partial().isEmpty() ? 0 : PARTIAL;
    }

    /** {@code --export seg,rtstruct}: DICOM objects per study; none when absent. */
    static Set<DicomExport> dicomExports(Options o) throws CliException {
        try {
            return DicomExport.parse(o.get("export", ""));
        } catch (IllegalArgumentException e) {
            throw new CliException("--export: " + e.getMessage());
        }
    }

    /** {@code --shard K/N}, checked before the model loads; the whole folder when absent. */
    private static StudyShard shard(Options o) throws CliException {
        try {
            return StudyShard.parse(o.get("shard", null));
        } catch (IllegalArgumentException e) {
            throw new CliException("--" + e.getMessage());
        }
    }

    /** {@code --deidentify SALT}: pseudonymous outputs (PS3.15 Annex E basic profile); off when absent. */
    private static String deidentifySalt(Options o) throws CliException {
        if (o.has("deidentify") && o.has("include-patient-id")) {
            throw new CliException("--deidentify and --include-patient-id contradict each other; choose one");
        }
        return o.get("deidentify", null);
    }
}
