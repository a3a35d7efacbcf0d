package org.tumorj.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.tumorj.dataset.VolumeLoader;
import org.tumorj.dicom.DicomException;
import org.tumorj.dicom.DicomReader;
import org.tumorj.dicom.DicomSeries;
import org.tumorj.detect.Detections;
import org.tumorj.privacy.Deidentifier;
import org.tumorj.util.AtomicFiles;
import org.tumorj.util.CancelledException;
import org.tumorj.util.Progress;
import org.tumorj.volume.Volume;
import org.tumorj.volume.VolumeInfo;

/**
 * Detection over a folder of studies, one output folder per study: studies already done are
 * skipped (so an interrupted batch resumes), a study that fails is logged and the batch goes on,
 * and each study's folder appears whole or not at all.
 */
public final class BatchDetection {
    private final TrainedDetector detector;
    private final VolumeLoader volumes;
    private final StudyOutputs outputs;
    private final Deidentifier deidentifier;
    private boolean allowOtherSeries;

    /** A file written beside a study's outputs when the model ran on a series of another kind. */
    public static final String WARNINGS = "warnings.txt";

    /** What happened to a batch. */
    public record Summary(int studies, int done, int skipped, List<String> failures) {
        @Override
        public String toString() {
            return studies + " studies: " + done + " done, " + skipped + " skipped (already done), "
                    + failures.size() + " failed";
        }
    }

    public BatchDetection(TrainedDetector detector, VolumeLoader volumes, StudyOutputs outputs) {
        this(detector, volumes, outputs, null);
    }

    /**
     * @param deidentifier when not null, every output (folder name, CSV, TIFF labels, log lines)
     *     carries pseudonyms instead of the study's folder name and UIDs
     */
    public BatchDetection(TrainedDetector detector, VolumeLoader volumes, StudyOutputs outputs,
            Deidentifier deidentifier) {
        this.detector = detector;
        this.volumes = volumes;
        this.outputs = outputs;
        this.deidentifier = deidentifier;
    }

    /**
     * Runs the model even on series of another modality or kind than it was trained on (see
     * {@link TrainedSeries#check}); each such study then gets a {@link #WARNINGS} file and a log line.
     */
    public BatchDetection allowingOtherSeries(boolean allow) {
        this.allowOtherSeries = allow;
        return this;
    }

    /**
     * The studies under {@code input}: each of its subfolders; or, when it holds files directly,
     * the folder itself (one series folder), unless those files are radiographs: a folder of
     * radiographs is a set of 2D studies, one per file.
     */
    public static List<Path> studies(Path input) throws IOException {
        if (!Files.isDirectory(input)) {
            throw new IOException(input + ": not a folder; give a study folder or a folder of study folders");
        }
        try (Stream<Path> children = Files.list(input)) {
            List<Path> all = children.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
            List<Path> files = all.stream().filter(Files::isRegularFile)
                    .filter(p -> !DicomStudies.KNOWN_SIDECARS.contains(p.getFileName().toString())).toList();
            List<Path> folders = all.stream().filter(Files::isDirectory).toList();
            if (!files.isEmpty() || folders.isEmpty()) {
                if (all.isEmpty()) {
                    throw new IOException(input + ": the folder is empty; nothing to detect");
                }
                return files.size() > 1 && firstImageIsProjection(files) ? files : List.of(input);
            }
            return folders;
        }
    }

    /** Looks at the first readable DICOM file only: a CT series folder is not scanned twice. */
    private static boolean firstImageIsProjection(List<Path> files) {
        for (Path f : files.subList(0, Math.min(files.size(), 8))) {
            try {
                List<DicomSeries> series = DicomReader.standard().scan(f, Progress.none()).series();
                if (!series.isEmpty()) {
                    return VolumeInfo.isProjectionModality(series.get(0).summary().modality());
                }
            } catch (DicomException e) {
                // not DICOM (a note, a sidecar): try the next file
            }
        }
        return false;
    }

    /** The output folder's name of a study: its folder's name, or a radiograph file's name without extension. */
    static String studyName(Path study) {
        String name = study.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return Files.isRegularFile(study) && dot > 0 ? name.substring(0, dot) : name;
    }

    /** The {@link #WARNINGS} file of a study's outputs, when there is something to warn about. */
    public static void writeWarnings(Path dir, List<String> warnings) throws IOException {
        if (!warnings.isEmpty()) {
            Files.writeString(dir.resolve(WARNINGS), String.join("\n", warnings) + "\n");
        }
    }

    public Summary run(Path input, Path output, boolean skipExisting, Progress progress) throws IOException {
        List<Path> studies = studies(input);
        Files.createDirectories(output);
        int done = 0;
        int skipped = 0;
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < studies.size(); i++) {
            progress.checkCancelled();
            Path study = studies.get(i);
            String folderName = studyName(study);
            String id = deidentifier == null ? folderName : deidentifier.studyLabel(folderName);
            Path target = output.resolve(id);
            String position = (i + 1) + "/" + studies.size();
            // de-identified: a study's real path and folder name never reach the log, even inside an error
            String[] secrets = deidentifier == null ? new String[0]
                    : new String[] {study.toAbsolutePath().toString(), study.toString(), folderName};
            Progress log = progress.redacting("<" + id + ">", secrets);
            if (skipExisting && Files.exists(target.resolve(StudyOutputs.CSV))) {
                log.log(position + " " + id + ": already done, skipped");
                skipped++;
                continue;
            }
            try {
                Detections d = detectOne(study, id, target, log);
                log.log(position + " " + id + ": " + d.findings().size() + " finding(s)");
                done++;
            } catch (CancelledException e) {
                throw e;
            } catch (IOException | RuntimeException e) {
                String message = Progress.redact(position + " " + id + ": failed: " + e.getMessage(), "<" + id + ">", secrets);
                log.log(message);
                failures.add(message);
            }
            progress.update("batch detection", i + 1, studies.size());
        }
        return new Summary(studies.size(), done, skipped, failures);
    }

    private Detections detectOne(Path study, String id, Path target, Progress progress) throws IOException {
        Volume loaded = volumes.load(study);
        Volume volume = deidentifier == null ? loaded : deidentifier.apply(loaded);
        // checked before de-identification, which blanks the SeriesDescription (free text)
        List<String> warnings = detector.trainedOn().check(loaded.info(), allowOtherSeries);
        warnings.forEach(w -> progress.log(id + ": " + w));
        Detections detections = detector.detect(volume, id, detector.defaultParams(volume), progress);
        AtomicFiles.writeDirectory(target, dir -> {
            outputs.write(dir, volume, detections);
            writeWarnings(dir, warnings);
        });
        return detections;
    }
}
