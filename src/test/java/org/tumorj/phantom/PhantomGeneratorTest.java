package org.tumorj.phantom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tumorj.annotation.Annotation;
import org.tumorj.volume.Volume;

class PhantomGeneratorTest {
    static final PhantomConfig CT = PhantomConfig.of(PhantomModality.CT, 7, 1).withSize(128).withSlices(16);
    static PhantomStudy ct;
    static List<PhantomStudy> several = new ArrayList<>();

    @BeforeAll
    static void generate() {
        ct = PhantomGenerator.generate(CT);
        for (int i = 1; i <= 5; i++) {
            several.add(PhantomGenerator.generate(PhantomConfig.of(PhantomModality.CT, 11, i).withSize(128).withSlices(16)));
        }
    }

    @Test
    void sameConfigGivesTheSameStudy() {
        PhantomStudy again = PhantomGenerator.generate(CT);
        for (int k = 0; k < ct.volume().depth(); k++) {
            assertArrayEquals(ct.volume().slice(k), again.volume().slice(k), "slice " + k);
        }
        assertEquals(ct.volume().info().sopInstanceUids(), again.volume().info().sopInstanceUids());
        assertEquals(ct.annotations().size(), again.annotations().size());
        for (int i = 0; i < ct.annotations().size(); i++) {
            assertArrayEquals(ct.annotations().get(i).xs(), again.annotations().get(i).xs());
        }
    }

    @Test
    void uidsAreUniqueAndValid() {
        Set<String> uids = new HashSet<>();
        for (PhantomStudy s : several) {
            uids.add(s.volume().info().studyInstanceUid());
            uids.add(s.volume().info().seriesInstanceUid());
            uids.addAll(s.volume().info().sopInstanceUids());
        }
        assertEquals(5 * (2 + 16), uids.size(), "every study, series and slice has its own UID");
        for (String uid : uids) {
            assertTrue(uid.matches("2\\.25\\.[1-9][0-9]*") && uid.length() <= 64, uid);
        }
        assertNotEquals(several.get(0).volume().info().studyInstanceUid(),
                PhantomGenerator.generate(PhantomConfig.of(PhantomModality.CT, 12, 1).withSize(128).withSlices(16))
                        .volume().info().studyInstanceUid(), "another seed gives other UIDs");
        assertEquals("PHANTOM-0003", several.get(2).patientId());
    }

    @Test
    void ctValuesAreHounsfieldUnitsOfTheRightTissues() {
        Volume v = ct.volume();
        assertEquals(-1024, v.slice(0)[0], 60, "corner is air");
        double lung = medianIn(ct, Organ.LUNG), liver = medianIn(ct, Organ.LIVER);
        assertEquals(-850, lung, 40, "lung");
        assertEquals(62, liver, 12, "liver");
        for (float[] s : v.slices()) {
            for (float f : s) {
                assertEquals(Math.rint(f), f, "values are the integers DICOM stores");
            }
        }
    }

    @Test
    void everyLesionIsOutlinedOnExactlyTheSlicesItCrosses() {
        for (PhantomStudy s : several) {
            for (LesionTruth l : s.groundTruth().lesions()) {
                assertFalse(l.slices().isEmpty(), "lesion " + l.id() + " crosses some slice");
                for (int k = 0; k < s.volume().depth(); k++) {
                    boolean covered = coversPixel(s, l.id(), k);
                    assertEquals(covered, l.slices().contains(k), s.studyId() + " lesion " + l.id() + " slice " + k);
                }
                assertTrue(l.diameterMm() >= 2.5 && l.diameterMm() <= 30, "size " + l.diameterMm());
            }
            long outlines = s.annotations().stream().filter(a -> a.label().equals("tumor")).count();
            assertEquals(s.groundTruth().lesions().stream().mapToInt(l -> l.slices().size()).sum(), outlines);
        }
    }

    @Test
    void outlinesEncloseTheirLesionsPixels() {
        for (PhantomStudy s : several) {
            for (Annotation a : s.annotations()) {
                if (!a.label().equals("tumor")) {
                    continue;
                }
                int inside = 0, agree = 0;
                for (int[] p : pixelsIn(a)) {
                    inside++;
                    agree += s.lesionAt(p[0], p[1], a.sliceIndex()) != 0 ? 1 : 0;
                }
                assertTrue(agree >= 0.9 * inside, s.studyId() + " slice " + a.sliceIndex() + ": " + agree + "/" + inside);
            }
        }
    }

    @Test
    void normalRegionsStayClearOfLesions() {
        int normals = 0;
        for (PhantomStudy s : several) {
            for (Annotation a : s.annotations()) {
                if (!a.label().startsWith("normal-")) {
                    continue;
                }
                normals++;
                for (int[] p : pixelsIn(a)) {
                    assertEquals(0, s.lesionAt(p[0], p[1], a.sliceIndex()), s.studyId() + " " + a.label());
                }
            }
        }
        assertTrue(normals >= 5, "normal regions: " + normals);
    }

    @Test
    void vesselsRunThroughManySlicesAsBrightDiscs() {
        int vessels = 0;
        for (PhantomStudy s : several) {
            for (VesselTruth v : s.groundTruth().vessels()) {
                vessels++;
                assertTrue(v.slices().size() >= 5, "vessel " + v.id() + " spans " + v.slices());
                assertTrue(v.contrast() > 90, "vessel brighter than its organ: " + v.contrast());
                for (double[] c : v.centrePixels()) {
                    assertTrue(vesselNear(s, v.id(), c, v.radiusMm() / s.groundTruth().pixelSpacingMm() + 1),
                            "vessel " + v.id() + " on slice " + c[2]);
                }
            }
        }
        assertTrue(vessels >= 5 * 6, "vessels placed: " + vessels);
    }

    @Test
    void lesionsVaryInSizeContrastAndConspicuity() {
        Set<String> kinds = new HashSet<>();
        double smallest = 99, largest = 0, faintest = 9999;
        for (PhantomStudy s : several) {
            for (LesionTruth l : s.groundTruth().lesions()) {
                kinds.add(l.conspicuity());
                smallest = Math.min(smallest, l.diameterMm());
                largest = Math.max(largest, l.diameterMm());
                if (l.organ().equals("liver")) {
                    faintest = Math.min(faintest, Math.abs(l.contrast()));
                }
            }
        }
        assertEquals(Set.of("clear", "subtle", "near-invisible"), kinds);
        assertTrue(smallest < 6 && largest > 12, "sizes " + smallest + ".." + largest);
        assertTrue(faintest < 31, "a liver lesion within 30 HU of the liver: " + faintest);
    }

    @Test
    void mrIsUnsignedWithAnArbitraryScalePerStudy() {
        PhantomStudy a = PhantomGenerator.generate(PhantomConfig.of(PhantomModality.MR, 3, 1).withSize(96).withSlices(12));
        PhantomStudy b = PhantomGenerator.generate(PhantomConfig.of(PhantomModality.MR, 3, 2).withSize(96).withSlices(12));
        assertEquals("MR", a.volume().info().modality());
        for (float[] s : a.volume().slices()) {
            for (float f : s) {
                assertTrue(f >= 0 && f <= 65535);
            }
        }
        double ratio = medianIn(a, Organ.LIVER) / medianIn(b, Organ.LIVER);
        assertTrue(ratio < 0.8 || ratio > 1.25, "liver signal differs between studies: ratio " + ratio);
    }

    static boolean vesselNear(PhantomStudy s, int id, double[] c, double radius) {
        for (int row = (int) (c[1] - radius); row <= c[1] + radius; row++) {
            for (int col = (int) (c[0] - radius); col <= c[0] + radius; col++) {
                if (s.vesselAt(col, row, (int) c[2]) == id) {
                    return true;
                }
            }
        }
        return false;
    }

    static boolean coversPixel(PhantomStudy s, int lesion, int k) {
        LesionTruth l = s.groundTruth().lesions().get(lesion - 1);
        double reach = 1.6 * Math.max(l.radiiMm()[0], l.radiiMm()[1]) / s.groundTruth().pixelSpacingMm() + 2;
        int c0 = (int) Math.max(0, l.centrePixel()[0] - reach), c1 = (int) Math.min(s.volume().width() - 1, l.centrePixel()[0] + reach);
        int r0 = (int) Math.max(0, l.centrePixel()[1] - reach), r1 = (int) Math.min(s.volume().height() - 1, l.centrePixel()[1] + reach);
        for (int row = r0; row <= r1; row++) {
            for (int col = c0; col <= c1; col++) {
                if (s.lesionAt(col, row, k) == lesion) {
                    return true;
                }
            }
        }
        return false;
    }

    static double medianIn(PhantomStudy s, Organ organ) {
        List<Float> values = new ArrayList<>();
        for (int k = 0; k < s.volume().depth(); k++) {
            float[] slice = s.volume().slice(k);
            for (int row = 0; row < s.volume().height(); row += 2) {
                for (int col = 0; col < s.volume().width(); col += 2) {
                    if (s.inOrgan(organ, col, row, k) && s.lesionAt(col, row, k) == 0) {
                        values.add(slice[row * s.volume().width() + col]);
                    }
                }
            }
        }
        values.sort(null);
        return values.get(values.size() / 2);
    }

    /** Pixels whose centre lies inside the polygon. */
    static List<int[]> pixelsIn(Annotation a) {
        List<int[]> out = new ArrayList<>();
        float x0 = Float.MAX_VALUE, x1 = -Float.MAX_VALUE, y0 = Float.MAX_VALUE, y1 = -Float.MAX_VALUE;
        for (int i = 0; i < a.xs().length; i++) {
            x0 = Math.min(x0, a.xs()[i]);
            x1 = Math.max(x1, a.xs()[i]);
            y0 = Math.min(y0, a.ys()[i]);
            y1 = Math.max(y1, a.ys()[i]);
        }
        for (int row = (int) y0; row <= y1; row++) {
            for (int col = (int) x0; col <= x1; col++) {
                if (contains(a, col + 0.5, row + 0.5)) {
                    out.add(new int[] {col, row});
                }
            }
        }
        return out;
    }

    static boolean contains(Annotation a, double x, double y) {
        boolean in = false;
        float[] xs = a.xs(), ys = a.ys();
        for (int i = 0, j = xs.length - 1; i < xs.length; j = i++) {
            if ((ys[i] > y) != (ys[j] > y) && x < xs[i] + (y - ys[i]) * (xs[j] - xs[i]) / (ys[j] - ys[i])) {
                in = !in;
            }
        }
        return in;
    }
}
