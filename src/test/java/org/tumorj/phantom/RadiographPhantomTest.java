package org.tumorj.phantom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tumorj.annotation.Annotation;
import org.tumorj.volume.VolumeInfo;

/** Chest radiograph phantoms: what a detector trained and tested on them relies on. */
class RadiographPhantomTest {
    private static final long SEED = 2026;
    /** Studies 1..8 at the shipped size cover every header variant (DX/CR x MONOCHROME1/2 x VOI LUT/window). */
    private static final List<PhantomStudy> STUDIES = new ArrayList<>();

    @BeforeAll
    static void generate() {
        for (int n = 1; n <= 8; n++) {
            STUDIES.add(PhantomGenerator.generate(PhantomConfig.of(PhantomModality.XR, SEED, n)));
        }
    }

    @Test
    void modalityNamesParseToXr() {
        for (String name : List.of("xr", "XR", "dx", "CR", " cr ")) {
            assertEquals(PhantomModality.XR, PhantomModality.parse(name), name);
        }
        assertEquals(768, PhantomConfig.of(PhantomModality.XR, 1, 1).size());
        assertEquals("xr-0007", PhantomConfig.of(PhantomModality.XR, 1, 7).studyId());
    }

    @Test
    void sameConfigGivesTheSameStudy() {
        PhantomConfig c = PhantomConfig.of(PhantomModality.XR, 11, 3).withSize(256);
        PhantomStudy a = PhantomGenerator.generate(c), b = PhantomGenerator.generate(c);
        assertArrayEquals(a.volume().slice(0), b.volume().slice(0));
        assertEquals(a.volume().info().sopInstanceUids(), b.volume().info().sopInstanceUids());
        assertEquals(a.annotations().size(), b.annotations().size());
        for (int i = 0; i < a.annotations().size(); i++) {
            assertArrayEquals(a.annotations().get(i).xs(), b.annotations().get(i).xs());
        }
        assertArrayEquals(PhantomStudyWriter.sliceFile(a, 0).toBytes(), PhantomStudyWriter.sliceFile(b, 0).toBytes());
        PhantomStudy other = PhantomGenerator.generate(PhantomConfig.of(PhantomModality.XR, 12, 3).withSize(256));
        assertFalse(java.util.Arrays.equals(a.volume().slice(0), other.volume().slice(0)), "another seed, another image");
    }

    @Test
    void volumeIsOneProjectionWithThePixelSpacing() {
        for (PhantomStudy s : STUDIES) {
            VolumeInfo info = s.volume().info();
            RadiographProtocol p = RadiographProtocol.draw(s.config());
            assertEquals(1, s.volume().depth());
            assertTrue(info.isProjection(), info.modality());
            assertEquals(p.dicomModality(), info.modality());
            assertEquals(p.imagerSpacing() / p.magnification(), info.spacingX(), 1e-9);
            assertEquals(384, 768 * p.imagerSpacing(), 16, "about 380 mm at the detector");
            assertEquals(p.monochrome1(), info.invertedForDisplay());
            assertEquals(p.voiLut(), info.voiLut() != null);
            assertEquals(p.shutter(), !info.shutter().isNone());
            for (float v : s.volume().slice(0)) {
                assertTrue(v >= 0 && v <= p.maxStored() && v == Math.rint(v), "stored value " + v);
            }
        }
        long dx = STUDIES.stream().filter(s -> s.volume().info().modality().equals("DX")).count();
        long mono1 = STUDIES.stream().filter(s -> s.volume().info().invertedForDisplay()).count();
        long lut = STUDIES.stream().filter(s -> s.volume().info().voiLut() != null).count();
        assertEquals(List.of(4L, 4L, 4L), List.of(dx, mono1, lut), "eight studies mix every variant");
    }

    @Test
    void nodulesShowAtTheirGroundTruthPositionsAndFaintOnesLess() {
        List<Double> clear = new ArrayList<>(), faint = new ArrayList<>();
        int lesions = 0;
        for (PhantomStudy s : STUDIES) {
            double sign = s.volume().info().invertedForDisplay() ? -1 : 1;
            for (LesionTruth l : s.groundTruth().lesions()) {
                lesions++;
                double r = l.radiiMm()[1] / s.volume().info().spacingX(); // smaller in-plane semi-axis, px
                double measured = sign * (discMean(s, l.centrePixel(), 0.6 * r) - ringMean(s, l.centrePixel(), 1.4 * r, 2.0 * r));
                assertTrue(sign * l.contrast() > 0, "nodules attenuate more than the lung they displace");
                (l.conspicuity().equals(LesionLook.CLEAR) ? clear : l.conspicuity().equals(LesionLook.NEAR_INVISIBLE) ? faint
                        : new ArrayList<Double>()).add(measured / noise(s));
            }
        }
        assertTrue(lesions >= 12, "enough nodules: " + lesions);
        assertTrue(!clear.isEmpty() && !faint.isEmpty(), "both clear and faint nodules occur");
        double clearMean = clear.stream().mapToDouble(d -> d).average().orElseThrow();
        double faintMean = faint.stream().mapToDouble(d -> d).average().orElseThrow();
        assertTrue(clearMean > 3, "clear nodules stand out of the noise: " + clear);
        assertTrue(clear.stream().filter(d -> d > 1).count() >= 0.8 * clear.size(), "most clear nodules are brighter inside: " + clear);
        assertTrue(faintMean < clearMean, "faint nodules show less: " + faint + " vs " + clear);
    }

    @Test
    void endOnVesselsAreLookAlikesLikeNodules() {
        int checked = 0;
        for (PhantomStudy s : STUDIES) {
            double sign = s.volume().info().invertedForDisplay() ? -1 : 1;
            assertFalse(s.groundTruth().vessels().isEmpty(), s.studyId() + " has end-on vessels");
            VesselTruth v = s.groundTruth().vessels().get(0);
            double r = Math.max(1.5, v.radiusMm() / s.volume().info().spacingX());
            double[] c = v.centrePixels().get(0);
            double measured = sign * (discMean(s, c, 0.7 * r) - ringMean(s, c, r + 2, r + 5));
            assertTrue(sign * v.contrast() > 0);
            if (measured > 2 * noise(s)) {
                checked++;
            }
        }
        assertTrue(checked >= 6, "the thickest end-on vessel is a local bright spot in most studies: " + checked);
    }

    @Test
    void monochrome1StoresBoneAndMediastinumLow() {
        for (PhantomStudy s : STUDIES) {
            VolumeInfo info = s.volume().info();
            int w = info.width(), row = (int) (0.45 * info.height());
            double mediastinum = discMean(s, new double[] {w / 2.0, row}, 6);
            double lung = discMean(s, new double[] {0.27 * w, row}, 6);
            if (info.invertedForDisplay()) {
                assertTrue(mediastinum < lung, s.studyId() + ": MONOCHROME1 stores dense tissue low");
            } else {
                assertTrue(mediastinum > lung, s.studyId() + ": MONOCHROME2 stores dense tissue high");
            }
            assertTrue(info.presentation(mediastinum) > info.presentation(lung), s.studyId() + ": the mediastinum shows white");
        }
    }

    @Test
    void shutterBorderHoldsTheWhiteConstant() {
        int shuttered = 0;
        for (PhantomStudy s : STUDIES) {
            VolumeInfo info = s.volume().info();
            if (info.shutter().isNone()) {
                continue;
            }
            shuttered++;
            RadiographProtocol p = RadiographProtocol.draw(s.config());
            float[] px = s.volume().slice(0);
            double[] rect = info.shutter().rectangle();
            assertTrue(rect[0] > 0 && rect[1] < info.width() - 1 && rect[2] > 0 && rect[3] < info.height() - 1);
            assertEquals(RadiographDisplay.shutterValue(p), px[0]);
            assertEquals(RadiographDisplay.shutterValue(p), px[px.length - 1]);
            assertTrue(info.presentation(px[0]) > 0.95, "outside the shutter displays white: " + info.presentation(px[0]));
            int inside = (int) ((rect[2] + rect[3]) / 2) * info.width() + (int) ((rect[0] + rect[1]) / 2);
            assertTrue(px[inside] != px[0], "the exposed field is not the constant");
        }
        assertTrue(shuttered > 0, "some studies have a shutter");
    }

    @Test
    void outlinesLieOnTheNodulesAndNormalRegionsAvoidThem() {
        for (PhantomStudy s : STUDIES) {
            List<Annotation> tumors = s.annotations().stream().filter(a -> a.label().equals("tumor")).toList();
            List<LesionTruth> truth = s.groundTruth().lesions();
            assertEquals(truth.size(), tumors.size(), s.studyId());
            for (int i = 0; i < truth.size(); i++) {
                Annotation a = tumors.get(i);
                LesionTruth l = truth.get(i);
                double[] c = centroid(a);
                assertEquals(l.centrePixel()[0] + 0.5, c[0], 1.0, s.studyId() + " lesion " + l.id());
                assertEquals(l.centrePixel()[1] + 0.5, c[1], 1.0);
                double spacing = s.volume().info().spacingX();
                double most = Math.max(l.radiiMm()[0], l.radiiMm()[1]) / spacing, least = Math.min(l.radiiMm()[0], l.radiiMm()[1]) / spacing;
                for (int k = 0; k < a.xs().length; k++) {
                    double d = Math.hypot(a.xs()[k] - c[0], a.ys()[k] - c[1]);
                    assertTrue(d <= most + 1 && d >= least - 1, "outline radius " + d + " px, semi-axes " + least + ".." + most);
                }
                assertEquals(l.id(), s.lesionAt((int) l.centrePixel()[0], (int) Math.round(l.centrePixel()[1]), 0));
                assertEquals(0, a.sliceIndex());
                assertEquals(s.volume().info().sopInstanceUids().get(0), a.sopInstanceUid());
            }
            List<Annotation> normals = s.annotations().stream().filter(a -> a.label().equals("normal-lung")).toList();
            assertTrue(normals.size() >= 2, s.studyId() + " normal regions: " + normals.size());
            for (Annotation n : normals) {
                for (int k = 0; k < n.xs().length; k++) {
                    assertEquals(0, s.lesionAt((int) n.xs()[k], (int) n.ys()[k], 0), "normal region off the nodules");
                }
            }
        }
    }

    @Test
    void groundTruthNamesTheDicomModality() {
        PhantomStudy s = STUDIES.get(1);
        assertEquals(s.volume().info().modality(), s.groundTruth().modality());
        for (LesionTruth l : s.groundTruth().lesions()) {
            assertTrue(l.diameterMm() >= 4.5 && l.diameterMm() <= 33, "diameter " + l.diameterMm());
            assertEquals(List.of(0), l.slices());
        }
    }

    static double discMean(PhantomStudy s, double[] centre, double radius) {
        return mean(s, centre, -1, Math.max(radius, 1));
    }

    static double ringMean(PhantomStudy s, double[] centre, double inner, double outer) {
        return mean(s, centre, inner, outer);
    }

    private static double mean(PhantomStudy s, double[] centre, double inner, double outer) {
        int w = s.volume().width(), h = s.volume().height();
        float[] px = s.volume().slice(0);
        double sum = 0;
        int n = 0;
        for (int row = (int) (centre[1] - outer) - 1; row <= centre[1] + outer + 1; row++) {
            for (int col = (int) (centre[0] - outer) - 1; col <= centre[0] + outer + 1; col++) {
                double d = Math.hypot(col - centre[0], row - centre[1]);
                if (d > inner && d <= outer && col >= 0 && row >= 0 && col < w && row < h) {
                    sum += px[row * w + col];
                    n++;
                }
            }
        }
        return sum / n;
    }

    /** Pixel noise: robust spread of horizontal neighbour differences in the middle of the image, / sqrt 2. */
    static double noise(PhantomStudy s) {
        int w = s.volume().width();
        float[] px = s.volume().slice(0);
        List<Double> d = new ArrayList<>();
        for (int row = w / 3; row < 2 * w / 3; row += 3) {
            for (int col = w / 8; col < w / 3; col += 3) {
                d.add((double) Math.abs(px[row * w + col + 1] - px[row * w + col]));
            }
        }
        d.sort(null);
        return Math.max(1, d.get(d.size() / 2) * 1.4826 / Math.sqrt(2));
    }

    private static double[] centroid(Annotation a) {
        double x = 0, y = 0;
        for (int k = 0; k < a.xs().length; k++) {
            x += a.xs()[k];
            y += a.ys()[k];
        }
        return new double[] {x / a.xs().length, y / a.ys().length};
    }
}
