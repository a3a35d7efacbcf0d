package org.tumorj.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tumorj.annotation.AnnotationMasks;
import org.tumorj.annotation.Annotation;
import org.tumorj.annotation.RoiSetZip;
import org.tumorj.annotation.SegAnnotations;
import org.tumorj.dataset.AnnotationReader;
import org.tumorj.dataset.StudySet;
import org.tumorj.detect.Finding;
import org.tumorj.detect.FindingSlice;
import org.tumorj.dicom.DicomReader;
import org.tumorj.dicom.DicomWriter;
import org.tumorj.dicom.SegmentationFile;
import org.tumorj.pipeline.DicomStudies;
import org.tumorj.privacy.Deidentifier;
import org.tumorj.util.Progress;
import org.tumorj.volume.Volume;
import org.tumorj.volume.VolumeInfo;

/**
 * TumorJ's own SEG export of phantom findings read back as annotations gives the findings' exact
 * pixels, segment by segment and slice by slice: binary, fractional (thresholded at half the
 * maximum), by source image UID and (de-identified UIDs) by position; bad files are refused by name.
 */
class SegImportTest {
    @TempDir static Path dir;
    private static ExportFixture fixture;

    @BeforeAll
    static void export() throws IOException {
        fixture = ExportFixture.write(dir);
        assertTrue(fixture.detections().findings().size() >= 2, "the phantom has lesions to find");
        fixture.writeSeg(fixture.folder().resolve(AnnotationReader.SEG_FILE));
    }

    @Test
    void framesComeBackOnTheirSlicesAsTheFindingsPixels() throws IOException {
        checkSameMasks(AnnotationReader.seg().read(fixture.folder(), fixture.volume()));
    }

    @Test
    void aStudyAnnotatedOnlyByASegmentationIsFoundLoadedCompleteAndReadByTheStandardReader() throws IOException {
        Path root = dir.resolve("set");
        Path only = root.resolve("only-seg");
        Files.createDirectories(only);
        try (var files = Files.list(fixture.folder())) {
            for (Path f : files.filter(p -> p.toString().endsWith(".dcm")).toList()) {
                Files.copy(f, only.resolve(f.getFileName()));
            }
        }
        assertEquals(List.of(only), StudySet.open(root).studies().stream().map(s -> s.dir()).toList());
        List<String> log = new ArrayList<>();
        Volume v = new DicomStudies(DicomReader.standard(), null, logTo(log)).load(only);
        assertEquals(List.of(), log, "the segmentation is a known sidecar, not a skipped file");
        assertEquals(fixture.volume().info().seriesInstanceUid(), v.info().seriesInstanceUid(), "never the SEG's own series");
        checkSameMasks(AnnotationReader.standard(RoiSetZip.NO_GROUP_NAMES).read(only, v));
    }

    @Test
    void withoutMatchingUidsFramesAreMatchedByPosition() throws IOException {
        Path file = dir.resolve("anon-seg.dcm");
        SegmentationObject.of(new Deidentifier("salt").apply(fixture.volume()), fixture.detections().findings(),
                "ANON", ExportFixture.ALGORITHM).write(file);
        checkSameMasks(SegAnnotations.read(file, fixture.volume().info()));
    }

    @Test
    void aFractionalSegmentationIsThresholdedAtHalfItsMaximum() throws IOException {
        Path binary = fixture.folder().resolve(AnnotationReader.SEG_FILE);
        List<SegmentationFile.Frame> frames = SegmentationFile.read(binary).frames();
        int pixels = frames.get(0).mask().length;
        byte[] bytes = new byte[pixels * frames.size()];
        for (int k = 0; k < frames.size(); k++) {
            boolean[] mask = frames.get(k).mask();
            for (int i = 0; i < pixels; i++) {
                // inside exactly at the threshold (128 of 255); just below it on the pixel after each inside one
                bytes[k * pixels + i] = (byte) (mask[i] ? 128 : i > 0 && mask[i - 1] ? 127 : 0);
            }
        }
        Path fractional = dir.resolve("fractional-seg.dcm");
        segment(dw -> dw.string(0x00620001, "CS", "FRACTIONAL").unsignedShort(0x00280100, 8)
                .unsignedShort(0x00280101, 8).unsignedShort(0x00280102, 7).unsignedShort(0x0062000E, 255)
                .string(0x00620010, "CS", "PROBABILITY").pixelBytes(bytes)).write(fractional);
        checkSameMasks(SegAnnotations.read(fractional, fixture.volume().info()));
    }

    @Test
    void unsupportedBitsAreRefusedNamingTheFile() throws IOException {
        Path file = dir.resolve("binary-16-bit-seg.dcm");
        int pixels = fixture.volume().width() * fixture.volume().height();
        segment(dw -> dw.unsignedShort(0x00280100, 16).unsignedShort(0x00280101, 16).unsignedShort(0x00280102, 15)
                .pixelBytes(new byte[2 * pixels * SegmentationFile.read(fixture.folder().resolve(AnnotationReader.SEG_FILE))
                        .frames().size()])).write(file);
        IOException e = assertThrows(IOException.class, () -> SegAnnotations.read(file, fixture.volume().info()));
        assertTrue(e.getMessage().startsWith(file.toString()) && e.getMessage().contains("unsupported segmentation")
                && e.getMessage().contains("Bits Allocated 16"), e.getMessage());
    }

    @Test
    void framesOffEverySliceAreRefusedNamingTheFileTheFrameAndTheSeriesTheyReference() {
        VolumeInfo i = fixture.volume().info();
        VolumeInfo elsewhere = shifted(i, 500, "1.2.3");
        Path file = fixture.folder().resolve(AnnotationReader.SEG_FILE);
        IOException e = assertThrows(IOException.class, () -> SegAnnotations.read(file, elsewhere));
        assertTrue(e.getMessage().startsWith(file.toString()) && e.getMessage().contains("lies off every slice")
                && e.getMessage().contains("frame 1 (segment 'Finding 1")
                && e.getMessage().contains("references series " + i.seriesInstanceUid() + ", not this study's series 1.2.3"),
                e.getMessage());
    }

    @Test
    void framesBetweenTheSlicesOfTheirOwnSeriesAreRefusedAsOffEverySlice() {
        VolumeInfo i = fixture.volume().info();
        Path file = fixture.folder().resolve(AnnotationReader.SEG_FILE);
        IOException e = assertThrows(IOException.class,
                () -> SegAnnotations.read(file, shifted(i, 0.4 * i.spacingZ(), i.seriesInstanceUid())));
        assertTrue(e.getMessage().contains("lies off every slice") && e.getMessage().contains("another series?"),
                e.getMessage());
    }

    @Test
    void aFileThatIsNotASegmentationIsRefusedByName() throws IOException {
        Path rt = dir.resolve("rtstruct.dcm");
        fixture.writeRtStruct(rt);
        IOException e = assertThrows(IOException.class, () -> SegAnnotations.read(rt, fixture.volume().info()));
        assertTrue(e.getMessage().contains(rt.toString()) && e.getMessage().contains("not a DICOM Segmentation"),
                e.getMessage());
    }

    /** The same geometry moved {@code mm} along the slice normal, with other UIDs (so nothing matches by UID). */
    private static VolumeInfo shifted(VolumeInfo i, double mm, String seriesUid) {
        double[] n = i.sliceNormal();
        double[] o = {i.origin()[0] + n[0] * mm, i.origin()[1] + n[1] * mm, i.origin()[2] + n[2] * mm};
        return new VolumeInfo(i.modality(), i.studyInstanceUid(), seriesUid, "", "", i.width(), i.height(),
                i.spacingX(), i.spacingY(), i.spacingZ(), o, i.rowDirection(), i.columnDirection(), 40, 400, false,
                i.sopInstanceUids().stream().map(s -> s + ".9").toList(), List.of());
    }

    private static DicomWriter segment(java.util.function.UnaryOperator<DicomWriter> change) {
        return change.apply(SegmentationObject.of(fixture.volume(), fixture.detections().findings(), "study",
                ExportFixture.ALGORITHM));
    }

    /** Per finding (one segment each, in order) and slice: the union of the regions read equals the finding's pixels. */
    private static void checkSameMasks(List<Annotation> read) {
        VolumeInfo info = fixture.volume().info();
        Map<String, TreeMap<Integer, boolean[]>> got = new LinkedHashMap<>();
        for (Annotation a : read) {
            assertEquals(info.sopInstanceUids().get(a.sliceIndex()), a.sopInstanceUid());
            boolean[] mask = got.computeIfAbsent(a.label(), l -> new TreeMap<>())
                    .computeIfAbsent(a.sliceIndex(), z -> new boolean[info.width() * info.height()]);
            boolean[] filled = AnnotationMasks.fill(a, info.width(), info.height());
            for (int p = 0; p < mask.length; p++) {
                assertTrue(!(mask[p] && filled[p]), "regions of one segment on one slice do not overlap");
                mask[p] |= filled[p];
            }
        }
        List<Finding> findings = fixture.detections().findings();
        assertEquals(findings.size(), got.size(), "one segment per finding");
        List<String> labels = new ArrayList<>(got.keySet());
        for (int n = 0; n < findings.size(); n++) {
            Finding f = findings.get(n);
            assertTrue(labels.get(n).startsWith("Finding " + f.id() + " "), labels.get(n));
            TreeMap<Integer, boolean[]> expected = new TreeMap<>();
            for (FindingSlice s : f.slices()) {
                s.region().paint(expected.computeIfAbsent(s.z(), z -> new boolean[info.width() * info.height()]),
                        info.width());
            }
            String label = labels.get(n);
            TreeMap<Integer, boolean[]> mine = got.get(label);
            assertEquals(expected.keySet(), mine.keySet(), label + ": slices");
            expected.forEach((z, m) -> assertArrayEquals(m, mine.get(z), label + " on slice " + z));
        }
    }

    private static Progress logTo(List<String> log) {
        return new Progress() {
            @Override public void update(String step, long done, long total) {}
            @Override public void log(String message) { log.add(message); }
            @Override public boolean isCancelled() { return false; }
        };
    }
}
