package org.tumorj.ij;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.gui.Line;
import ij.gui.Roi;
import ij.io.RoiEncoder;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tumorj.annotation.Annotation;
import org.tumorj.annotation.AnnotationClasses;
import org.tumorj.annotation.AnnotationFileException;
import org.tumorj.phantom.PhantomConfig;
import org.tumorj.phantom.PhantomGenerator;
import org.tumorj.phantom.PhantomModality;
import org.tumorj.phantom.PhantomStudy;

class RoiSetsTest {
    static final List<String> SOPS = List.of("2.25.10", "2.25.11", "2.25.12");
    @TempDir Path dir;

    static Annotation region(String label, int slice, String sop) {
        return new Annotation(label, slice, sop, new float[] {10.5f, 20.25f, 15f, 9f}, new float[] {5f, 6.5f, 18.75f, 12f});
    }

    @Test
    void roundTripKeepsSliceSopAndOutline() throws Exception {
        assertTrue(java.awt.GraphicsEnvironment.isHeadless(), "runs headless");
        Path zip = dir.resolve(RoiSets.FILE_NAME);
        RoiSets.write(zip, List.of(region("tumor", 1, SOPS.get(1)), region("tumor", 2, SOPS.get(2)),
                region("normal-liver", 0, SOPS.get(0))));
        List<RoiSets.NamedRegion> back = RoiSets.readNamed(zip);
        assertEquals(List.of("tumor 1", "tumor 2", "normal-liver 1"), back.stream().map(RoiSets.NamedRegion::name).toList());
        Annotation a = back.get(1).region();
        assertEquals(2, a.sliceIndex());
        assertEquals(SOPS.get(2), a.sopInstanceUid());
        assertArrayEquals(region("x", 0, "").xs(), a.xs(), 1e-4f);
        assertArrayEquals(region("x", 0, "").ys(), a.ys(), 1e-4f);
        assertEquals("normal", AnnotationClasses.classOf(back.get(2).region().label()));
    }

    @Test
    void readingReattachesBySopWhenSlicesWereReordered() throws Exception {
        Path zip = dir.resolve(RoiSets.FILE_NAME);
        RoiSets.write(zip, List.of(region("tumor", 0, SOPS.get(0)), region("tumor", 2, SOPS.get(2))));
        List<Annotation> back = RoiSets.read(zip, List.of(SOPS.get(2), SOPS.get(1), SOPS.get(0)));
        assertEquals(2, back.get(0).sliceIndex());
        assertEquals(0, back.get(1).sliceIndex());
    }

    @Test
    void roiOnAMissingSliceIsReportedWithZipAndRoiName() throws Exception {
        Path zip = dir.resolve(RoiSets.FILE_NAME);
        RoiSets.write(zip, List.of(region("tumor", 0, SOPS.get(0)), region("tumor", 1, "2.25.99")));
        AnnotationFileException e = assertThrows(AnnotationFileException.class, () -> RoiSets.read(zip, SOPS));
        assertTrue(e.getMessage().startsWith(zip.toString()) && e.getMessage().contains("ROI 'tumor 2'"), e.getMessage());
        RoiSets.write(zip, List.of(region("tumor", 7, "")));
        AnnotationFileException beyond = assertThrows(AnnotationFileException.class, () -> RoiSets.read(zip, SOPS));
        assertTrue(beyond.getMessage().contains("ROI 'tumor 1'") && beyond.getMessage().contains("slice 8"), beyond.getMessage());
    }

    @Test
    void corruptOrEmptyZipNamesTheFile() throws Exception {
        Path zip = dir.resolve("RoiSet.zip");
        Files.write(zip, new byte[] {'P', 'K', 3, 4, 1, 2, 3});
        AnnotationFileException corrupt = assertThrows(AnnotationFileException.class, () -> RoiSets.read(zip));
        assertTrue(corrupt.getMessage().startsWith(zip.toString()), corrupt.getMessage());
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            z.putNextEntry(new ZipEntry("readme.txt"));
            z.write(1);
        }
        assertTrue(assertThrows(AnnotationFileException.class, () -> RoiSets.read(zip)).getMessage().contains("no .roi"));
    }

    @Test
    void groupNameGivesTheClassAndAnyAreaRoiIsAccepted() throws Exception {
        String saved = Roi.getGroupNames();
        try {
            Roi.setGroupName(3, "lesion");
            Roi oval = new ij.gui.OvalRoi(10, 10, 8, 6);
            oval.setName("blob");
            oval.setGroup(3);
            oval.setPosition(2);
            Roi line = new Line(0, 0, 5, 5);
            line.setName("ruler");
            line.setPosition(1);
            Path zip = dir.resolve("RoiSet.zip");
            writeRois(zip, oval);
            Annotation a = RoiSets.read(zip, SOPS).get(0);
            assertEquals("lesion", a.label());
            assertEquals(1, a.sliceIndex());
            assertEquals(SOPS.get(1), a.sopInstanceUid());
            writeRois(zip, line);
            assertTrue(assertThrows(AnnotationFileException.class, () -> RoiSets.read(zip)).getMessage()
                    .contains("ROI 'ruler'"));
        } finally {
            Roi.setGroupNames(saved);
        }
    }

    @Test
    void phantomStudyFolderGetsARoiSetMatchingItsSidecar() throws Exception {
        PhantomStudy s = PhantomGenerator.generate(PhantomConfig.of(PhantomModality.CT, 2, 1).withSize(64).withSlices(6));
        Path study = PhantomStudies.write(s, dir.resolve(s.studyId()));
        List<Annotation> fromZip = RoiSets.read(study.resolve(RoiSets.FILE_NAME), s.volume().info().sopInstanceUids());
        assertEquals(s.annotations().size(), fromZip.size());
        for (int i = 0; i < fromZip.size(); i++) {
            assertEquals(s.annotations().get(i).sliceIndex(), fromZip.get(i).sliceIndex());
            assertEquals(AnnotationClasses.classOf(s.annotations().get(i).label()),
                    AnnotationClasses.classOf(fromZip.get(i).label()));
        }
    }

    static void writeRois(Path zip, Roi... rois) throws Exception {
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            for (Roi roi : rois) {
                z.putNextEntry(new ZipEntry(roi.getName() + ".roi"));
                z.write(RoiEncoder.saveAsByteArray(roi));
                z.closeEntry();
            }
        }
    }
}
