package org.tumorj.ij;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tumorj.cli.DetectCommand;
import org.tumorj.ij.commands.BatchDetectFolder;
import org.tumorj.ij.commands.DetectTumors;
import org.tumorj.ij.commands.EvaluateDetector;
import org.tumorj.ij.commands.ExportFindings;
import org.tumorj.ij.commands.OpenDicomSeries;
import org.tumorj.ij.commands.TrainTumorDetector;
import org.tumorj.model.ModelBundle;
import org.tumorj.phantom.PhantomConfig;
import org.tumorj.phantom.PhantomModality;
import org.tumorj.phantom.PhantomStudyWriter;
import org.tumorj.pipeline.StudyOutputs;
import org.tumorj.util.AtomicFiles;
import org.tumorj.util.Progress;

/**
 * The lab macros of {@code macros/} and the documented macro line of every pipeline command, run
 * in plain ImageJ 1 with {@code -batch} on tiny CT phantoms: three studies to train on (one of
 * them held out for validation by the training itself) and one unseen study. One model, trained
 * by {@code train-from-folder.ijm} with few epochs, serves every test.
 */
class LabMacrosIT {
    private static final Duration TIMEOUT = Duration.ofMinutes(3);
    private static final PhantomConfig PHANTOM = PhantomConfig.of(PhantomModality.CT, 5, 1).withSize(128).withSlices(10);
    private static final List<String> STUDY_FILES = List.of(StudyOutputs.CSV, DetectionOutputs.OVERLAY_TIFF,
            StudyOutputs.HEAT_MAP_TIFF, DetectionOutputs.PREVIEW_PNG);

    private static ImageJMacroRunner imagej;
    private static Path work;
    private static Path train;
    private static Path unseen;
    private static Path model;
    private static ImageJMacroRunner.Result training;

    @BeforeAll
    static void trainOnce() throws Exception {
        ImageJMacroRunner.requireDisplay();
        imagej = ImageJMacroRunner.install();
        work = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "lab-macros-");
        List<Path> studies = PhantomStudyWriter.writeSet(work.resolve("phantoms"), PHANTOM, 4, Progress.none());
        train = Files.createDirectories(work.resolve("annotated"));
        unseen = Files.createDirectories(work.resolve("unseen"));
        for (int i = 0; i < studies.size(); i++) {
            Path target = (i < 3 ? train : unseen).resolve(studies.get(i).getFileName());
            Files.move(studies.get(i), target);
        }
        model = work.resolve("model with space");
        training = imagej.runBatch(Files.readString(Path.of("macros/train-from-folder.ijm")),
                "studies=[" + train + "] model=[" + model + "] epochs=4 seed=7", TIMEOUT);
    }

    @AfterAll
    static void remove() throws IOException {
        if (imagej != null) {
            imagej.close();
        }
        if (work != null) {
            AtomicFiles.deleteRecursively(work);
        }
    }

    @Test
    void trainMacroWritesABundleAndLogsEachEpoch() throws IOException {
        assertFalse(training.timedOut(), training.describe());
        assertTrue(Files.isRegularFile(model.resolve(ModelBundle.MANIFEST)), training.describe());
        assertTrue(training.output().contains("epoch 1: train loss"), training.describe());
        assertFalse(training.output().contains("  epoch 1: train loss"), "each epoch logged once, not twice; "
                + training.describe());
        assertTrue(training.output().contains("Train Tumor Detector: model bundle " + model), training.describe());
        assertNoErrorOrWarning(training);
    }

    @Test
    void batchMacroWritesEachStudyLogsABrokenOneAndGoesOnThenSkipsWhatIsDone() throws Exception {
        Path input = Files.createDirectories(work.resolve("batch in"));
        copyStudy(unseen.resolve("ct-0004"), input.resolve("ct-0004"));
        copyStudy(train.resolve("ct-0001"), input.resolve("ct-0001"));
        Files.writeString(Files.createDirectories(input.resolve("broken")).resolve("notes.txt"), "not DICOM");
        Path output = work.resolve("batch out");
        String macro = Files.readString(Path.of("macros/batch-detect-folder.ijm"));
        String args = "model=[" + model + "] input=[" + input + "] output=[" + output + "]";

        ImageJMacroRunner.Result first = imagej.runBatch(macro, args, TIMEOUT);
        assertFalse(first.timedOut(), first.describe());
        for (String study : List.of("ct-0001", "ct-0004")) {
            for (String file : STUDY_FILES) {
                assertTrue(Files.isRegularFile(output.resolve(study).resolve(file)), study + "/" + file + "; " + first.describe());
            }
        }
        assertFalse(Files.exists(output.resolve("broken")), first.describe());
        assertTrue(first.output().contains("1/3 broken: failed: "), first.describe());
        assertTrue(first.output().contains("3/3 ct-0004: "), "the batch goes on after a failure; " + first.describe());
        assertTrue(first.output().contains("Batch Detect Folder: 3 studies: 2 complete, 0 partial (files unreadable or slices missing), 0 skipped (already done), 1 failed"),
                first.describe());

        ImageJMacroRunner.Result second = imagej.runBatch(macro, args, TIMEOUT);
        assertTrue(second.output().contains("2/3 ct-0001: already done, skipped"), second.describe());
        assertTrue(second.output().contains("3 studies: 0 complete, 0 partial (files unreadable or slices missing), 2 skipped (already done), 1 failed"), second.describe());
    }

    @Test
    void evaluateMacroWritesTheReportAndPrintsTheSummary() throws Exception {
        Path report = work.resolve("eval/report.json");
        Files.createDirectories(report.getParent());
        ImageJMacroRunner.Result r = imagej.runBatch(Files.readString(Path.of("macros/evaluate.ijm")),
                "model=[" + model + "] studies=[" + unseen + "] report=[" + report + "]", TIMEOUT);
        assertFalse(r.timedOut(), r.describe());
        assertTrue(Files.readString(report).contains("\"froc\""), r.describe());
        assertTrue(r.output().contains("Evaluate: 1 studies, "), r.describe());
        assertNoErrorOrWarning(r);
    }

    /**
     * The menu command on the open series and {@code ./tumorj detect} on the same folder give the
     * same detections.csv, byte for byte: Fiji rebuilds the very volume the command line reads.
     */
    @Test
    void detectTumorsOnTheOpenSeriesMatchesTheCommandLineByteForByte() throws Exception {
        Path study = unseen.resolve("ct-0004");
        Path cliOut = work.resolve("cli-detect");
        int rc = new DetectCommand().run(List.of("--model", model.toString(), "--input", study.toString(),
                "--out", cliOut.toString()));
        assertEquals(0, rc);
        Path fijiOut = work.resolve("fiji-detect");
        String macro = "setBatchMode(true);\n"
                + "run(\"Open DICOM Series...\", \"path=[" + study + "]\");\n"
                + "run(\"Detect Tumors...\", \"model=[" + model + "] heat_map results roi_manager output=[" + fijiOut + "]\");\n"
                + "print(\"rows=\" + nResults);\n"
                + "print(\"overlay=\" + Overlay.size);\n"
                + "print(\"rois=\" + roiManager(\"count\"));\n";
        ImageJMacroRunner.Result r = imagej.runBatch(macro, null, TIMEOUT);
        assertFalse(r.timedOut(), r.describe());
        byte[] cli = Files.readAllBytes(cliOut.resolve("ct-0004").resolve(StudyOutputs.CSV));
        byte[] fiji = Files.readAllBytes(fijiOut.resolve("ct-0004").resolve(StudyOutputs.CSV));
        assertArrayEquals(cli, fiji, "detections.csv differs:\nCLI:\n" + new String(cli) + "\nFiji:\n" + new String(fiji));
        long findings = new String(cli).lines().count() - 1;
        assertEquals(List.of(Long.toString(findings)), r.values("rows="), "one Results row per finding; " + r.describe());
        assertTrue(Integer.parseInt(r.values("overlay=").get(0)) > 0, "the heat map at least is drawn; " + r.describe());
        assertEquals(findings > 0, Integer.parseInt(r.values("rois=").get(0)) > 0, r.describe());
        assertNoErrorOrWarning(r);
    }

    /** Each command's line from docs/commands.md, as written, with its example paths pointing at the test data. */
    @Test
    void documentedLinesRunAsWrittenOnRealData() throws Exception {
        List<Map.Entry<String, String>> paths = List.of(Map.entry("/data/models/liver-v1", model.toString()),
                Map.entry("/data/studies/patient-01", unseen.resolve("ct-0004").toString()),
                Map.entry("/data/new-studies", unseen.toString()),
                Map.entry("/data/results", work.resolve("doc-results").toString()),
                Map.entry("/data/exports", work.resolve("doc-exports").toString()),
                Map.entry("/data/held-out/evaluation.json", work.resolve("doc-eval.json").toString()),
                Map.entry("/data/held-out", unseen.toString()));
        String docs = Files.readString(Path.of("docs/commands.md"));
        StringBuilder macro = new StringBuilder("setBatchMode(true);\n");
        for (String command : List.of(OpenDicomSeries.COMMAND, DetectTumors.COMMAND, ExportFindings.COMMAND,
                BatchDetectFolder.COMMAND, EvaluateDetector.COMMAND)) {
            List<String> lines = CommandDocs.documentedLines(docs, command);
            assertEquals(1, lines.size(), command);
            String line = lines.get(0);
            for (Map.Entry<String, String> e : paths) {
                line = line.replace(e.getKey(), "[" + e.getValue() + "]");
            }
            macro.append(line).append("\nprint(\"ran=").append(command).append("\");\n");
        }
        ImageJMacroRunner.Result r = imagej.runBatch(macro.toString(), null, TIMEOUT);
        assertEquals(5, r.values("ran=").size(), r.describe());
        assertTrue(Files.isRegularFile(work.resolve("doc-results/ct-0004").resolve(StudyOutputs.CSV)), r.describe());
        // the probability map goes out with or without findings; SEG and RTSTRUCT only with findings
        Path exported = work.resolve("doc-exports/ct-0004");
        assertTrue(Files.isRegularFile(exported.resolve("seg-fractional.dcm")), r.describe());
        assertEquals(Files.isRegularFile(exported.resolve("seg.dcm")), Files.isRegularFile(exported.resolve("rtstruct.dcm")),
                r.describe());
        assertTrue(r.output().contains("Export Findings as DICOM: "), r.describe());
        assertTrue(Files.isRegularFile(work.resolve("doc-eval.json")), r.describe());
        assertNoErrorOrWarning(r);
    }

    @Test
    void documentedTrainingLineRunsAsWrittenOnRealData() throws Exception {
        List<String> lines = CommandDocs.documentedLines(Files.readString(Path.of("docs/commands.md")),
                TrainTumorDetector.COMMAND);
        assertEquals(1, lines.size());
        Path second = work.resolve("documented-model");
        String line = lines.get(0).replace("/data/annotated", "[" + train + "]")
                .replace("/data/models/liver-v1", "[" + second + "]");
        ImageJMacroRunner.Result r = imagej.runBatch("setBatchMode(true);\n" + line + "\n", null, TIMEOUT);
        assertFalse(r.timedOut(), r.describe());
        assertTrue(Files.isRegularFile(second.resolve(ModelBundle.MANIFEST)), r.describe());
        assertNoErrorOrWarning(r);
    }

    @Test
    void unknownKeyIsWarnedAboutAndAMissingModelStopsTheMacro() throws Exception {
        String macro = "setBatchMode(true);\n"
                + "run(\"Batch Detect Folder...\", \"model=[" + model + "] input=[" + unseen + "] output=["
                + work.resolve("typo-out") + "] skip_existing export_seg export_rtstruct export_seg_fractional treshold=0.5\");\n"
                + "run(\"Evaluate...\", \"model=[" + work.resolve("no-such-model") + "] studies=[" + unseen + "]\");\n"
                + "print(\"after=reached\");\n";
        ImageJMacroRunner.Result r = imagej.runBatch(macro, null, TIMEOUT);
        assertTrue(r.output().contains("Warning: Batch Detect Folder...: unknown macro key 'treshold' ignored;"
                + " known keys: model, input, output, skip_existing, include_patient_id"), r.describe());
        Path study = work.resolve("typo-out/ct-0004");
        assertTrue(Files.isRegularFile(study.resolve(StudyOutputs.CSV)), r.describe());
        boolean found = Files.readAllLines(study.resolve(StudyOutputs.CSV)).size() > 1;
        assertEquals(found, Files.isRegularFile(study.resolve("seg.dcm")), "export_seg: a SEG when there are findings");
        assertEquals(found, Files.isRegularFile(study.resolve("rtstruct.dcm")), "export_rtstruct likewise");
        assertTrue(Files.isRegularFile(study.resolve("seg-fractional.dcm")), "export_seg_fractional: the map, always");
        assertTrue(r.output().contains("TumorJ error: Evaluate...: model=" + work.resolve("no-such-model")
                + ": no such folder"), r.describe());
        assertEquals(List.of(), r.values("after="), r.describe());
        assertEquals(1, r.exitCode(), "a shell script must see the failure; " + r.describe());
    }

    private static void assertNoErrorOrWarning(ImageJMacroRunner.Result r) {
        assertFalse(r.output().contains("TumorJ error:"), r.describe());
        assertFalse(r.output().contains("Warning:"), r.describe());
        assertFalse(r.output().contains("Exception"), r.describe());
    }

    private static void copyStudy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }
}
