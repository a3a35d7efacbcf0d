package org.tumorj.cli;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./tumorj model set-threshold}: wrong use ends in one sentence saying what is expected. */
class ModelCommandTest {

    @Test
    void aThresholdOutsideZeroToOneIsRefused(@TempDir Path dir) {
        CliRun run = CliRun.of("model", "set-threshold", dir.toString(), "1.5");
        assertNotEquals(0, run.status());
        assertTrue(run.err().contains("threshold must be a number in (0, 1], got '1.5'"), run.err());
    }

    @Test
    void aFolderWithoutABundleIsNamed(@TempDir Path dir) {
        CliRun run = CliRun.of("model", "set-threshold", dir.toString(), "0.5");
        assertNotEquals(0, run.status());
        assertTrue(run.err().contains(dir + ": not a TumorJ model bundle"), run.err());
    }

    @Test
    void anUnknownSubcommandShowsTheUsage() {
        CliRun run = CliRun.of("model", "set-window", "x", "1");
        assertNotEquals(0, run.status());
        assertTrue(run.err().contains("usage: tumorj model set-threshold MODEL_DIR VALUE"), run.err());
    }
}
