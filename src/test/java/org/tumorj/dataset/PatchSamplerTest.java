package org.tumorj.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tumorj.annotation.Annotation;
import org.tumorj.annotation.AnnotationClasses;
import org.tumorj.phantom.PhantomStudy;
import org.tumorj.volume.Volume;

class PatchSamplerTest {
    static final SamplingConfig PLAIN = SamplingConfig.defaults(5).withPatchSize(32).withAugmentation(Augmentation.none());
    static final AnnotationClasses CLASSES = AnnotationClasses.defaults();

    static List<Patch> sample(SamplingConfig c, PhantomStudy s, boolean augment) {
        return new PatchSampler(c, CLASSES).sample(Phantoms.loaded(s), augment);
    }

    @Test
    void sameSeedSamePatchesOtherSeedOthers() {
        PhantomStudy s = Phantoms.ct().get(0);
        SamplingConfig c = SamplingConfig.defaults(5).withPatchSize(32);
        List<Patch> a = sample(c, s, true), b = sample(c, s, true);
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).centreX(), b.get(i).centreX());
            assertEquals(a.get(i).slice(), b.get(i).slice());
            assertArrayEquals(a.get(i).planes()[0], b.get(i).planes()[0]);
        }
        List<Patch> other = sample(c.withSeed(6), s, true);
        assertNotEquals(centres(a), centres(other));
    }

    @Test
    void positivePatchesAreCentredInsideLesions() {
        int positives = 0;
        for (PhantomStudy s : Phantoms.ct()) {
            for (Patch p : sample(PLAIN, s, false)) {
                if (p.label() == 1) {
                    positives++;
                    assertEquals(Patch.Source.POSITIVE_REGION, p.source());
                    assertNotEquals(0, s.lesionAt(p.centreX(), p.centreY(), p.slice()),
                            s.studyId() + " positive at " + p.centreX() + "," + p.centreY() + " slice " + p.slice());
                }
            }
        }
        assertTrue(positives >= 20, "positives: " + positives);
    }

    @Test
    void negativesAvoidLesionsAndUnannotatedKeepTheirDistanceInsideTheBody() {
        double minMm = 15;
        SamplingConfig c = PLAIN.withMinDistanceMm(minMm).withCounts(2, 2, 6);
        int unannotated = 0;
        for (PhantomStudy s : Phantoms.ct()) {
            Volume v = s.volume();
            List<double[]> positiveMm = positivePixelsMm(s);
            for (Patch p : sample(c, s, false)) {
                if (p.label() == 0) {
                    assertEquals(0, s.lesionAt(p.centreX(), p.centreY(), p.slice()), "negative centred on a lesion");
                }
                if (p.source() == Patch.Source.UNANNOTATED) {
                    unannotated++;
                    double[] q = {p.centreX() * v.info().spacingX(), p.centreY() * v.info().spacingY(), p.slice() * v.info().spacingZ()};
                    for (double[] pos : positiveMm) {
                        double d = Math.sqrt(sq(pos[0] - q[0]) + sq(pos[1] - q[1]) + sq(pos[2] - q[2]));
                        assertTrue(d >= minMm, "unannotated patch " + d + " mm from a positive");
                    }
                    assertTrue(v.slice(p.slice())[p.centreY() * v.width() + p.centreX()] > -500, "centred in the body, not air");
                }
            }
        }
        assertTrue(unannotated >= 20, "unannotated patches: " + unannotated);
    }

    @Test
    void twoPointFiveDStacksTheNeighbouringSlices() {
        PhantomStudy s = Phantoms.ct().get(1);
        List<Patch> flat = sample(PLAIN, s, false), stacked = sample(PLAIN.withTwoPointFiveD(true), s, false);
        assertEquals(flat.size(), stacked.size());
        for (int i = 0; i < flat.size(); i++) {
            Patch f = flat.get(i), t = stacked.get(i);
            assertEquals(1, f.channels());
            assertEquals(3, t.channels());
            assertArrayEquals(f.planes()[0], t.planes()[1], "centre plane is the slice itself");
            int below = Math.max(0, t.slice() - 1);
            Volume v = s.volume();
            assertEquals(v.slice(below)[t.centreY() * v.width() + t.centreX()], t.planes()[0][16 * 32 + 16]);
        }
    }

    @Test
    void augmentationMovesTheViewButNotTheCentre() {
        PhantomStudy s = Phantoms.ct().get(2);
        SamplingConfig geometric = PLAIN.withAugmentation(new Augmentation(true, true, 15, 0.9, 1.1, 0));
        List<Patch> patches = sample(geometric, s, true);
        int changed = 0;
        Volume v = s.volume();
        for (Patch p : patches) {
            float centre = v.slice(p.slice())[p.centreY() * v.width() + p.centreX()];
            assertEquals(centre, p.planes()[0][16 * 32 + 16], 1e-3, "the centre pixel stays the centre");
            float[] plain = new PatchExtractor(v, -1024).extract(p.slice(), p.centreX(), p.centreY(), 32, false,
                    Augmentation.Draw.IDENTITY)[0];
            changed += java.util.Arrays.equals(plain, p.planes()[0]) ? 0 : 1;
        }
        assertTrue(changed > patches.size() / 2, "most patches transformed: " + changed + "/" + patches.size());
        List<Patch> notAugmented = sample(geometric, s, false);
        assertFalse(notAugmented.isEmpty());
    }


    static List<double[]> positivePixelsMm(PhantomStudy s) {
        Volume v = s.volume();
        List<double[]> out = new ArrayList<>();
        for (Annotation a : s.annotations()) {
            if (CLASSES.isPositive(a)) {
                for (int p : RegionPixels.of(a.xs(), a.ys(), v.width(), v.height())) {
                    out.add(new double[] {(p % v.width()) * v.info().spacingX(), (p / v.width()) * v.info().spacingY(),
                        a.sliceIndex() * v.info().spacingZ()});
                }
            }
        }
        return out;
    }

    static List<String> centres(List<Patch> patches) {
        return patches.stream().map(p -> p.slice() + ":" + p.centreX() + "," + p.centreY()).toList();
    }

    static double sq(double v) {
        return v * v;
    }
}
