package org.tumorj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bad input through {@code ./tumorj info} and {@code ./tumorj convert}: each case ends with a
 * non-zero status and one line {@code error: <file>: <problem>}, leaves no output file (not even a
 * temporary one) and does not touch its inputs (same bytes, same modification time).
 */
class BadInputTest {
    private static final Path DICOM = Path.of("test-images", "dicom");

    @TempDir Path in;
    @TempDir Path outDir;



    /** Runs info and convert on {@code path}; both must fail cleanly with a message about {@code culprit}. */
    private void assertBothFail(Path path, Path culprit, String problem) throws IOException {
        Map<String, String> before = fingerprint(in);
        Path tif = outDir.resolve("out.tif");
        for (CliRun r : List.of(CliRun.of("info", path.toString()), CliRun.of("convert", path.toString(), tif.toString()))) {
            assertNotEquals(0, r.status(), r.err());
            String line = r.err().strip();
            assertEquals(1, line.lines().count(), "one line: " + r.err());
            assertTrue(line.startsWith("error: " + culprit + ": "), line);
            assertTrue(line.contains(problem), line);
            assertEquals("", r.out().strip(), "no partial output on stdout");
            System.out.println(r.err().strip()); // the messages, for docs/robustness.md
        }
        assertEquals(List.of(), list(outDir), "nothing written, not even a temporary file");
        assertEquals(before, fingerprint(in), "inputs unmodified");
    }

    @Test
    void missingPath() throws IOException {
        Path missing = in.resolve("no-such-folder");
        assertBothFail(missing, missing, "no such file or folder");
    }

    @Test
    void emptyFolder() throws IOException {
        assertBothFail(in, in, "no files in this folder");
    }

    @Test
    void folderOfNonDicomFiles() throws IOException {
        Files.writeString(in.resolve("notes.txt"), "patient list, not an image\n");
        Files.write(in.resolve("image.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13});
        Files.createDirectories(in.resolve("sub"));
        Files.writeString(in.resolve("sub/report.csv"), "a,b\n1,2\n");
        assertBothFail(in, in, "no readable DICOM images (3 file(s) skipped");
    }

    @Test
    void zeroByteFile() throws IOException {
        Path empty = Files.createFile(in.resolve("empty.dcm"));
        assertBothFail(empty, empty, "empty file (0 bytes)");
    }

    @ParameterizedTest
    @ValueSource(ints = {100, 131, 600, 20_000})
    void truncatedFile(int keep) throws IOException {
        byte[] whole = Files.readAllBytes(DICOM.resolve("pydicom/CT_small.dcm"));
        Path cut = Files.write(in.resolve("cut.dcm"), java.util.Arrays.copyOf(whole, keep));
        assertBothFail(cut, cut, "");
    }

    @Test
    void unreadableFile() throws IOException {
        Path file = Files.copy(DICOM.resolve("pydicom/CT_small.dcm"), in.resolve("locked.dcm"));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        try {
            // root reads any file whatever its permissions; the case cannot be made there
            Assumptions.assumeFalse(Files.isReadable(file), "running as root: permissions are not enforced");
            assertBothFail(file, file, "cannot read");
        } finally {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }

    @Test
    void convertOfMixedSeriesListsThemAndSaysHowToChoose() throws IOException {
        Files.copy(DICOM.resolve("pydicom/CT_small.dcm"), in.resolve("a.dcm"));
        Files.copy(DICOM.resolve("pydicom/MR_small.dcm"), in.resolve("b.dcm"));
        Map<String, String> before = fingerprint(in);
        CliRun r = CliRun.of("convert", in.toString(), outDir.resolve("out.tif").toString());
        assertEquals(1, r.status());
        String line = r.err().strip();
        assertEquals(1, line.lines().count(), r.err());
        assertTrue(line.startsWith("error: " + in + ": holds 2 series: "), line);
        assertTrue(line.contains("1 = 1.3.6.1.4.1.5962.1.3.1.1.20040119072730.12322 (CT, 128x128, 1 slice)"), line);
        assertTrue(line.contains("2 = 1.3.6.1.4.1.5962.1.3.4.1.20040826185059.5457 (MR, 64x64, 1 slice)"), line);
        assertTrue(line.endsWith("pick one with --series N or --series UID"), line);
        assertEquals(List.of(), list(outDir));
        assertEquals(before, fingerprint(in));
    }

    @Test
    void aFailedConvertKeepsTheOldOutput() throws IOException {
        Path tif = Files.writeString(outDir.resolve("out.tif"), "previous result");
        Path cut = Files.write(in.resolve("cut.dcm"),
                java.util.Arrays.copyOf(Files.readAllBytes(DICOM.resolve("pydicom/CT_small.dcm")), 20_000));
        CliRun r = CliRun.of("convert", cut.toString(), tif.toString());
        assertEquals(1, r.status());
        assertEquals("previous result", Files.readString(tif));
        assertEquals(List.of(tif), list(outDir));
    }

    @Test
    void convertToAnUnwritablePlaceNamesTheOutput() throws IOException {
        Path blocker = Files.writeString(outDir.resolve("file"), "x");
        Path tif = blocker.resolve("out.tif"); // a folder that is a file
        CliRun r = CliRun.of("convert", DICOM.resolve("pydicom/CT_small.dcm").toString(), tif.toString());
        assertEquals(1, r.status());
        assertTrue(r.err().strip().startsWith("error: " + tif + ": cannot write"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertEquals(List.of(blocker), list(outDir));
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> !p.equals(dir)).sorted().toList();
        }
    }

    /** Path -> sha256 and modification time of every file under {@code dir}. */
    private static Map<String, String> fingerprint(Path dir) throws IOException {
        Map<String, String> m = new TreeMap<>();
        for (Path p : list(dir)) {
            if (Files.isRegularFile(p) && Files.isReadable(p)) {
                m.put(p.toString(), sha256(Files.readAllBytes(p)) + " " + Files.getLastModifiedTime(p).toMillis());
            } else {
                m.put(p.toString(), "mtime " + Files.getLastModifiedTime(p).toMillis());
            }
        }
        return m;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
