package org.tumorj.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir Path dir;

    @Test
    void failedWriteKeepsTheOldFileAndLeavesNoTemporary() throws IOException {
        Path target = dir.resolve("detections.csv");
        AtomicFiles.writeString(target, "old");
        assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            out.write("half".getBytes());
            throw new IOException("disk full");
        }));
        assertEquals("old", Files.readString(target));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(1, s.count(), "only the target remains");
        }
    }

    @Test
    void directoryIsSwappedInWholeAndOutputsAreReadableByOthers() throws IOException {
        Path bundle = dir.resolve("model");
        AtomicFiles.writeDirectory(bundle, d -> Files.writeString(d.resolve("a.txt"), "1"));
        AtomicFiles.writeDirectory(bundle, d -> Files.writeString(d.resolve("b.txt"), "2"));
        assertFalse(Files.exists(bundle.resolve("a.txt")), "old content replaced as a whole");
        assertEquals("2", Files.readString(bundle.resolve("b.txt")));
        Path file = dir.resolve("report.json");
        AtomicFiles.writeString(file, "{}");
        Path plain = Files.createFile(dir.resolve("plain.txt")); // what the user's umask gives
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(file),
                "outputs follow the umask, not owner-only temp-file permissions");
        assertEquals(Files.getPosixFilePermissions(Files.createDirectory(dir.resolve("plain-dir"))),
                Files.getPosixFilePermissions(bundle), "so do output folders");
    }
}
