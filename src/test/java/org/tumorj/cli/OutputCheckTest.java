package org.tumorj.cli;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13: an output that cannot be written was found only after the whole training (26 s), with
 * nothing but a {@code .partial} path printed. It is now refused first, with the reason.
 */
class OutputCheckTest {
    private static final String PHANTOMS = "test-images/phantoms/ct";

    @Test
    void trainingRefusesAFileAsItsOutputBeforeTraining(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("model"), "not a folder");
        CliRun run = CliRun.of("train", "--studies", PHANTOMS, "--out", file.toString());
        assertNotEquals(0, run.status());
        assertTrue(run.err().contains(file + ": exists and is not a folder"), run.err());
        assertTrue(!run.out().contains("training (split by patient") && !run.out().contains("loading studies"),
                "refused before any study was loaded: " + run.out());
    }

    @Test
    void detectionRefusesAnOutputInsideAFile(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("results"), "a file");
        CliRun run = CliRun.of("detect", "--model", dir.toString(), "--input", PHANTOMS, "--out", file.resolve("sub").toString());
        assertNotEquals(0, run.status());
        assertTrue(run.err().contains(file.resolve("sub") + ": cannot be created, " + file + " is not a folder"), run.err());
    }
}
