package org.tumorj.detect;

import org.tumorj.volume.BoundingBox;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tumorj.util.Progress;
import org.tumorj.volume.Volume;
import org.tumorj.volume.VolumeInfo;

/**
 * Findings from exact maps: a stride-1 fake backbone with the identity head makes the probability
 * map equal to the image, so sizes and positions can be checked to the voxel.
 */
class FindingExtractorTest {

    private static Detections detect(Volume v, DetectionParams p) {
        return new DenseDetector(new FakeBackbone(1, 4), new FakeHead(4), TestVolumes.identity(1), p)
                .detect(v, "s", Progress.none());
    }

    @Test
    void blobsBecomeFindingsWithAreasVolumesAndCentroidsInMillimetres() {
        double sx = 0.5, sy = 0.8, sz = 2.5;
        VolumeInfo info = TestVolumes.info("CT", 100, 80, 14, sx, sy, sz, new double[] {-100, -50, 20});
        TestVolumes.Disc strong = new TestVolumes.Disc(40, 30, 10, 3, 7, 0.9f);
        TestVolumes.Disc weak = new TestVolumes.Disc(75, 60, 6, 10, 11, 0.7f);
        Detections d = detect(TestVolumes.discs(info, 0.1f, strong, weak), DetectionParams.of(0.5));

        assertEquals(2, d.findings().size());
        Finding f = d.findings().get(0);
        assertEquals(1, f.id());
        assertEquals(0.9f, f.probabilityMax(), 1e-6);
        assertEquals(0.9f, f.probabilityMean(), 1e-6);
        assertEquals(3, f.sliceFirst());
        assertEquals(7, f.sliceLast());
        long perSlice = strong.pixelsPerSlice(100, 80);
        assertEquals(5 * perSlice, f.voxelCount());
        assertEquals(perSlice * sx * sy, f.maxAreaMm2(), 1e-9);
        assertEquals(perSlice * sx * sy, f.areaMm2(5), 1e-9);
        assertEquals(0, f.areaMm2(8), 0);
        assertEquals(5 * perSlice * sx * sy * sz, f.volumeMm3(), 1e-6);
        assertEquals(new Point3(40, 30, 5), f.centroidPx());
        assertEquals(-100 + 40 * sx, f.centroidMm().x(), 1e-9);
        assertEquals(-50 + 30 * sy, f.centroidMm().y(), 1e-9);
        assertEquals(20 + 5 * sz, f.centroidMm().z(), 1e-9);
        assertEquals(new BoundingBox(30, 20, 21, 21), f.bounds());

        Finding g = d.findings().get(1);
        assertEquals(2, g.id());
        assertEquals(0.7f, g.probabilityMax(), 1e-6);
        assertEquals(10, g.sliceFirst());
        assertEquals(11, g.sliceLast());
        assertEquals(0.9f, d.sliceScores()[4], 1e-6);
        assertEquals(0.1f, d.sliceScores()[0], 1e-6);
    }

    @Test
    void componentsOverlappingOnConsecutiveSlicesAreOneFindingOthersAreNot() {
        VolumeInfo info = TestVolumes.info("CT", 120, 60, 6, 1, 1, 1, new double[3]);
        // A blob drifting 4 px per slice still overlaps itself: one finding over 4 slices.
        List<TestVolumes.Disc> discs = new ArrayList<>();
        for (int z = 0; z < 4; z++) {
            discs.add(new TestVolumes.Disc(20 + 4 * z, 30, 6, z, z, 0.9f));
        }
        // Two blobs on consecutive slices that do not overlap stay apart.
        discs.add(new TestVolumes.Disc(80, 15, 5, 1, 1, 0.8f));
        discs.add(new TestVolumes.Disc(100, 45, 5, 2, 2, 0.8f));
        Detections d = detect(TestVolumes.discs(info, 0, discs.toArray(TestVolumes.Disc[]::new)), DetectionParams.of(0.5));
        assertEquals(3, d.findings().size());
        Finding drift = d.findings().get(0);
        assertEquals(0, drift.sliceFirst());
        assertEquals(3, drift.sliceLast());
        assertEquals(4, drift.slices().size());
        assertEquals(1, d.findings().get(1).slices().size());
    }

    @Test
    void twoComponentsJoinedOnTheNextSliceAreOneFindingWithBothOutlines() {
        VolumeInfo info = TestVolumes.info("CT", 40, 40, 2, 1, 1, 1, new double[3]);
        float[] s0 = new float[1600], s1 = new float[1600];
        for (int y = 10; y < 30; y++) {
            for (int x : new int[] {10, 11, 12, 27, 28, 29}) {
                s0[y * 40 + x] = 1; // two vertical bars
            }
        }
        for (int x = 10; x < 30; x++) {
            s1[28 * 40 + x] = 1; // a bar joining their bottoms
            s1[29 * 40 + x] = 1;
        }
        Volume v = new Volume(info, List.of(s0, s1));
        Detections d = detect(v, DetectionParams.of(0.5));
        assertEquals(1, d.findings().size());
        Finding u = d.findings().get(0);
        assertEquals(3, u.slices().size());
        assertEquals(2 * 60, u.areaMm2(0), 1e-9);
        assertEquals(120, u.maxAreaMm2(), 1e-9);
    }

    @Test
    void minimumSizeDropsFindingsBelowTheEquivalentDiameter() {
        VolumeInfo info = TestVolumes.info("CT", 80, 40, 1, 0.5, 0.5, 1, new double[3]);
        // Radius 4 px = 2 mm (diameter ~4 mm) and radius 12 px = 6 mm (diameter ~12 mm).
        Volume v = TestVolumes.discs(info, 0, new TestVolumes.Disc(15, 20, 4, 0, 0, 0.9f),
                new TestVolumes.Disc(55, 20, 12, 0, 0, 0.8f));
        assertEquals(2, detect(v, DetectionParams.of(0.5)).findings().size());
        List<Finding> kept = detect(v, DetectionParams.of(0.5).withMinSizeMm(8)).findings();
        assertEquals(1, kept.size());
        assertEquals(55, kept.get(0).centroidPx().x(), 1e-9);
        assertEquals(1, kept.get(0).id());
    }

    @Test
    void bodyMaskIgnoresAirAroundThePatientButNotTheLungs() {
        int w = 60, h = 60;
        VolumeInfo info = TestVolumes.info("CT", w, h, 1, 1, 1, 1, new double[3]);
        float[] hu = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double r = Math.hypot(x - 30, y - 30);
                hu[y * w + x] = r < 20 ? (r < 8 ? -950 : 40) : -1000; // body with a lung inside
            }
        }
        Volume v = new Volume(info, List.of(hu));
        boolean[] body = BodyMask.compute(hu, w, h, -900);
        assertTrue(body[30 * w + 30], "lung stays in the body");
        assertTrue(body[30 * w + 45], "soft tissue is body");
        assertTrue(!body[2 * w + 2], "air outside is not");
        // A map that is 1 everywhere: without the mask one finding covers the image, with it only the body.
        float[] ones = new float[w * h];
        java.util.Arrays.fill(ones, 1f);
        ProbabilityMaps maps = new ProbabilityMaps(List.of(new ProbabilityMap(ones, w, h, 1, 0)), w, h);
        Finding all = new FindingExtractor(DetectionParams.of(0.5)).extract(v, maps, "s", Progress.none()).findings().get(0);
        Finding masked = new FindingExtractor(DetectionParams.of(0.5).withBodyMask(true))
                .extract(v, maps, "s", Progress.none()).findings().get(0);
        assertEquals(w * h, all.voxelCount());
        long bodyPixels = 0;
        for (boolean b : body) {
            bodyPixels += b ? 1 : 0;
        }
        assertEquals(bodyPixels, masked.voxelCount());
    }

    @Test
    void sameInputGivesIdenticalFindings() {
        VolumeInfo info = TestVolumes.info("CT", 64, 64, 5, 0.7, 0.7, 3, new double[] {1, 2, 3});
        java.util.Random rnd = new java.util.Random(7);
        List<float[]> slices = new ArrayList<>();
        for (int z = 0; z < 5; z++) {
            float[] s = new float[64 * 64];
            for (int i = 0; i < s.length; i++) {
                s[i] = rnd.nextFloat();
            }
            slices.add(s);
        }
        Volume v = new Volume(info, slices);
        DetectionParams p = DetectionParams.of(0.8);
        Detections a = detect(v, p), b = detect(v, p);
        assertTrue(a.findings().size() > 10);
        assertEquals(DetectionsCsv.format(List.of(a), false), DetectionsCsv.format(List.of(b), false));
        for (int i = 1; i < a.findings().size(); i++) {
            assertTrue(a.findings().get(i - 1).probabilityMax() >= a.findings().get(i).probabilityMax(), "ordered by score");
        }
    }
}
