package org.tumorj.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskStart;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tumorj.cli.DetectCommand;
import org.tumorj.cli.TrainCommand;
import org.tumorj.tools.PhantomsCommand;
import org.tumorj.util.Progress;

/**
 * The Spark job in {@code local[2]} (issue 17), through {@code ./tumorj batch}'s command, against
 * the plain {@code ./tumorj detect} on the same small phantom studies: every study's
 * {@code detections.csv} byte for byte, the findings table equal to their rows joined, Parquet
 * that Spark reads back with as many rows; a rerun skips every study and rewrites the same
 * table; a failing study from a manifest is a row with its reason and the others still run.
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
                "--out", plain.toString())));
    }

    @Test
    void localSparkWritesWhatDetectWritesAndResumes() throws Exception {
        Path out = dir.resolve("spark");
        assertEquals(0, batch("--input", studies.toString(), "--out", out.toString()));
        List<String> names = studyNames();
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

        assertEquals(0, batch("--input", studies.toString(), "--out", out.toString()));
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
            result = SparkBatchDetection.run(spark, new SparkBatchDetection.Request(model, studies, out, null, false, null,
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
