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
import org.tumorj.annotation.RoiSetZip;
import org.tumorj.dataset.AnnotationReader;
import org.tumorj.phantom.PhantomConfig;
import org.tumorj.phantom.PhantomGenerator;
import org.tumorj.phantom.PhantomModality;
import org.tumorj.phantom.PhantomStudy;
import org.tumorj.phantom.PhantomStudyWriter;

/**
 * RoiSet.zip as TumorJ reads and writes it without ImageJ ({@link RoiSetZip}), with ImageJ
 * 1.54's own {@code RoiEncoder} and {@code RoiDecoder} as the oracle: each side reads what the
 * other wrote.
 */
class RoiSetsTest {
    static final List<String> SOPS = List.of("2.25.10", "2.25.11", "2.25.12");
    @TempDir Path dir;

    static Annotation region(String label, int slice, String sop) {
        return new Annotation(label, slice, sop, new float[] {10.5f, 20.25f, 15f, 9f}, new float[] {5f, 6.5f, 18.75f, 12f});
    }

    @Test
    void roundTripKeepsSliceSopAndOutline() throws Exception {
        assertTrue(java.awt.GraphicsEnvironment.isHeadless(), "runs headless");
        Path zip = dir.resolve(RoiSetZip.FILE_NAME);
        RoiSetZip.write(zip, List.of(region("tumor", 1, SOPS.get(1)), region("tumor", 2, SOPS.get(2)),
                region("normal-liver", 0, SOPS.get(0))));
        List<RoiSetZip.NamedRegion> back = RoiSetZip.readNamed(zip, Roi::getGroupName);
        assertEquals(List.of("tumor 1", "tumor 2", "normal-liver 1"), back.stream().map(RoiSetZip.NamedRegion::name).toList());
        Annotation a = back.get(1).region();
        assertEquals(2, a.sliceIndex());
        assertEquals(SOPS.get(2), a.sopInstanceUid());
        assertArrayEquals(region("x", 0, "").xs(), a.xs(), 1e-4f);
        assertArrayEquals(region("x", 0, "").ys(), a.ys(), 1e-4f);
        assertEquals("normal", AnnotationClasses.classOf(back.get(2).region().label()));
    }

    @Test
    void readingReattachesBySopWhenSlicesWereReordered() throws Exception {
        Path zip = dir.resolve(RoiSetZip.FILE_NAME);
        RoiSetZip.write(zip, List.of(region("tumor", 0, SOPS.get(0)), region("tumor", 2, SOPS.get(2))));
        List<Annotation> back = RoiSetZip.read(zip, List.of(SOPS.get(2), SOPS.get(1), SOPS.get(0)), Roi::getGroupName);
        assertEquals(2, back.get(0).sliceIndex());
        assertEquals(0, back.get(1).sliceIndex());
    }

    @Test
    void roiOnAMissingSliceIsReportedWithZipAndRoiName() throws Exception {
        Path zip = dir.resolve(RoiSetZip.FILE_NAME);
        RoiSetZip.write(zip, List.of(region("tumor", 0, SOPS.get(0)), region("tumor", 1, "2.25.99")));
        AnnotationFileException e = assertThrows(AnnotationFileException.class, () -> RoiSetZip.read(zip, SOPS, Roi::getGroupName));
        assertTrue(e.getMessage().startsWith(zip.toString()) && e.getMessage().contains("ROI 'tumor 2'"), e.getMessage());
        RoiSetZip.write(zip, List.of(region("tumor", 7, "")));
        AnnotationFileException beyond = assertThrows(AnnotationFileException.class, () -> RoiSetZip.read(zip, SOPS, Roi::getGroupName));
        assertTrue(beyond.getMessage().contains("ROI 'tumor 1'") && beyond.getMessage().contains("slice 8"), beyond.getMessage());
    }

    @Test
    void corruptOrEmptyZipNamesTheFile() throws Exception {
        Path zip = dir.resolve("RoiSet.zip");
        Files.write(zip, new byte[] {'P', 'K', 3, 4, 1, 2, 3});
        AnnotationFileException corrupt = assertThrows(AnnotationFileException.class, () -> RoiSetZip.read(zip));
        assertTrue(corrupt.getMessage().startsWith(zip.toString()), corrupt.getMessage());
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            z.putNextEntry(new ZipEntry("readme.txt"));
            z.write(1);
        }
        assertTrue(assertThrows(AnnotationFileException.class, () -> RoiSetZip.read(zip)).getMessage().contains("no .roi"));
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
            Annotation a = RoiSetZip.read(zip, SOPS, Roi::getGroupName).get(0);
            assertEquals("lesion", a.label());
            assertEquals(1, a.sliceIndex());
            assertEquals(SOPS.get(1), a.sopInstanceUid());
            writeRois(zip, line);
            assertTrue(assertThrows(AnnotationFileException.class, () -> RoiSetZip.read(zip)).getMessage()
                    .contains("ROI 'ruler'"));
        } finally {
            Roi.setGroupNames(saved);
        }
    }

    @Test
    void phantomStudyFolderGetsARoiSetMatchingItsSidecar() throws Exception {
        PhantomStudy s = PhantomGenerator.generate(PhantomConfig.of(PhantomModality.CT, 2, 1).withSize(64).withSlices(6));
        Path study = PhantomStudyWriter.write(s, dir.resolve(s.studyId()));
        List<Annotation> fromZip = RoiSetZip.read(study.resolve(RoiSetZip.FILE_NAME), s.volume().info().sopInstanceUids(), Roi::getGroupName);
        assertEquals(s.annotations().size(), fromZip.size());
        for (int i = 0; i < fromZip.size(); i++) {
            assertEquals(s.annotations().get(i).sliceIndex(), fromZip.get(i).sliceIndex());
            assertEquals(AnnotationClasses.classOf(s.annotations().get(i).label()),
                    AnnotationClasses.classOf(fromZip.get(i).label()));
        }
    }

    @Test
    void studyFolderReaderPrefersTheZipAndFallsBackToTheSidecar() throws Exception {
        PhantomStudy s = PhantomGenerator.generate(PhantomConfig.of(PhantomModality.CT, 2, 2).withSize(64).withSlices(6));
        Path study = PhantomStudyWriter.write(s, dir.resolve(s.studyId()));
        AnnotationReader both = AnnotationReader.roiSetZip(Roi::getGroupName).orElse(AnnotationReader.sidecar());
        List<Annotation> fromZip = both.read(study, s.volume());
        assertTrue(fromZip.get(0).label().matches("\\w[\\w-]* \\d+"), "zip names: " + fromZip.get(0).label());
        java.nio.file.Files.delete(study.resolve(RoiSetZip.FILE_NAME));
        assertEquals(s.annotations().get(0).label(), both.read(study, s.volume()).get(0).label(), "sidecar labels");
    }

    @Test
    void imageJReadsTheZipsTumorJWrites() throws Exception {
        Path zip = dir.resolve(RoiSetZip.FILE_NAME);
        RoiSetZip.write(zip, List.of(region("tumor", 2, SOPS.get(2))));
        byte[] bytes;
        try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(zip.toFile())) {
            bytes = z.getInputStream(z.getEntry("tumor 1.roi")).readAllBytes();
        }
        Roi roi = new ij.io.RoiDecoder(bytes, "tumor 1.roi").getRoi();
        assertEquals(Roi.POLYGON, roi.getType());
        assertEquals("tumor 1", roi.getName());
        assertEquals(3, roi.getPosition());
        assertEquals(SOPS.get(2), roi.getProperty(RoiSetZip.SOP_PROPERTY));
        ij.process.FloatPolygon p = roi.getFloatPolygon();
        assertArrayEquals(region("x", 0, "").xs(), java.util.Arrays.copyOf(p.xpoints, p.npoints), 1e-6f);
        assertArrayEquals(region("x", 0, "").ys(), java.util.Arrays.copyOf(p.ypoints, p.npoints), 1e-6f);
    }

    /** Every area ROI ImageJ writes, read without ImageJ: the same pixels inside (ovals to within their edge). */
    @Test
    void tumorJReadsEveryAreaRoiImageJWrites() throws Exception {
        List<Roi> rois = List.of(
                new ij.gui.PolygonRoi(new int[] {10, 30, 20}, new int[] {5, 8, 25}, 3, Roi.POLYGON),
                new ij.gui.PolygonRoi(new float[] {10.5f, 30.25f, 20f, 12f}, new float[] {5f, 8f, 25.5f, 20f}, Roi.FREEROI),
                new ij.gui.PolygonRoi(new int[] {4, 12, 12, 4}, new int[] {4, 4, 9, 9}, 4, Roi.TRACED_ROI),
                new Roi(6, 7, 15, 9),
                new ij.gui.OvalRoi(8, 6, 21, 13),
                new ij.gui.EllipseRoi(5, 20, 30, 10, 0.5));
        for (int i = 0; i < rois.size(); i++) {
            Roi roi = rois.get(i);
            roi.setName("tumor " + (i + 1));
            roi.setPosition(2);
            writeRois(dir.resolve("RoiSet.zip"), roi);
            Annotation a = RoiSetZip.read(dir.resolve("RoiSet.zip")).get(0);
            assertEquals("tumor " + (i + 1), a.label());
            assertEquals(1, a.sliceIndex());
            int ours = centresInside(a.xs(), a.ys(), 48, 48);
            int imagej = roi.getMask() == null ? roi.getBounds().width * roi.getBounds().height : count(roi.getMask());
            int tolerance = roi instanceof ij.gui.OvalRoi ? roi.getBounds().width + roi.getBounds().height : 0;
            assertEquals(imagej, ours, tolerance, roi.getTypeAsString() + " " + roi.getName());
        }
    }

    @Test
    void aCompositeRoiIsRefusedWithTheWayOut() throws Exception {
        Roi composite = new ij.gui.ShapeRoi(new Roi(0, 0, 10, 10)).or(new ij.gui.ShapeRoi(new Roi(20, 20, 5, 5)));
        composite.setName("two parts");
        composite.setPosition(1);
        writeRois(dir.resolve("RoiSet.zip"), composite);
        AnnotationFileException e = assertThrows(AnnotationFileException.class, () -> RoiSetZip.read(dir.resolve("RoiSet.zip")));
        assertTrue(e.getMessage().contains("composite") && e.getMessage().contains("Split"), e.getMessage());
    }

    /** Pixels whose centre the polygon encloses, ImageJ's rule for filling a polygon. */
    private static int centresInside(float[] xs, float[] ys, int width, int height) {
        java.awt.geom.Path2D.Float path = new java.awt.geom.Path2D.Float(java.awt.geom.Path2D.WIND_EVEN_ODD);
        path.moveTo(xs[0], ys[0]);
        for (int i = 1; i < xs.length; i++) {
            path.lineTo(xs[i], ys[i]);
        }
        path.closePath();
        int n = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                n += path.contains(x + 0.5, y + 0.5) ? 1 : 0;
            }
        }
        return n;
    }

    private static int count(ij.process.ImageProcessor mask) {
        int n = 0;
        for (int i = 0; i < mask.getPixelCount(); i++) {
            n += mask.get(i) != 0 ? 1 : 0;
        }
        return n;
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
