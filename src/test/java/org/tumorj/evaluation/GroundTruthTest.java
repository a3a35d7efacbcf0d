package org.tumorj.evaluation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.gui.PolygonRoi;
import ij.gui.Roi;
import ij.process.FloatPolygon;
import ij.process.ImageProcessor;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tumorj.annotation.Annotation;
import org.tumorj.detect.Point3;
import org.tumorj.detect.TestVolumes;
import org.tumorj.volume.VolumeInfo;

class GroundTruthTest {
    static final VolumeInfo INFO = TestVolumes.info("CT", 40, 30, 8, 0.5, 0.8, 2, new double[] {-10, -20, 30});

    static Annotation square(String label, int z, String uid, float x0, float y0, float size) {
        return new Annotation(label, z, uid, new float[] {x0, x0 + size, x0 + size, x0},
                new float[] {y0, y0, y0 + size, y0 + size});
    }

    @Test
    void positivePolygonsOnConsecutiveSlicesFormOneLesionWithCentreAndRadius() {
        List<Annotation> anns = List.of(
                square("tumor", 2, null, 10, 5, 10),
                square("tumor", 3, null, 12, 7, 10),
                square("normal", 3, null, 25, 5, 4),
                // Slice index 0 is stale: the SOPInstanceUID puts it on slice 6.
                square("Tumor", 0, "1.2.3.4.7", 30, 20, 4));
        GroundTruth gt = GroundTruth.fromAnnotations(INFO, anns, "tumor"::equalsIgnoreCase);
        assertEquals(2, gt.lesions().size());
        Lesion l = gt.lesions().get(0);
        assertEquals(2, l.sliceFirst());
        assertEquals(3, l.sliceLast());
        assertEquals(200, l.voxelCount());
        assertEquals(new Point3(15.5, 10.5, 2.5), l.centroidPx());
        assertEquals(Math.sqrt(100 * 0.5 * 0.8 / Math.PI), l.radiusMm(), 1e-12);
        assertEquals(200 * 0.5 * 0.8 * 2, l.volumeMm3(), 1e-9);
        assertEquals(-10 + 15.5 * 0.5, l.centroidMm().x(), 1e-9);
        assertEquals(6, gt.lesions().get(1).sliceFirst());
        assertTrue(gt.sliceHasLesion(6));
        assertFalse(gt.sliceHasLesion(4));
        assertFalse(gt.mask(3).contains(26, 6), "a negative label is not lesion");
    }

    @Test
    void aTumourOutlinedOnEveryThirdSliceIsOneLesion() {
        List<Annotation> everyThird = List.of(square("tumor", 0, null, 10, 5, 10), square("tumor", 3, null, 12, 7, 10),
                square("tumor", 6, null, 14, 9, 10));
        GroundTruth gt = GroundTruth.fromAnnotations(INFO, everyThird, "tumor"::equalsIgnoreCase);
        assertEquals(1, gt.lesions().size());
        assertEquals(0, gt.lesions().get(0).sliceFirst());
        assertEquals(6, gt.lesions().get(0).sliceLast());
        assertFalse(gt.sliceHasLesion(1), "the slices between are still not lesion voxels");
    }

    @Test
    void aSliceAnnotatedWithoutTheTumourSeparatesTwoLesions() {
        List<Annotation> lookedBetween = List.of(square("tumor", 0, null, 10, 5, 10), square("tumor", 3, null, 12, 7, 10),
                square("normal", 4, null, 30, 20, 4), square("tumor", 6, null, 14, 9, 10));
        assertEquals(2, GroundTruth.fromAnnotations(INFO, lookedBetween, "tumor"::equalsIgnoreCase).lesions().size());
    }

    @Test
    void outlinesOnEverySliceLinkOnlyConsecutiveSlices() {
        // Two lesions at the same place, outlined slice by slice, three slices apart: not one.
        List<Annotation> stacked = List.of(square("tumor", 0, null, 10, 5, 10), square("tumor", 1, null, 10, 5, 10),
                square("tumor", 2, null, 10, 5, 10), square("tumor", 5, null, 10, 5, 10), square("tumor", 6, null, 10, 5, 10));
        assertEquals(2, GroundTruth.fromAnnotations(INFO, stacked, "tumor"::equalsIgnoreCase).lesions().size());
    }

    @Test
    void outlineStepIsTheCommonestDistanceBetweenOutlinedSlices() {
        assertEquals(1, GroundTruth.outlineStep(List.of()));
        assertEquals(1, GroundTruth.outlineStep(List.of(4, 4, 5, 6, 9)));
        assertEquals(2, GroundTruth.outlineStep(List.of(2, 4, 6, 8, 9)));
        assertEquals(3, GroundTruth.outlineStep(List.of(27, 30, 33, 36)));
        assertEquals(1, GroundTruth.outlineStep(List.of(0, 10, 20)), "ten slices apart is a gap, not a step");
    }

    @Test
    void annotationOutsideTheSeriesIsAnErrorNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
                GroundTruth.fromAnnotations(INFO, List.of(square("tumor", 20, null, 1, 1, 3)), l -> true));
        assertTrue(e.getMessage().contains("slice 21"), e.getMessage());
    }

    /** Masks from annotations agree with what ImageJ fills for the same polygon ROI. */
    @Test
    void polygonFillMatchesImageJ() {
        float[] xs = {3.2f, 27.7f, 20.1f, 12.5f, 5.0f};
        float[] ys = {4.4f, 2.1f, 22.9f, 12.0f, 25.3f};
        boolean[] ours = new boolean[40 * 30];
        PolygonMask.fill(xs, ys, ours, 40, 30);
        PolygonRoi roi = new PolygonRoi(new FloatPolygon(xs, ys), Roi.POLYGON);
        ImageProcessor m = roi.getMask();
        boolean[] theirs = new boolean[40 * 30];
        var b = roi.getBounds();
        for (int y = 0; y < m.getHeight(); y++) {
            for (int x = 0; x < m.getWidth(); x++) {
                if (m.get(x, y) != 0) {
                    theirs[(y + b.y) * 40 + x + b.x] = true;
                }
            }
        }
        assertArrayEquals(theirs, ours);
    }
}
