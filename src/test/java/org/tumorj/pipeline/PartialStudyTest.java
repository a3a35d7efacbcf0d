package org.tumorj.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tumorj.dicom.TestDicomWriter;
import org.tumorj.util.Progress;

/**
 * Issue 13: a study with one unreadable slice was reported as a success ({@code 2/3 B-corrupt:
 * 3 finding(s)}, 0 failed, exit 0). It is now partial: in the log, in the summary, in the batch's
 * summary file and in the study's warnings.txt, which names the file and why.
 */
class PartialStudyTest {

    @Test
    void aStudyWithAnUnreadableSliceIsPartialEverywhere(@TempDir Path in, @TempDir Path out) throws IOException {
        TrainedDetector detector = DiscAlignmentTest.smallDetector();
        Path good = Files.createDirectories(in.resolve("A-good"));
        Path broken = Files.createDirectories(in.resolve("B-corrupt"));
        for (int z = 0; z < 6; z++) {
            short[] pixels = new short[64 * 64];
            java.util.Arrays.fill(pixels, (short) 1064);
            TestDicomWriter.ctSlice("1.2.3." + z / 10, z + 1, 64, 64, 2.5 * z, pixels).writeTo(
                    good.resolve("IM-000" + (z + 1) + ".dcm"), TestDicomWriter.EXPLICIT_LE);
            TestDicomWriter.ctSlice("1.2.4", z + 1, 64, 64, 2.5 * z, pixels).writeTo(
                    broken.resolve("IM-000" + (z + 1) + ".dcm"), TestDicomWriter.EXPLICIT_LE);
        }
        byte[] slice = TestDicomWriter.ctSlice("1.2.4", 7, 64, 64, 15, new short[64 * 64]).part10(TestDicomWriter.EXPLICIT_LE);
        Files.write(broken.resolve("IM-0007.dcm"), java.util.Arrays.copyOf(slice, slice.length - 4000)); // truncated
        Files.writeString(good.resolve(".DS_Store"), "not DICOM at all: no reason to call a study partial");
        List<String> log = new ArrayList<>();

        BatchDetection.Summary summary = new BatchDetection(detector, DicomStudies.standard(Progress.none()),
                StudyOutputs.csv(false)).run(in, out, false, logInto(log));

        assertEquals(1, summary.done(), summary.toString());
        assertEquals(1, summary.partial().size(), summary.toString());
        assertTrue(summary.failures().isEmpty(), summary.toString());
        assertTrue(log.stream().anyMatch(l -> l.contains("B-corrupt") && l.contains("PARTIAL: 1 file(s) could not be read")),
                String.join("\n", log));
        String warnings = Files.readString(out.resolve("B-corrupt").resolve(BatchDetection.WARNINGS));
        assertTrue(warnings.contains("IM-0007.dcm"), warnings);
        List<String> rows = Files.readAllLines(out.resolve(BatchDetection.SUMMARY_CSV));
        assertEquals("study,status,findings,detail", rows.get(0));
        assertTrue(rows.get(1).startsWith("A-good,complete,"), rows.toString());
        assertTrue(rows.get(2).startsWith("B-corrupt,partial,"), rows.toString());
    }

    /** Issue 13: resume looked at detections.csv only; a study with a deleted output was skipped. */
    @Test
    void aResumedBatchRedoesAStudyMissingAnyOutput(@TempDir Path in, @TempDir Path out) throws IOException {
        Path study = Files.createDirectories(in.resolve("A"));
        for (int z = 0; z < 4; z++) {
            TestDicomWriter.ctSlice("1.2.5", z + 1, 64, 64, 2.5 * z, new short[64 * 64]).writeTo(
                    study.resolve("IM-000" + (z + 1) + ".dcm"), TestDicomWriter.EXPLICIT_LE);
        }
        StudyOutputs withPreview = StudyOutputs.csv(false).andThen(new StudyOutputs() {
            @Override
            public void write(Path folder, org.tumorj.volume.Volume volume, org.tumorj.detect.Detections d) throws IOException {
                Files.writeString(folder.resolve("preview.txt"), "preview");
            }

            @Override
            public List<String> files() {
                return List.of("preview.txt");
            }
        });
        BatchDetection batch = new BatchDetection(DiscAlignmentTest.smallDetector(), DicomStudies.standard(Progress.none()), withPreview);
        batch.run(in, out, true, Progress.none());
        List<String> log = new ArrayList<>();
        batch.run(in, out, true, logInto(log));
        assertTrue(log.stream().anyMatch(l -> l.contains("A: already done")), log.toString());

        Files.delete(out.resolve("A").resolve("preview.txt"));
        log.clear();
        batch.run(in, out, true, logInto(log));
        assertTrue(log.stream().anyMatch(l -> l.contains("1/1 A: ") && l.contains("finding(s)")), "redone: " + log);
        assertTrue(Files.exists(out.resolve("A").resolve("preview.txt")));
    }

    /** Issue 13: {@code --out} inside {@code --input} was taken for a study on the next run. */
    @Test
    void theOutputFolderInsideTheInputIsNotAStudy(@TempDir Path in) throws IOException {
        Path out = Files.createDirectories(in.resolve("results"));
        Files.writeString(out.resolve(BatchDetection.SUMMARY_CSV), "study,status,findings,detail\n");
        Files.writeString(Files.createDirectories(in.resolve("A")).resolve("IM-0001.dcm"), "not DICOM");
        List<String> log = new ArrayList<>();
        BatchDetection.Summary summary = new BatchDetection(null, dir -> {
            throw new IOException(dir + ": unreadable");
        }, StudyOutputs.csv(false)).run(in, out, false, logInto(log));
        assertEquals(1, summary.studies(), "only A: " + log);
        assertTrue(log.get(0).startsWith("skipped the output folder " + out), log.toString());
    }

    /** Issue 13: the temporary folders of a killed run stayed behind for ever. */
    @Test
    void anInterruptedRunsTemporaryFoldersAreRemovedOnTheNext(@TempDir Path in, @TempDir Path out) throws IOException {
        Path stale = Files.createDirectories(out.resolve(".ct-0001.k3j2.partial"));
        Files.writeString(stale.resolve("detections.csv"), "half");
        Files.setLastModifiedTime(stale, java.nio.file.attribute.FileTime.from(java.time.Instant.now().minusSeconds(3600)));
        Path young = Files.createDirectories(out.resolve(".ct-0002.x9.partial")); // another batch writing right now
        Path mine = Files.createDirectories(out.resolve(".keep-me")); // not ours
        Files.writeString(Files.createDirectories(in.resolve("A")).resolve("IM-0001.dcm"), "not DICOM");
        List<String> log = new ArrayList<>();
        new BatchDetection(null, dir -> {
            throw new IOException(dir + ": unreadable");
        }, StudyOutputs.csv(false)).run(in, out, false, logInto(log));
        assertTrue(!Files.exists(stale), log.toString());
        assertTrue(Files.exists(young) && Files.exists(mine));
        assertTrue(log.get(0).startsWith("removed 1 unfinished output folder"), log.toString());
    }

    /** De-identified: neither the study folder's name nor a subfolder's reaches the log, warnings or summary. */
    @Test
    void aDeidentifiedPartialStudyNamesNoFolder(@TempDir Path in, @TempDir Path out) throws IOException {
        Path study = Files.createDirectories(in.resolve("ZZ-ROE-JANE"));
        Path sub = Files.createDirectories(study.resolve("DOE^JOHN"));
        for (int z = 0; z < 4; z++) {
            TestDicomWriter.ctSlice("1.2.6", z + 1, 64, 64, 2.5 * z, new short[64 * 64]).writeTo(
                    sub.resolve("IM-000" + (z + 1) + ".dcm"), TestDicomWriter.EXPLICIT_LE);
        }
        byte[] slice = TestDicomWriter.ctSlice("1.2.6", 5, 64, 64, 10, new short[64 * 64]).part10(TestDicomWriter.EXPLICIT_LE);
        Files.write(sub.resolve("IM-0005.dcm"), java.util.Arrays.copyOf(slice, slice.length - 4000));
        List<String> log = new ArrayList<>();
        BatchDetection.Summary summary = new BatchDetection(DiscAlignmentTest.smallDetector(), DicomStudies.standard(Progress.none()),
                StudyOutputs.csv(false), new org.tumorj.privacy.Deidentifier("salt")).run(in, out, false, logInto(log));
        assertEquals(1, summary.partial().size(), summary + " " + log);
        StringBuilder everything = new StringBuilder(String.join("\n", log)).append(summary);
        try (var files = Files.walk(out)) {
            for (Path f : files.filter(Files::isRegularFile).filter(f -> f.toString().endsWith(".txt")
                    || f.toString().endsWith(".csv")).toList()) {
                everything.append(f).append(Files.readString(f));
            }
        }
        assertTrue(!everything.toString().contains("ROE") && !everything.toString().contains("DOE"), everything.toString());
    }

    @Test
    void theInputFolderIsNotAnOutputFolder(@TempDir Path in) throws IOException {
        Files.writeString(Files.createDirectories(in.resolve("A")).resolve("IM-0001.dcm"), "not DICOM");
        IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class, () -> new BatchDetection(null,
                dir -> null, StudyOutputs.csv(false)).run(in, in, false, Progress.none()));
        assertTrue(e.getMessage().contains("is the input folder"), e.getMessage());
    }

    /** Issue 13: a hidden study folder (.name) was dropped from the batch without a word. */
    @Test
    void aSkippedStudyFolderIsNamedWithTheReason(@TempDir Path in, @TempDir Path out) throws IOException {
        Files.writeString(Files.createDirectories(in.resolve("A")).resolve("IM-0001.dcm"), "not DICOM");
        Files.writeString(Files.createDirectories(in.resolve(".B-hidden")).resolve("IM-0001.dcm"), "not DICOM");
        List<String> log = new ArrayList<>();
        BatchDetection.Summary summary = new BatchDetection(null, dir -> {
            throw new IOException(dir + ": unreadable");
        }, StudyOutputs.csv(false)).run(in, out, false, logInto(log));
        assertEquals(1, summary.studies(), log.toString());
        assertTrue(log.stream().anyMatch(l -> l.startsWith("skipped the folder " + in.resolve(".B-hidden") + ": hidden")),
                log.toString());
    }

    /** A de-identified batch names a skipped folder by its pseudonym: hidden folders are patients' too. */
    @Test
    void aDeidentifiedBatchNamesASkippedFolderByItsPseudonym(@TempDir Path in, @TempDir Path out) throws IOException {
        Files.writeString(Files.createDirectories(in.resolve("A")).resolve("IM-0001.dcm"), "not DICOM");
        Files.writeString(Files.createDirectories(in.resolve(".DOE-JOHN")).resolve("IM-0001.dcm"), "not DICOM");
        List<String> log = new ArrayList<>();
        org.tumorj.privacy.Deidentifier deidentifier = new org.tumorj.privacy.Deidentifier("salt");
        new BatchDetection(null, dir -> {
            throw new IOException(dir + ": unreadable");
        }, StudyOutputs.csv(false), deidentifier).run(in, out, false, logInto(log));
        assertTrue(log.stream().noneMatch(l -> l.contains("DOE")), log.toString());
        assertTrue(log.contains("skipped the folder <" + deidentifier.studyLabel(".DOE-JOHN") + ">: hidden (its name starts"
                + " with a dot); rename it to detect in it"), log.toString());
    }

    /** Issue 13: a folder name could break a log line in two (and forge the second) or run as a spreadsheet formula. */
    @Test
    void folderNamesNeitherSplitLogLinesNorBecomeFormulas(@TempDir Path in, @TempDir Path out) throws IOException {
        String forged = "A\n2 of 2 B: 0 finding(s)";
        Files.writeString(Files.createDirectories(in.resolve(forged)).resolve("IM-0001.dcm"), "not DICOM");
        Files.writeString(Files.createDirectories(in.resolve("=HYPERLINK(1)")).resolve("IM-0001.dcm"), "not DICOM");
        List<String> log = new ArrayList<>();
        new BatchDetection(null, dir -> {
            throw new IOException(dir + ": unreadable");
        }, StudyOutputs.csv(false)).run(in, out, false, logInto(log));
        assertTrue(log.stream().noneMatch(l -> l.contains("\n") || l.contains("\r")), log.toString());
        assertTrue(log.stream().anyMatch(l -> l.contains("A\\n2 of 2 B: 0 finding(s): failed: ")), log.toString());
        List<String> rows = Files.readAllLines(out.resolve(BatchDetection.SUMMARY_CSV));
        assertTrue(rows.stream().anyMatch(r -> r.startsWith("'=HYPERLINK(1),failed,")), rows.toString());
        assertEquals(3, rows.size(), "a header and one row per study: " + rows);
    }

    @Test
    void summaryCellsAreNotFormulas() {
        assertEquals("\"'=HYPERLINK(\"\"x\"\",1)\"", BatchDetection.cell("=HYPERLINK(\"x\",1)"));
        assertEquals("'@SUM", BatchDetection.cell("@SUM"));
        assertEquals("two lines", BatchDetection.cell("two\nlines"));
    }

    private static Progress logInto(List<String> lines) {
        return new Progress() {
            @Override public void update(String step, long done, long total) {}
            @Override public void log(String message) { lines.add(message); }
            @Override public boolean isCancelled() { return false; }
        };
    }
}
