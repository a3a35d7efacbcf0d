package org.tumorj.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskStart;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tumorj.cli.DetectCommand;
import org.tumorj.cli.EvaluateCommand;
import org.tumorj.cli.TrainCommand;
import org.tumorj.tools.PhantomsCommand;
import org.tumorj.util.Progress;

/**
 * The Spark job in {@code local[2]} (issue 17), through {@code ./tumorj batch}'s command, against
 * the plain {@code ./tumorj detect} on the same small phantom studies: every file of every study's
 * folder byte for byte ({@code detections.csv}, {@code candidates.csv}, the heat map, overlay and
 * preview, warnings), the findings table equal to their rows joined, Parquet that Spark reads
 * back with as many rows; a rerun skips every study and rewrites the same table; a failing study
 * from a manifest is a row with its reason and the others still run; de-identified, nothing
 * identifying reaches the driver's log, the tables or their reasons.
 */
class SparkBatchIT {
    @TempDir static Path dir;
    static Path studies;
    static Path model;
    static Path plain;

    @BeforeAll
    static void phantomsModelAndThePlainCommandLine() throws Exception {
        studies = dir.resolve("ct");
        model = dir.resolve("model");
        plain = dir.resolve("plain");
        assertEquals(0, new PhantomsCommand().run(List.of("--out", studies.toString(), "--modality", "CT", "--studies",
                "3", "--seed", "17", "--size", "96", "--slices", "8")));
        assertEquals(0, new TrainCommand().run(List.of("--studies", studies.toString(), "--out", model.toString(),
                "--epochs", "2", "--validation", "0.34")));
        assertEquals(0, new DetectCommand().run(List.of("--model", model.toString(), "--input", studies.toString(),
                "--out", plain.toString(), "--candidates")));
    }

    @Test
    void localSparkWritesWhatDetectWritesAndResumes() throws Exception {
        Path out = dir.resolve("spark");
        assertEquals(0, batch("--input", studies.toString(), "--out", out.toString(), "--candidates"));
        List<String> names = studyNames();
        assertSameStudyFiles(plain, out, names);
        StringBuilder rows = new StringBuilder();
        for (String s : names) {
            byte[] expected = Files.readAllBytes(plain.resolve(s).resolve("detections.csv"));
            assertEquals(new String(expected), Files.readString(out.resolve(s).resolve("detections.csv")), s);
            String text = new String(expected);
            rows.append(text.substring(text.indexOf('\n') + 1));
        }
        String findings = Files.readString(out.resolve(BatchTables.FINDINGS));
        assertEquals(rows.toString(), findings.substring(findings.indexOf('\n') + 1));
        List<String> studyRows = Files.readAllLines(out.resolve(BatchTables.STUDIES));
        assertEquals(BatchTables.STUDIES_HEADER, studyRows.get(0));
        assertEquals(names.size() + 1, studyRows.size(), studyRows.toString());
        for (int i = 0; i < names.size(); i++) {
            assertTrue(studyRows.get(i + 1).startsWith(names.get(i) + ",complete,"), studyRows.toString());
        }
        assertTrue(studyRows.stream().skip(1).anyMatch(r -> !r.split(",")[5].equals("0.000")),
                "one task's row carries the model's load time: " + studyRows);
        assertEquals(findings.split("\n").length - 1, parquetRows(out.resolve(BatchTables.FINDINGS_PARQUET)));

        assertEquals(0, batch("--input", studies.toString(), "--out", out.toString(), "--candidates"));
        assertEquals(findings, Files.readString(out.resolve(BatchTables.FINDINGS)), "a rerun rewrites the same table");
        Files.readAllLines(out.resolve(BatchTables.STUDIES)).stream().skip(1)
                .forEach(r -> assertTrue(r.contains(",done earlier,"), "skipped on resume: " + r));
    }

    @Test
    void aFailingStudyIsARowWithItsReasonAndTheOthersRun() throws Exception {
        Path broken = Files.createDirectories(dir.resolve("broken-study"));
        Files.writeString(broken.resolve("IM-0001.dcm"), "not DICOM at all");
        List<String> names = studyNames();
        Path manifest = Files.writeString(dir.resolve("manifest.csv"), "path,site\n" + "ct/" + names.get(0) + ",1\n"
                + "broken-study,2\n" + "ct/" + names.get(1) + ",1\n");
        Path out = dir.resolve("with-failure");
        assertEquals(1, batch("--input", manifest.toString(), "--out", out.toString(), "--studies-per-task", "2"));
        List<String> rows = Files.readAllLines(out.resolve(BatchTables.STUDIES));
        assertEquals(4, rows.size(), rows.toString());
        assertTrue(rows.get(1).startsWith(names.get(0) + ",complete,"), rows.toString());
        assertTrue(rows.get(2).startsWith("broken-study,failed,,") && rows.get(2).split(",")[3].length() > 5,
                "the reason is given: " + rows);
        assertTrue(rows.get(3).startsWith(names.get(1) + ",complete,"), rows.toString());
        assertEquals(Files.readString(plain.resolve(names.get(1)).resolve("detections.csv")),
                Files.readString(out.resolve(names.get(1)).resolve("detections.csv")));
    }

    /**
     * Spark's task retry: the first attempt of the second study's task is killed while it runs
     * ({@code killTaskAttempt}, as a lost executor would); Spark runs the task again, and the
     * tables hold each study once, with the plain command line's findings, and no temporary
     * folder is left behind.
     */
    @Test
    void aTaskKilledMidJobIsRetriedAndNothingIsLostOrDoubled() throws Exception {
        Path out = dir.resolve("killed");
        SparkSession spark = SparkSession.builder().master("local[2]").config("spark.ui.enabled", "false").getOrCreate();
        AtomicBoolean killed = new AtomicBoolean();
        spark.sparkContext().addSparkListener(new SparkListener() {
            @Override
            public void onTaskStart(SparkListenerTaskStart start) {
                if (start.taskInfo().index() == 1 && killed.compareAndSet(false, true)) {
                    spark.sparkContext().killTaskAttempt(start.taskInfo().taskId(), true, "test: executor lost");
                }
            }
        });
        SparkBatchDetection.Result result;
        try {
            result = SparkBatchDetection.run(spark, new SparkBatchDetection.Request(model, studies.toString(), out.toString(), null, false, null,
                    false, false, true, 1), Progress.none());
        } finally {
            spark.stop();
        }
        assertTrue(killed.get(), "a task attempt was killed");
        List<String> names = studyNames();
        assertEquals(names, result.rows().stream().map(StudyRow::study).toList(), "each study once, in order");
        StringBuilder rows = new StringBuilder();
        for (String s : names) {
            String text = Files.readString(plain.resolve(s).resolve("detections.csv"));
            rows.append(text.substring(text.indexOf('\n') + 1));
            assertEquals(text, Files.readString(out.resolve(s).resolve("detections.csv")), s);
        }
        String findings = Files.readString(out.resolve(BatchTables.FINDINGS));
        assertEquals(rows.toString(), findings.substring(findings.indexOf('\n') + 1));
        try (Stream<Path> left = Files.list(out)) {
            assertEquals(List.of(), left.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".partial")).toList());
        }
    }

    /**
     * De-identified ({@code --deidentify SALT}): the study folders hold what {@code detect
     * --deidentify SALT} writes, byte for byte, and neither the driver's log lines (its console,
     * where {@code local[2]}'s executors log too) nor the study and findings tables (CSV and
     * Parquet), the failed study's reason included, name a study folder or a phantom's patient
     * name or ID.
     */
    @Test
    void deidentifiedNothingIdentifyingInTheLogOrTheTables() throws Exception {
        String salt = "issue-17-salt";
        Path plainPseudonyms = dir.resolve("plain-deidentified");
        assertEquals(0, new DetectCommand().run(List.of("--model", model.toString(), "--input", studies.toString(),
                "--out", plainPseudonyms.toString(), "--deidentify", salt)));
        Path broken = Files.createDirectories(dir.resolve("Doe^Jane-0042"));
        Files.writeString(broken.resolve("IM-0001.dcm"), "not DICOM at all");
        List<String> names = studyNames();
        StringBuilder manifest = new StringBuilder("path\n");
        names.forEach(n -> manifest.append("ct/").append(n).append('\n'));
        Path cohort = Files.writeString(dir.resolve("cohort-deidentified.csv"), manifest + "Doe^Jane-0042\n");
        Path out = dir.resolve("spark-deidentified");
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        PrintStream both = new PrintStream(console, true, StandardCharsets.UTF_8);
        System.setOut(both);
        System.setErr(both);
        int status;
        try {
            status = batch("--input", cohort.toString(), "--out", out.toString(), "--deidentify", salt);
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
        String log = console.toString(StandardCharsets.UTF_8);
        stdout.print(log);
        assertEquals(1, status, "the broken study failed: " + log);
        List<String> pseudonyms = studyFolders(plainPseudonyms);
        assertEquals(names.size(), pseudonyms.size(), pseudonyms.toString());
        assertSameStudyFiles(plainPseudonyms, out, pseudonyms);
        List<String> secrets = new ArrayList<>(names);
        secrets.addAll(List.of("Doe^Jane", "Jane-0042", "PHANTOM-", "PHANTOM^"));
        assertTrue(log.contains("failed"), "the driver logged the run: " + log);
        String studyTable = Files.readString(out.resolve(BatchTables.STUDIES));
        assertTrue(studyTable.contains(",failed,,"), studyTable);
        Map<String, String> seen = new LinkedHashMap<>();
        seen.put("the driver's log", log);
        seen.put(BatchTables.STUDIES, studyTable);
        seen.put(BatchTables.FINDINGS, Files.readString(out.resolve(BatchTables.FINDINGS)));
        seen.put(BatchTables.STUDIES_PARQUET, parquetText(out.resolve(BatchTables.STUDIES_PARQUET)));
        seen.put(BatchTables.FINDINGS_PARQUET, parquetText(out.resolve(BatchTables.FINDINGS_PARQUET)));
        seen.forEach((where, text) -> secrets.forEach(secret ->
                assertFalse(text.contains(secret), where + " names '" + secret + "':\n" + text)));
        assertTrue(seen.get(BatchTables.STUDIES_PARQUET).contains("failed"), seen.get(BatchTables.STUDIES_PARQUET));
    }

    /**
     * Studies and output given as {@code file://} URIs go through Hadoop's file systems: each study
     * is copied to a local temporary folder, detected there, and its folder copied back under a
     * temporary name and renamed into place. Every file equals {@code detect}'s (and no
     * {@code .crc} side file joins them), the tables are the same, nothing temporary is left here
     * or in the output; a list of studies read as a URI (relative entries) finds them complete and
     * skips them, leaving their files alone; {@code --redo} replaces them with the same bytes.
     */
    @Test
    void urisGoThroughHadoopsFileSystemsAndWriteDetectsFiles() throws Exception {
        Path out = dir.resolve("through-hadoop");
        String outUri = out.toUri().toString();
        assertTrue(outUri.startsWith("file:/"), outUri);
        List<String> stagedBefore = staged();
        assertEquals(0, batch("--input", studies.toUri().toString(), "--out", outUri, "--candidates"));
        List<String> names = studyNames();
        assertSameStudyFiles(plain, out, names);
        StringBuilder rows = new StringBuilder();
        for (String s : names) {
            String text = Files.readString(plain.resolve(s).resolve("detections.csv"));
            rows.append(text.substring(text.indexOf('\n') + 1));
        }
        String findings = Files.readString(out.resolve(BatchTables.FINDINGS));
        assertEquals(rows.toString(), findings.substring(findings.indexOf('\n') + 1));
        List<String> studyRows = Files.readAllLines(out.resolve(BatchTables.STUDIES));
        for (int i = 0; i < names.size(); i++) {
            assertTrue(studyRows.get(i + 1).startsWith(names.get(i) + ",complete,"), studyRows.toString());
        }
        assertEquals(findings.split("\n").length - 1, parquetRows(out.resolve(BatchTables.FINDINGS_PARQUET)));
        assertEquals(stagedBefore, staged(), "the local copies are removed");
        assertEquals(List.of(), hidden(out), "no temporary name left in the output");

        Path list = Files.writeString(dir.resolve("through-hadoop.txt"),
                String.join("\n", names.stream().map(n -> "ct/" + n).toList()) + "\n");
        assertEquals(0, batch("--input", list.toUri().toString(), "--out", outUri, "--candidates"));
        Files.readAllLines(out.resolve(BatchTables.STUDIES)).stream().skip(1)
                .forEach(r -> assertTrue(r.contains(",done earlier,"), "skipped on resume: " + r));
        assertEquals(findings, Files.readString(out.resolve(BatchTables.FINDINGS)), "a rerun rewrites the same table");
        assertSameStudyFiles(plain, out, names);

        assertEquals(0, batch("--input", studies.toUri().toString(), "--out", outUri, "--candidates", "--redo"));
        Files.readAllLines(out.resolve(BatchTables.STUDIES)).stream().skip(1)
                .forEach(r -> assertTrue(r.contains(",complete,"), "detected again: " + r));
        assertSameStudyFiles(plain, out, names);
        assertEquals(List.of(), hidden(out), "no temporary name left in the output");
        assertEquals(stagedBefore, staged(), "the local copies are removed");
    }

    /**
     * Batch evaluation on Spark ({@code batch --evaluate}): each annotated study scored in its own
     * task, the scores pooled on the driver into {@code ./tumorj evaluate}'s report, byte for byte
     * (FROC, slice AUC, Dice, every study's entry), and one row per study in the batch's order.
     */
    @Test
    void batchEvaluationPoolsWhatEvaluateReports() throws Exception {
        Path report = dir.resolve("evaluate.json");
        assertEquals(0, new EvaluateCommand().run(List.of("--model", model.toString(), "--studies", studies.toString(),
                "--report", report.toString())));
        Path out = dir.resolve("spark-evaluation");
        assertEquals(0, batch("--evaluate", "--input", studies.toString(), "--out", out.toString()));
        assertEquals(Files.readString(report), Files.readString(out.resolve(SparkBatchEvaluation.REPORT)));
        List<String> names = studyNames();
        List<String> rows = Files.readAllLines(out.resolve(SparkBatchEvaluation.TABLE));
        assertEquals(SparkBatchEvaluation.TABLE_HEADER, rows.get(0));
        assertEquals(names.size() + 1, rows.size(), rows.toString());
        for (int i = 0; i < names.size(); i++) {
            assertTrue(rows.get(i + 1).startsWith(names.get(i) + ",complete,"), rows.toString());
        }
    }

    /** The local staging folders of this JVM's temporary folder. */
    private static List<String> staged() throws IOException {
        try (Stream<Path> s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("tumorj-stage-")).sorted().toList();
        }
    }

    private static List<String> hidden(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).toList();
        }
    }

    /**
     * Every file of each study's folder under {@code expected} (recursively) is in the same place
     * under {@code actual} with the same bytes, and {@code actual}'s folder holds no other file.
     */
    private static void assertSameStudyFiles(Path expected, Path actual, List<String> studyFolders) throws IOException {
        for (String s : studyFolders) {
            List<String> files = relativeFiles(expected.resolve(s));
            assertTrue(files.contains("detections.csv") && files.size() > 3, s + " holds detect's files: " + files);
            assertEquals(files, relativeFiles(actual.resolve(s)), s);
            for (String f : files) {
                assertTrue(Arrays.equals(Files.readAllBytes(expected.resolve(s).resolve(f)),
                        Files.readAllBytes(actual.resolve(s).resolve(f))), s + "/" + f + " differs from detect's");
            }
        }
    }

    private static List<String> relativeFiles(Path folder) throws IOException {
        try (Stream<Path> s = Files.walk(folder)) {
            return s.filter(Files::isRegularFile).map(p -> folder.relativize(p).toString()).sorted().toList();
        }
    }

    private static List<String> studyFolders(Path output) throws IOException {
        try (Stream<Path> s = Files.list(output)) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** Every row of a Parquet table, as text. */
    private static String parquetText(Path parquet) {
        SparkSession spark = SparkSession.builder().master("local[1]").config("spark.ui.enabled", "false").getOrCreate();
        try {
            return spark.read().parquet(parquet.toUri().toString()).collectAsList().stream().map(Object::toString)
                    .reduce("", (a, b) -> a + b + "\n");
        } finally {
            spark.stop();
        }
    }

    private static int batch(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("--spark", "local[2]", "--model", model.toString()));
        all.addAll(List.of(args));
        return new SparkBatchCommand().run(all);
    }

    private static List<String> studyNames() throws IOException {
        try (Stream<Path> s = Files.list(studies)) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** The rows of a findings Parquet table, checking that its numbers are typed as numbers. */
    private static long parquetRows(Path parquet) {
        SparkSession spark = SparkSession.builder().master("local[1]").config("spark.ui.enabled", "false").getOrCreate();
        try {
            var table = spark.read().parquet(parquet.toUri().toString());
            assertEquals("double", table.schema().apply("score").dataType().typeName());
            assertEquals("long", table.schema().apply("voxels").dataType().typeName());
            assertEquals("string", table.schema().apply("study").dataType().typeName());
            return table.count();
        } finally {
            spark.stop();
        }
    }
}
