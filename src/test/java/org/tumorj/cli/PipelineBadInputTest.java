package org.tumorj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input through {@code train}, {@code detect} and {@code evaluate}: a missing or wrong folder,
 * an empty folder, a folder that is not a model bundle. Each must stop before any heavy work with
 * status 1 and one {@code error:} line naming the path, and write nothing.
 */
class PipelineBadInputTest {
    @TempDir Path dir;


    private void assertFailsNaming(Path culprit, String... args) throws IOException {
        long filesBefore = count();
        CliRun r = CliRun.of(args);
        assertEquals(1, r.status(), r.err());
        // Only our lines: in a shared test JVM the fuzzer's agent also writes INFO lines to stderr.
        List<String> lines = r.err().lines().filter(l -> !l.startsWith("INFO: ")).toList();
        assertEquals(1, lines.size(), "one line, no stack trace: " + r.err());
        assertTrue(lines.get(0).startsWith("error: " + culprit), "names the path first: " + r.err());
        assertFalse(lines.get(0).contains("Exception"), "a message for people, not a class name: " + r.err());
        assertEquals(filesBefore, count(), "nothing written");
    }

    private long count() throws IOException {
        try (var s = Files.walk(dir)) {
            return s.count();
        }
    }

    @Test
    void trainOnAMissingOrUnannotatedFolder() throws IOException {
        Path missing = dir.resolve("no-such-folder");
        assertFailsNaming(missing, "train", "--studies", missing.toString(), "--out", dir.resolve("m").toString());
        Path empty = Files.createDirectory(dir.resolve("empty"));
        Files.createDirectory(empty.resolve("study-without-annotations"));
        assertFailsNaming(empty, "train", "--studies", empty.toString(), "--out", dir.resolve("m").toString());
        assertFalse(Files.exists(dir.resolve("m")));
    }

    @Test
    void detectAndEvaluateWithoutAModelBundle() throws IOException {
        Path notABundle = Files.createDirectory(dir.resolve("not-a-bundle"));
        Path missing = dir.resolve("missing-model");
        assertFailsNaming(missing, "detect", "--model", missing.toString(), "--input", dir.toString(),
                "--out", dir.resolve("out").toString());
        assertFailsNaming(notABundle, "evaluate", "--model", notABundle.toString(), "--studies", dir.toString());
    }
}
