package org.tumorj.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tumorj.annotation.RtStructAnnotations;
import org.tumorj.annotation.SegAnnotations;
import org.tumorj.api.TumorJ;
import org.tumorj.detect.DetectionParams;
import org.tumorj.detect.Detections;
import org.tumorj.detect.FindingExtractor;
import org.tumorj.detect.FindingSlice;
import org.tumorj.dicom.DicomReader;
import org.tumorj.interop.DicomExport;
import org.tumorj.interop.ExternalTool;
import org.tumorj.interop.ExportFixture;
import org.tumorj.privacy.Deidentifier;
import org.tumorj.util.Progress;
import org.tumorj.volume.Volume;
import org.tumorj.volume.VolumeInfo;

/**
 * Export Findings as DICOM: the findings held with a series opened by Open DICOM Series go out as
 * the objects {@code ./tumorj detect --export} writes, with the header read again from the files
 * the image came from; they pass dciodvfy and read back as the findings; a de-identified detection
 * is exported with its pseudonyms; an image without a DICOM source or without findings is refused
 * with what to do.
 */
class ExportFindingsTest {
    private static final Set<DicomExport> ALL = EnumSet.allOf(DicomExport.class);
    @TempDir static Path dir;
    private static ExportFixture fixture;
    private static ImagePlus imp;

    @BeforeAll
    static void open() throws IOException {
        fixture = ExportFixture.write(dir);
        imp = DicomSeriesOpener.open("Open DICOM Series...", fixture.folder(), "");
    }

    @Test
    void openDicomSeriesRemembersWhereTheSeriesCameFrom() {
        assertEquals(fixture.folder().toAbsolutePath().normalize().toString(), imp.getProp(VolumeImages.SOURCE_PROPERTY));
    }

    @Test
    void theHeldFindingsGoOutAsTheCommandLinesObjectsOfTheSourceStudy() throws IOException {
        ImagePlus image = imp.duplicate();
        copyProperties(image);
        ImageFindings.remember(image, new TumorJ.VolumeResult(fixture.detections(), null, ExportFixture.ALGORITHM), "");
        Path out = dir.resolve("exports");
        List<Path> files = ImageFindings.export(image, ALL, out, Progress.none());
        Path study = out.resolve("study");
        assertEquals(List.of(study.resolve("seg.dcm"), study.resolve("rtstruct.dcm"), study.resolve("seg-fractional.dcm")),
                files);
        VolumeInfo info = fixture.volume().info();
        int components = fixture.detections().findings().stream().mapToInt(f -> f.slices().size()).sum();
        assertEquals(components, SegAnnotations.read(study.resolve("seg.dcm"), info).size(), "a region per finding slice");
        assertEquals(components, RtStructAnnotations.read(study.resolve("rtstruct.dcm"), info).size());
        String header = DicomReader.standard().headerText(study.resolve("seg.dcm"), true);
        String source = DicomReader.standard().headerText(fixture.folder().resolve(firstImage()), true);
        for (String attribute : List.of("PatientName", "PatientID", "StudyInstanceUID", "FrameOfReferenceUID")) {
            assertEquals(line(source, attribute), line(header, attribute), attribute + " repeated from the source");
        }
        ExternalTool.assumeInstalled("/usr/bin/dciodvfy", "dicom3tools");
        for (Path file : files) {
            ExternalTool.Run run = ExternalTool.run(List.of("/usr/bin/dciodvfy", file.toString()));
            assertEquals(List.of(), run.output().lines().filter(l -> l.startsWith("Error")).toList(), file + ":\n"
                    + run.output());
            assertTrue(run.output().contains("Segmentation") || run.output().contains("RTStructureSet"), run.output());
        }
    }

    @Test
    void aDeidentifiedDetectionIsExportedWithItsPseudonyms() throws IOException {
        Deidentifier deidentifier = new Deidentifier("lab secret");
        Volume pseudonymous = deidentifier.apply(fixture.volume());
        Detections d = new FindingExtractor(DetectionParams.of(0.5)).extract(pseudonymous, fixture.detections().maps(),
                deidentifier.studyLabel("study"), Progress.none());
        ImagePlus image = imp.duplicate();
        copyProperties(image);
        ImageFindings.remember(image, new TumorJ.VolumeResult(d, null, ExportFixture.ALGORITHM), "lab secret");
        Path out = dir.resolve("pseudonymous");
        List<Path> files = ImageFindings.export(image, EnumSet.of(DicomExport.SEG), out, Progress.none());
        assertEquals(List.of(out.resolve(d.study()).resolve("seg.dcm")), files);
        String bytes = new String(Files.readAllBytes(files.get(0)), StandardCharsets.ISO_8859_1);
        for (String uid : fixture.volume().info().sopInstanceUids()) {
            assertFalse(bytes.contains(uid), "no source instance UID once de-identified");
        }
        assertTrue(bytes.contains(pseudonymous.info().sopInstanceUids().get(findingSlice(d))), "the mapped UIDs");
        assertFalse(bytes.contains(fixture.volume().info().studyInstanceUid()));
        assertThrows(IllegalArgumentException.class, () -> ImageFindings.export(withFindings(d, ""), ALL, out,
                Progress.none()), "pseudonymous findings without their salt are another series' findings");
    }

    @Test
    void anImageWithoutADicomSourceIsRefusedSayingWhatToDo() {
        ImagePlus plain = VolumeImages.toImagePlus(fixture.volume(), "");
        ImageFindings.remember(plain, new TumorJ.VolumeResult(fixture.detections(), null, ExportFixture.ALGORITHM), "");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ImageFindings.export(plain, ALL, dir.resolve("never"), Progress.none()));
        assertTrue(e.getMessage().contains("does not say which DICOM files")
                && e.getMessage().contains("Open DICOM Series"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("never")));
    }

    @Test
    void anImageWithoutFindingsIsRefusedSayingWhatToDo() {
        ImagePlus image = imp.duplicate();
        copyProperties(image);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ImageFindings.export(image, ALL, dir.resolve("never"), Progress.none()));
        assertTrue(e.getMessage().contains("no findings of Detect Tumors") && e.getMessage().contains("Detect Tumors..."),
                e.getMessage());
    }

    private static ImagePlus withFindings(Detections d, String salt) {
        ImagePlus image = imp.duplicate();
        copyProperties(image);
        ImageFindings.remember(image, new TumorJ.VolumeResult(d, null, ExportFixture.ALGORITHM), salt);
        return image;
    }

    /** What Open DICOM Series stored, on a fresh copy (so tests do not share held findings). */
    private static void copyProperties(ImagePlus image) {
        for (String key : List.of(VolumeImages.SERIES_UID_PROPERTY, VolumeImages.VOLUME_PROPERTY,
                VolumeImages.STUDY_PROPERTY, VolumeImages.SOURCE_PROPERTY)) {
            image.setProp(key, imp.getProp(key));
        }
        image.setCalibration(imp.getCalibration());
        for (int z = 1; z <= imp.getStackSize(); z++) {
            image.getStack().setSliceLabel(imp.getStack().getSliceLabel(z), z);
        }
    }

    private static int findingSlice(Detections d) {
        return d.findings().get(0).slices().stream().mapToInt(FindingSlice::z).min().orElseThrow();
    }

    private static String firstImage() throws IOException {
        try (var files = Files.list(fixture.folder())) {
            return files.filter(p -> p.toString().endsWith(".dcm")).sorted().findFirst().orElseThrow().getFileName()
                    .toString();
        }
    }

    private static String line(String header, String keyword) {
        return header.lines().filter(l -> l.contains(" " + keyword + ":")).findFirst().orElse("(absent)");
    }
}
