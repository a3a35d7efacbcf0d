package org.tumorj.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tumorj.detect.Detections;
import org.tumorj.dicom.DicomReader;
import org.tumorj.interop.DicomExport;
import org.tumorj.interop.ExportFixture;

/** {@code --export}: the study folder gets the objects asked for, beside the CSV, and none for a study without findings. */
class DicomObjectOutputsTest {
    @TempDir Path dir;

    @Test
    void writesTheAskedObjectsBesideTheCsv() throws Exception {
        ExportFixture f = ExportFixture.write(dir);
        Path out = dir.resolve("out");
        Files.createDirectories(out);
        StudyOutputs.csv(false).andThen(StudyOutputs.dicomObjects(EnumSet.of(DicomExport.SEG, DicomExport.RTSTRUCT),
                ExportFixture.ALGORITHM)).write(out, f.volume(), f.detections());
        assertTrue(Files.isRegularFile(out.resolve(StudyOutputs.CSV)));
        String seg = DicomReader.standard().headerText(out.resolve("seg.dcm"), false);
        assertEquals(f.detections().findings().size(), seg.lines().filter(l -> l.contains("(0062,0004) US")).count(),
                "one segment per finding");
        assertTrue(DicomReader.standard().headerText(out.resolve("rtstruct.dcm"), false).contains("RTSTRUCT"));

        Path onlySeg = dir.resolve("only-seg");
        Files.createDirectories(onlySeg);
        StudyOutputs.dicomObjects(Set.of(DicomExport.SEG), ExportFixture.ALGORITHM).write(onlySeg, f.volume(), f.detections());
        try (var files = Files.list(onlySeg)) {
            assertEquals(List.of("seg.dcm"), files.map(p -> p.getFileName().toString()).toList(), "nothing else, no temporaries");
        }
    }

    @Test
    void aStudyWithoutFindingsGetsOnlyTheProbabilityMap() throws Exception {
        ExportFixture f = ExportFixture.write(dir);
        Detections none = new Detections("study", f.detections().info(), f.detections().params(), f.detections().maps(),
                List.of(), f.detections().sliceScores());
        Path out = dir.resolve("none");
        Files.createDirectories(out);
        StudyOutputs.dicomObjects(EnumSet.of(DicomExport.SEG, DicomExport.RTSTRUCT), ExportFixture.ALGORITHM)
                .write(out, f.volume(), none);
        try (var files = Files.list(out)) {
            assertFalse(files.findAny().isPresent(), "a SEG needs a segment, a structure set an ROI");
        }
        StudyOutputs.dicomObjects(EnumSet.allOf(DicomExport.class), ExportFixture.ALGORITHM).write(out, f.volume(), none);
        try (var files = Files.list(out)) {
            assertEquals(List.of("seg-fractional.dcm"), files.map(p -> p.getFileName().toString()).toList(),
                    "the map is there with or without findings");
        }
    }

    @Test
    void unknownExportsAreRefusedNamingTheKnownOnes() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> DicomExport.parse("seg,nifti"));
        assertTrue(e.getMessage().contains("'nifti'") && e.getMessage().contains("seg, rtstruct or seg-fractional"),
                e.getMessage());
        assertEquals(EnumSet.of(DicomExport.SEG, DicomExport.RTSTRUCT), DicomExport.parse(" RTSTRUCT , seg "));
        assertEquals(EnumSet.of(DicomExport.SEG_FRACTIONAL), DicomExport.parse("Seg-Fractional"));
        assertThrows(IllegalArgumentException.class, () -> DicomExport.parse("seg_fractional"),
                "one spelling, the file's: seg-fractional");
    }
}
