package org.tumorj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tumorj.pipeline.BatchDetection;

/**
 * Issue 13: a study whose folder lacks a middle slice file was reported complete; the gap warning
 * that {@code ./tumorj info} prints never reached the batch. Through the real commands: a phantom
 * study copied without its fourth slice is partial in the log, in batch-summary.csv and in its
 * warnings.txt, which say where the missing slice lay, and detect exits with the documented 3.
 */
class MissingSliceCommandTest {
    @TempDir static Path dir;
    static Path studies;
    static Path model;

    @BeforeAll
    static void phantomsAndAModel() {
        studies = dir.resolve("ct");
        model = dir.resolve("model");
        CliRun.phantomsAndAModel(studies, model, 3, 1);
    }

    @Test
    void aStudyWithoutAMiddleSliceIsPartialWithThePositionMissing() throws IOException {
        Path input = dir.resolve("input");
        Path whole = copy(studies.resolve("ct-0001"), input.resolve("A-whole"));
        Path gap = copy(studies.resolve("ct-0002"), input.resolve("B-gap"));
        Files.delete(gap.resolve("IM-0004.dcm"));
        Path out = dir.resolve("out");

        CliRun run = CliRun.of("detect", "--model", model.toString(), "--input", input.toString(), "--out", out.toString());

        assertEquals(DetectCommand.PARTIAL, run.status(), run.err() + run.out());
        assertTrue(run.out().lines().anyMatch(l -> l.contains("B-gap") && l.contains("PARTIAL: gap of")
                && l.contains("about 1 slice(s) missing, at")), run.out());
        assertTrue(run.out().contains("1 complete, 1 partial"), run.out());
        List<String> rows = Files.readAllLines(out.resolve(BatchDetection.SUMMARY_CSV));
        assertTrue(rows.get(1).startsWith("A-whole,complete,"), rows.toString());
        assertTrue(rows.get(2).startsWith("B-gap,partial,") && rows.get(2).contains("slice(s) missing, at "), rows.toString());
        String warnings = Files.readString(out.resolve("B-gap").resolve(BatchDetection.WARNINGS));
        assertTrue(warnings.contains("gap of ") && warnings.contains("between slices 3 and 4")
                && warnings.contains("mm along the slice normal"), warnings);
        assertTrue(!Files.exists(out.resolve("A-whole").resolve(BatchDetection.WARNINGS)), "nothing to warn about in A");
    }

    private static Path copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
        return to;
    }
}
