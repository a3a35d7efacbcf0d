package org.tumorj.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.tumorj.annotation.AnnotationClasses;
import org.tumorj.dataset.AnnotationReader;
import org.tumorj.dataset.VolumeLoader;
import org.tumorj.dicom.DicomException;
import org.tumorj.dicom.DicomReader;
import org.tumorj.dicom.DicomSeries;
import org.tumorj.detect.Detections;
import org.tumorj.evaluation.LesionMatching;
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
    private StudyShard shard = StudyShard.ALL;
    /** Reads a study's annotations for the pictures; null: pictures without them. */
    private AnnotationReader annotations;
    private AnnotationClasses classes = AnnotationClasses.defaults();

    /** A file written beside a study's outputs when the model ran on a series of another kind. */
    public static final String WARNINGS = "warnings.txt";

    /** Temporary output folders older than this belong to no live run (see {@link AtomicFiles#removeLeftovers}). */
    static final java.time.Duration LEFTOVER_AGE = java.time.Duration.ofMinutes(10);

    /** One row per study in the output folder: study, status, findings, detail. */
    public static final String SUMMARY_CSV = "batch-summary.csv";

    /**
     * What happened to a batch.
     *
     * @param done studies detected completely in this run
     * @param partial the log lines of studies detected although some of their files could not be read
     *     or slices of their series are missing (a gap in the positions): which ones and why, the
     *     study's warnings.txt
     * @param failures the log lines of studies that could not be detected
     * @param shard the part of the folder this run did ({@link StudyShard#ALL} for all of it)
     */
    public record Summary(int studies, int done, int skipped, List<String> partial, List<String> failures,
            StudyShard shard) {
        /** The summary of a whole, unsharded batch. */
        public Summary(int studies, int done, int skipped, List<String> partial, List<String> failures) {
            this(studies, done, skipped, partial, failures, StudyShard.ALL);
        }

        @Override
        public String toString() {
            return (shard.isAll() ? "" : "shard " + shard + ": ") + studies + " studies: " + done + " complete, "
                    + partial.size() + " partial (files unreadable or slices missing), " + skipped + " skipped (already done), "
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
     * Matches each study's findings to the annotations found beside its images (read by
     * {@code reader}, lesions being the {@code classes}' positive labels), so that its pictures
     * show the reference standard: hits, misses and false positives by the evaluation's hit rule.
     * A study without annotations is pictured as before; annotations that cannot be read are
     * named in its warnings and left out, they never fail its detection.
     */
    public BatchDetection showingAnnotations(AnnotationReader reader, AnnotationClasses lesionClasses) {
        this.annotations = reader;
        this.classes = lesionClasses;
        return this;
    }

    /**
     * Detects in one part of the folder only (see {@link StudyShard}), so that N jobs of a
     * scheduler's array share a batch; the summary file is then the shard's own
     * ({@link StudyShard#summaryFileName}).
     */
    public BatchDetection inShard(StudyShard part) {
        this.shard = part;
        return this;
    }

    /**
     * The studies under {@code input}: each of its subfolders; or, when it holds files directly,
     * the folder itself (one series folder), unless those files are radiographs: a folder of
     * radiographs is a set of 2D studies, one per file.
     */
    public static List<Path> studies(Path input) throws IOException {
        return studies(input, Progress.none());
    }

    /**
     * As {@link #studies(Path)}, naming in {@code progress} each folder that is not taken for a study
     * and why: a hidden folder (its name starts with a dot), a folder beside a folder of
     * radiograph files, an entry that is neither a file nor a folder (a broken link).
     */
    public static List<Path> studies(Path input, Progress progress) throws IOException {
        return studies(input, progress, Path::toString);
    }

    /**
     * As {@link #studies(Path, Progress)}, each skipped entry named by {@code naming}: a
     * de-identified batch names it by its pseudonym, never by its real (often patient) name.
     */
    public static List<Path> studies(Path input, Progress progress, Function<Path, String> naming) throws IOException {
        if (!Files.isDirectory(input)) {
            throw new IOException(input + ": not a folder; give a study folder or a folder of study folders");
        }
        try (Stream<Path> children = Files.list(input)) {
            List<Path> entries = children.sorted().toList();
            List<Path> all = new ArrayList<>();
            for (Path p : entries) {
                if (p.getFileName().toString().startsWith(".")) {
                    if (Files.isDirectory(p)) {
                        progress.log(oneLine("skipped the folder " + naming.apply(p) + ": hidden (its name starts with a"
                                + " dot); rename it to detect in it"));
                    }
                } else if (!Files.isRegularFile(p) && !Files.isDirectory(p)) {
                    progress.log(oneLine("skipped " + naming.apply(p) + ": neither a file nor a folder (a broken link?)"));
                } else {
                    all.add(p);
                }
            }
            List<Path> files = all.stream().filter(Files::isRegularFile)
                    .filter(p -> !DicomStudies.KNOWN_SIDECARS.contains(p.getFileName().toString())).toList();
            List<Path> folders = all.stream().filter(Files::isDirectory).toList();
            if (!files.isEmpty() || folders.isEmpty()) {
                if (all.isEmpty()) {
                    throw new IOException(input + ": the folder is empty; nothing to detect");
                }
                if (files.size() > 1 && firstImageIsProjection(files)) {
                    folders.forEach(f -> progress.log(oneLine("skipped the folder " + naming.apply(f) + ": the folder it is in holds"
                            + " radiograph files, each a study; give the folder itself to detect in it")));
                    return files;
                }
                return List.of(input);
            }
            return folders;
        }
    }

    /**
     * {@code text} on one line: a line break or other control character (a folder name may hold
     * one) written as an escape, so that a log line cannot be split or forged by a name.
     */
    public static String oneLine(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (Character.isISOControl(c)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
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

    /** The name of a study's output folder: {@link #studyName}, or its pseudonym when de-identified. */
    public String studyLabel(Path study) {
        String folderName = studyName(study);
        return deidentifier == null ? folderName : deidentifier.studyLabel(folderName);
    }

    /** The files a complete study's output folder holds, {@code detections.csv} first: what a resumed batch checks. */
    public List<String> outputFiles() {
        List<String> files = new ArrayList<>(List.of(StudyOutputs.CSV));
        outputs.files().stream().filter(f -> !files.contains(f)).forEach(files::add);
        return files;
    }

    /** The output folder's name of a study: its folder's name, or a radiograph file's name without extension. */
    /** How a folder is named in this batch's log: its path, or with de-identification its pseudonym. */
    private String logName(Path folder) {
        return deidentifier == null ? folder.toString() : "<" + deidentifier.studyLabel(studyName(folder)) + ">";
    }

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
        // the shard is taken after the output folder is left out, which is left out whether or not it
        // exists yet: every job of an array sees the same list, however far the others have got
        List<Path> studies = shard.select(withoutOutput(studies(input, progress, this::logName), input, output, progress));
        if (!shard.isAll()) {
            progress.log("shard " + shard + ": " + studies.size() + " of the folder's studies");
        }
        prepareOutput(output, progress);
        int done = 0;
        int skipped = 0;
        List<String> partial = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        List<StudyResult> rows = new ArrayList<>();
        for (int i = 0; i < studies.size(); i++) {
            progress.checkCancelled();
            StudyResult r = detectStudy(studies.get(i), output, skipExisting, (i + 1) + "/" + studies.size(), progress);
            rows.add(r);
            switch (r.status()) {
                case StudyResult.COMPLETE -> done++;
                case StudyResult.DONE_EARLIER -> skipped++;
                case StudyResult.PARTIAL -> partial.add(r.logLine());
                default -> failures.add(r.logLine());
            }
            progress.update("batch detection", i + 1, studies.size());
        }
        AtomicFiles.writeString(output.resolve(shard.summaryFileName()), summaryCsv(rows));
        return new Summary(studies.size(), done, skipped, partial, failures, shard);
    }

    /**
     * Creates the output folder and removes the temporary folders an interrupted run left in it
     * (those older than {@link #LEFTOVER_AGE}; a live run's are younger).
     */
    public static void prepareOutput(Path output, Progress progress) throws IOException {
        Files.createDirectories(output);
        int stale = AtomicFiles.removeLeftovers(output, LEFTOVER_AGE);
        if (stale > 0) {
            progress.log("removed " + stale + " unfinished output folder(s) of an earlier, interrupted run");
        }
    }

    /**
     * What became of one study, as the summary file states it.
     *
     * @param study the study's output folder name (its pseudonym when de-identified)
     * @param status {@link #COMPLETE}, {@link #PARTIAL}, {@link #FAILED} or {@link #DONE_EARLIER}
     * @param findings how many findings, empty when none were detected in this run
     * @param detail why a study is partial or failed; empty otherwise
     * @param logLine the line logged for it (redacted when de-identified)
     */
    public record StudyResult(String study, String status, String findings, String detail, String logLine) {
        public static final String COMPLETE = "complete";
        public static final String PARTIAL = "partial";
        public static final String FAILED = "failed";
        public static final String DONE_EARLIER = "done earlier";
    }

    /**
     * Detects in one study and writes its folder {@code output/<study>} whole, as {@link #run} does
     * for each study of a folder (the same files, byte for byte); a study whose outputs are
     * complete is skipped when {@code skipExisting}. A study that cannot be detected is a
     * {@link StudyResult#FAILED} result, not an exception: the caller goes on with the next.
     *
     * @param position how the log names the study's place in its batch, e.g. {@code 3/40}
     */
    public StudyResult detectStudy(Path study, Path output, boolean skipExisting, String position, Progress progress) {
        String folderName = studyName(study);
        String id = studyLabel(study);
        Path target = output.resolve(id);
        // de-identified: a study's real path and folder name never reach the log, even inside an error
        List<String> secrets = deidentifier == null ? new ArrayList<>()
                : new ArrayList<>(List.of(study.toAbsolutePath().toString(), study.toString(), folderName));
        // one line per message: a folder name holding a line break cannot split or forge a log line
        Progress log = deidentifier == null ? oneLineLog(progress) : redacting(oneLineLog(progress), id, secrets);
        if (skipExisting && isDone(target)) {
            String line = oneLine(position + " " + id + ": already done, skipped");
            log.log(line);
            return new StudyResult(id, StudyResult.DONE_EARLIER, "", "", line);
        }
        try {
            Outcome outcome = detectOne(study, id, target, log, secrets);
            String found = String.valueOf(outcome.detections().findings().size());
            if (outcome.unreadable().isEmpty() && outcome.missing().isEmpty()) {
                String line = oneLine(position + " " + id + ": " + found + " finding(s)");
                log.log(line);
                return new StudyResult(id, StudyResult.COMPLETE, found, "", line);
            }
            String why = partialReason(outcome);
            String line = oneLine(position + " " + id + ": " + found + " finding(s); PARTIAL: " + why + " (listed in "
                    + WARNINGS + ")");
            log.log(line);
            return new StudyResult(id, StudyResult.PARTIAL, found, why, redact(line, id, secrets));
        } catch (CancelledException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            String message = oneLine(redact(position + " " + id + ": failed: " + e.getMessage(), id, secrets));
            log.log(message);
            return new StudyResult(id, StudyResult.FAILED, "", redact(String.valueOf(e.getMessage()), id, secrets),
                    message);
        }
    }

    /**
     * The studies less the output folder itself (or a study folder holding it): {@code --out}
     * inside a folder of studies is not a study, on this run or the next. (A single series folder
     * given as input stays its own study.)
     */
    private static List<Path> withoutOutput(List<Path> studies, Path input, Path output, Progress progress)
            throws IOException {
        Path out = output.toAbsolutePath().normalize();
        if (out.equals(input.toAbsolutePath().normalize())) {
            throw new IOException(output + ": is the input folder; the results would be read as studies on the next"
                    + " run. Choose another output folder");
        }
        List<Path> kept = new ArrayList<>();
        for (Path s : studies) {
            if (!s.equals(input) && out.startsWith(s.toAbsolutePath().normalize())) {
                progress.log(oneLine("skipped the output folder " + output + " (it is inside the input folder)"));
            } else {
                kept.add(s);
            }
        }
        return kept;
    }

    /**
     * Whether a study's folder holds every output file (and at least its CSV): a folder a user
     * emptied in part is done again, not skipped.
     */
    private boolean isDone(Path target) {
        return Files.isRegularFile(target.resolve(StudyOutputs.CSV))
                && outputs.files().stream().allMatch(f -> Files.isRegularFile(target.resolve(f)));
    }

    /**
     * A de-identified study's log: its real names replaced, and the reader's per-file lines left
     * out (a file's path may name the patient in any folder; the study's PARTIAL line counts them
     * and its warnings.txt lists them by number).
     */
    private static Progress redacting(Progress progress, String id, List<String> secrets) {
        return new Progress() {
            @Override public void update(String step, long done, long total) {
                progress.update(redact(step, id, secrets), done, total); // steps name the study
            }
            @Override public boolean isCancelled() { return progress.isCancelled(); }
            @Override public void log(String message) {
                if (!message.startsWith(DicomStudies.SKIPPED)) {
                    progress.log(redact(message, id, secrets));
                }
            }
            @Override public void detail(String message) { progress.detail(redact(message, id, secrets)); }
        };
    }

    /** {@code progress} with every message put on {@link #oneLine one line}. */
    static Progress oneLineLog(Progress progress) {
        return new Progress() {
            @Override public void update(String step, long done, long total) { progress.update(step, done, total); }
            @Override public boolean isCancelled() { return progress.isCancelled(); }
            @Override public void log(String message) { progress.log(oneLine(message)); }
            @Override public void detail(String message) { progress.detail(oneLine(message)); }
        };
    }

    /** {@code text} with a de-identified study's real names (the list grows once its header is read) replaced. */
    private static String redact(String text, String id, List<String> secrets) {
        String out = text;
        for (String secret : secrets.stream().filter(x -> x != null && !x.isEmpty())
                .sorted((a, b) -> b.length() - a.length()).toList()) { // a path before the folder name inside it
            out = out.replace(secret, "<" + id + ">");
        }
        return out;
    }

    /**
     * What detection of one study gave, the files of it that could not be read, and the reader's
     * warnings that say slices are missing (where).
     */
    private record Outcome(Detections detections, List<String> unreadable, List<String> missing) {}

    /** Why a study is partial: files that could not be read, then each gap with the missing positions. */
    private static String partialReason(Outcome outcome) {
        List<String> why = new ArrayList<>();
        if (!outcome.unreadable().isEmpty()) {
            why.add(outcome.unreadable().size() + " file(s) could not be read");
        }
        why.addAll(outcome.missing());
        return String.join("; ", why);
    }

    private Outcome detectOne(Path study, String id, Path target, Progress progress, List<String> secrets)
            throws IOException {
        Volume loaded = volumes.load(study, progress);
        if (deidentifier != null && loaded.info().seriesDescription() != null) {
            secrets.add(loaded.info().seriesDescription()); // free text: in a refusal it must not reach the log
        }
        Volume volume = deidentifier == null ? loaded : deidentifier.apply(loaded);
        // checked before de-identification, which blanks the SeriesDescription (free text)
        List<String> warnings = new ArrayList<>(detector.trainedOn().check(loaded.info(), allowOtherSeries));
        warnings.addAll(DicomStudies.readerWarnings(loaded)); // gaps, uneven spacing: what `info` prints
        warnings.forEach(w -> progress.log(id + ": " + w));
        List<String> skipped = DicomStudies.skippedFiles(loaded);
        List<String> unreadable = new ArrayList<>();
        for (int k = 0; k < skipped.size(); k++) {
            String w = skipped.get(k); // de-identified: the file's name and folders give way to a number
            unreadable.add(deidentifier == null ? w : DicomStudies.SKIPPED + "file " + (k + 1) + w.substring(w.indexOf(": ")));
        }
        warnings.addAll(unreadable);
        Detections detections = detector.detect(volume, id, detector.defaultParams(volume), progress);
        LesionMatching matching = matching(study, loaded, detections, warnings, id, progress);
        AtomicFiles.writeDirectory(target, dir -> {
            outputs.write(dir, volume, detections, matching);
            writeWarnings(dir, warnings);
        });
        return new Outcome(detections, unreadable, DicomStudies.missingSlices(loaded));
    }

    /**
     * The study's findings matched to its annotations, or null when it has none (or none are
     * asked for). Read against the volume as loaded, whose SOPInstanceUIDs the annotations name
     * (de-identification keeps the geometry, so the lesions' millimetres are the findings').
     */
    private LesionMatching matching(Path study, Volume loaded, Detections detections, List<String> warnings, String id,
            Progress progress) {
        if (annotations == null || !Files.isDirectory(study)) {
            return null; // a radiograph file of a folder of radiographs has no annotation files of its own
        }
        try {
            return LesionMatching.ofAnnotations(detections, loaded.info(), annotations.read(study, loaded), classes);
        } catch (IOException | RuntimeException e) {
            String w = "annotations not drawn in the preview: " + e.getMessage();
            warnings.add(w);
            progress.log(id + ": " + w);
            return null;
        }
    }

    /** The summary rows as CSV; a cell that a spreadsheet would read as a formula is neutralised. */
    static String summaryCsv(List<StudyResult> rows) {
        StringBuilder out = new StringBuilder("study,status,findings,detail\n");
        for (StudyResult r : rows) {
            out.append(String.join(",", cell(r.study()), r.status(), r.findings(), cell(r.detail()))).append('\n');
        }
        return out.toString();
    }

    /** Quoted when needed; a leading = + - @ (spreadsheet formula injection) gets a leading apostrophe. */
    public static String cell(String text) {
        String t = org.tumorj.detect.DetectionsCsv.notAFormula(text.replace("\r", " ").replace("\n", " "));
        return t.contains(",") || t.contains("\"") ? "\"" + t.replace("\"", "\"\"") + "\"" : t;
    }
}
