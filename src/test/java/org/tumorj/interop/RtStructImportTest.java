package org.tumorj.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tumorj.annotation.AnnotationMasks;
import org.tumorj.annotation.Annotation;
import org.tumorj.annotation.RtStructAnnotations;
import org.tumorj.dataset.AnnotationReader;
import org.tumorj.detect.Finding;
import org.tumorj.detect.FindingSlice;
import org.tumorj.privacy.Deidentifier;
import org.tumorj.volume.Volume;
import org.tumorj.volume.VolumeInfo;

/** TumorJ's own RTSTRUCT export read back as annotations gives the findings' exact pixels. */
class RtStructImportTest {
    @TempDir static Path dir;
    private static ExportFixture fixture;

    @BeforeAll
    static void export() throws IOException {
        fixture = ExportFixture.write(dir);
        fixture.writeRtStruct(fixture.folder().resolve(AnnotationReader.RTSTRUCT_FILE));
    }

    @Test
    void contoursComeBackOnTheirSlicesAsTheFindingsPixels() throws IOException {
        List<Annotation> read = AnnotationReader.rtStruct().read(fixture.folder(), fixture.volume());
        checkSameMasks(read);
    }

    @Test
    void aStudyAnnotatedOnlyByAStructureSetIsReadByTheStandardReaderAndLoadsComplete() throws IOException {
        Path only = dir.resolve("only-rtstruct");
        java.nio.file.Files.createDirectories(only);
        try (var files = java.nio.file.Files.list(fixture.folder())) {
            for (Path f : files.filter(p -> p.toString().endsWith(".dcm")).toList()) {
                java.nio.file.Files.copy(f, only.resolve(f.getFileName()));
            }
        }
        List<String> log = new ArrayList<>();
        org.tumorj.util.Progress progress = new org.tumorj.util.Progress() {
            @Override public void update(String step, long done, long total) {}
            @Override public void log(String message) { log.add(message); }
            @Override public boolean isCancelled() { return false; }
        };
        Volume v = new org.tumorj.pipeline.DicomStudies(org.tumorj.dicom.DicomReader.standard(), null, progress).load(only);
        assertEquals(List.of(), log, "the structure set is a known sidecar, not a skipped file");
        checkSameMasks(AnnotationReader.standard(org.tumorj.annotation.RoiSetZip.NO_GROUP_NAMES).read(only, v));
    }

    @Test
    void withoutMatchingUidsContoursAreMatchedByPosition() throws IOException {
        Path anonymous = dir.resolve("anon");
        java.nio.file.Files.createDirectories(anonymous);
        Path file = anonymous.resolve(AnnotationReader.RTSTRUCT_FILE);
        Volume mapped = new Deidentifier("salt").apply(fixture.volume());
        RtStructureSetObject.of(mapped, fixture.detections().findings(), "ANON", ExportFixture.ALGORITHM).write(file);
        checkSameMasks(RtStructAnnotations.read(file, fixture.volume().info())); // UIDs differ: by position
    }

    @Test
    void contoursOffEverySliceAreRefusedNamingTheFileAndRoi() {
        VolumeInfo i = fixture.volume().info();
        double[] far = {i.origin()[0], i.origin()[1], i.origin()[2] + 500};
        VolumeInfo elsewhere = new VolumeInfo(i.modality(), i.studyInstanceUid(), "1.2.3", "", "", i.width(), i.height(),
                i.spacingX(), i.spacingY(), i.spacingZ(), far, i.rowDirection(), i.columnDirection(), 40, 400, false,
                i.sopInstanceUids().stream().map(s -> s + ".9").toList(), List.of());
        Path file = fixture.folder().resolve(AnnotationReader.RTSTRUCT_FILE);
        IOException e = assertThrows(IOException.class, () -> RtStructAnnotations.read(file, elsewhere));
        assertTrue(e.getMessage().startsWith(file.toString()) && e.getMessage().contains("lies off every slice")
                && e.getMessage().contains("'Finding 1"), e.getMessage());
    }

    @Test
    void aFileThatIsNotAStructureSetIsRefusedByName() throws IOException {
        Path seg = dir.resolve("seg.dcm");
        fixture.writeSeg(seg);
        IOException e = assertThrows(IOException.class, () -> RtStructAnnotations.read(seg, fixture.volume().info()));
        assertTrue(e.getMessage().contains(seg.toString()) && e.getMessage().contains("not an RT Structure Set"),
                e.getMessage());
    }

    /** One annotation per finding component and slice, whose polygon fills exactly its pixels. */
    private static void checkSameMasks(List<Annotation> read) {
        VolumeInfo info = fixture.volume().info();
        List<Finding> findings = fixture.detections().findings();
        List<FindingSlice> components = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (Finding f : findings) {
            f.slices().stream().sorted(java.util.Comparator.comparingInt(FindingSlice::z)).forEach(s -> {
                components.add(s);
                labels.add("Finding " + f.id() + " ");
            });
        }
        assertEquals(components.size(), read.size());
        for (int k = 0; k < read.size(); k++) {
            Annotation a = read.get(k);
            FindingSlice s = components.get(k);
            assertTrue(a.label().startsWith(labels.get(k)), a.label());
            assertEquals(s.z(), a.sliceIndex());
            assertEquals(info.sopInstanceUids().get(s.z()), a.sopInstanceUid());
            boolean[] expected = new boolean[info.width() * info.height()];
            s.region().paint(expected, info.width());
            assertArrayEquals(expected, AnnotationMasks.fill(a, info.width(), info.height()), a.label() + " on slice " + s.z());
        }
    }
}
