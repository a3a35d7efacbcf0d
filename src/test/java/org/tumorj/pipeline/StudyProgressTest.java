package org.tumorj.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tumorj.dicom.DicomReader;
import org.tumorj.privacy.Deidentifier;
import org.tumorj.util.Progress;

/**
 * A log of several studies says which study each step was on ({@code CT2: Reading DICOM headers},
 * not {@code Reading DICOM headers: 4/4} for every study alike), and a de-identified batch names it
 * by its pseudonym there too.
 */
class StudyProgressTest {
    private static final Path CT2 = Path.of("test-images/dicom/pydicom/CT2");

    @Test
    void readingAStudyNamesItInEachStep() throws IOException {
        List<String> steps = new ArrayList<>();
        new DicomStudies(DicomReader.standard(), null, recording(steps, new ArrayList<>())).load(CT2);
        assertTrue(steps.contains("CT2: Reading DICOM headers"), steps.toString());
        assertTrue(steps.contains("CT2: Decoding pixels"), steps.toString());
        assertTrue(steps.stream().allMatch(s -> s.startsWith("CT2: ")), steps.toString());
    }

    @Test
    void aDeidentifiedBatchNamesTheStudyByItsPseudonymInItsSteps(@TempDir Path in, @TempDir Path out) throws IOException {
        Path study = Files.createDirectories(in.resolve("ZZSTUDY-ROE-JANE"));
        try (Stream<Path> files = Files.list(CT2)) {
            for (Path f : files.toList()) {
                Files.copy(f, study.resolve(f.getFileName()));
            }
        }
        List<String> steps = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        // no detector: the study fails after it was read, which is all this test needs
        BatchDetection batch = new BatchDetection(null, new DicomStudies(DicomReader.standard(), null, Progress.none()),
                StudyOutputs.csv(false), new Deidentifier("salt"));
        batch.run(in, out, false, recording(steps, lines));
        String all = String.join("\n", steps) + "\n" + String.join("\n", lines);
        assertFalse(all.contains("ROE") || all.contains("JANE"), all);
        String reading = steps.stream().filter(s -> s.endsWith("Reading DICOM headers")).findFirst().orElseThrow(() ->
                new AssertionError(all));
        assertTrue(reading.startsWith("<"), reading);
        assertEquals(1, lines.stream().filter(l -> l.contains(": failed: ")).count(), all);
    }

    private static Progress recording(List<String> steps, List<String> lines) {
        return new Progress() {
            @Override public synchronized void update(String step, long done, long total) {
                if (!steps.contains(step)) {
                    steps.add(step);
                }
            }
            @Override public synchronized void log(String message) { lines.add(message); }
            @Override public boolean isCancelled() { return false; }
        };
    }
}
