package org.tumorj.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tumorj.backbone.FloatTensor;
import org.tumorj.util.CancelledException;
import org.tumorj.util.Progress;
import org.tumorj.volume.Volume;
import org.tumorj.volume.VolumeInfo;

class DenseDetectorTest {

    /** A horizontal (or vertical) ramp equal to x / 256: block means sit exactly on the ramp at cell centres. */
    private static Volume ramp(boolean horizontal) {
        int w = 256, h = 96;
        VolumeInfo info = TestVolumes.info("CT", w, h, 1, 1, 1, 1, new double[3]);
        float[] s = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                s[y * w + x] = (horizontal ? x : y) / 256f;
            }
        }
        return new Volume(info, List.of(s));
    }

    private static DenseDetector detector(int refine, int batch) {
        return new DenseDetector(new FakeBackbone(32, 8), new FakeHead(8), TestVolumes.identity(32),
                DetectionParams.of(0.5).withRefine(refine).withSlicesPerBatch(batch));
    }

    @Test
    void upsampledMapPutsEachCellAtTheCentreOfItsBlock() {
        float[] p = detector(1, 1).predict(ramp(true), Progress.none()).slice(0);
        for (int x = 16; x <= 239; x++) {
            assertEquals(x / 256f, p[40 * 256 + x], 1e-5, "pixel x=" + x);
        }
        // Beyond the outermost cell centres the map holds the edge cell's value.
        assertEquals(15.5f / 256, p[40 * 256 + 3], 1e-5);
    }

    @Test
    void shiftedPassesGiveAStride16MapOnTheSamePixelGrid() {
        ProbabilityMap map = detector(2, 1).predict(ramp(true), Progress.none()).map(0);
        assertEquals(16, map.stride(), 1e-12);
        assertEquals(256 / 16, map.mapWidth());
        assertEquals(-0.5, map.offset(), 1e-12);
        float[] p = map.upsample(256, 96);
        for (int x = 16; x <= 239; x++) {
            assertEquals(x / 256f, p[50 * 256 + x], 1e-5, "pixel x=" + x);
        }
        float[] py = detector(2, 1).predict(ramp(false), Progress.none()).slice(0);
        for (int y = 16; y <= 79; y++) {
            assertEquals(y / 256f, py[y * 256 + 100], 1e-5, "pixel y=" + y);
        }
    }

    @Test
    void batchesHoldSeveralSlicesAndAllPassesInOneBackboneCall() {
        VolumeInfo info = TestVolumes.info("CT", 64, 64, 5, 1, 1, 1, new double[3]);
        Volume v = TestVolumes.discs(info, 0.1f);
        FakeBackbone bb = new FakeBackbone(32, 8);
        new DenseDetector(bb, new FakeHead(8), TestVolumes.identity(32),
                DetectionParams.of(0.5).withRefine(2).withSlicesPerBatch(2)).predict(v, Progress.none());
        assertEquals(3, bb.calls());
        assertEquals(5 * 4, bb.images());
    }

    @Test
    void findsBlobsWithCalibratedSizesThroughTheWholePipeline() {
        VolumeInfo info = TestVolumes.info("CT", 192, 160, 8, 0.7, 0.7, 2.0, new double[] {-50, -30, 100});
        TestVolumes.Disc disc = new TestVolumes.Disc(96, 80, 48, 2, 5, 0.95f);
        Volume v = TestVolumes.discs(info, 0.05f, disc);
        Detections d = detector(2, 3).detect(v, "study-A", Progress.none());
        assertEquals(1, d.findings().size());
        Finding f = d.findings().get(0);
        assertEquals(2, f.sliceFirst());
        assertEquals(5, f.sliceLast());
        assertEquals(96, f.centroidPx().x(), 1.5);
        assertEquals(80, f.centroidPx().y(), 1.5);
        assertEquals(3.5, f.centroidPx().z(), 1e-9);
        // A coarse map blurs the edge, but the area at threshold 0.5 stays near the disc's.
        double discArea = Math.PI * 48 * 48 * 0.7 * 0.7;
        assertEquals(discArea, f.maxAreaMm2(), 0.2 * discArea);
        assertEquals(-50 + 0.7 * f.centroidPx().x(), f.centroidMm().x(), 1e-9);
        assertEquals(100 + 2.0 * 3.5, f.centroidMm().z(), 1e-9);
        assertEquals("study-A", d.study());
    }

    @Test
    void batchSizeDoesNotChangeTheResult() {
        VolumeInfo info = TestVolumes.info("CT", 192, 128, 7, 0.8, 0.6, 1.5, new double[3]);
        Volume v = TestVolumes.discs(info, 0.1f, new TestVolumes.Disc(45, 60, 32, 1, 4, 0.9f),
                new TestVolumes.Disc(140, 60, 30, 3, 6, 0.8f));
        String one = DetectionsCsv.format(List.of(detector(2, 1).detect(v, Progress.none())), false);
        String three = DetectionsCsv.format(List.of(detector(2, 3).detect(v, Progress.none())), false);
        assertEquals(one, three);
        assertEquals(3, one.lines().count(), one);
    }

    @Test
    void cancellingStopsBetweenBatches() {
        VolumeInfo info = TestVolumes.info("CT", 64, 64, 6, 1, 1, 1, new double[3]);
        Volume v = TestVolumes.discs(info, 0.1f);
        List<Long> done = new ArrayList<>();
        Progress cancelAfterFirst = new Progress() {
            @Override public void update(String step, long n, long total) { done.add(n); }
            @Override public void log(String message) {}
            @Override public boolean isCancelled() { return !done.isEmpty(); }
        };
        assertThrows(CancelledException.class, () -> detector(1, 2).predict(v, cancelAfterFirst));
        assertEquals(List.of(2L), done);
    }

    @Test
    void rejectsAnEncoderThatDoesNotPadToTheStride() {
        VolumeInfo info = TestVolumes.info("CT", 50, 50, 1, 1, 1, 1, new double[3]);
        Volume v = TestVolumes.discs(info, 0.1f);
        SliceEncoder unpadded = (s, w, h) -> FloatTensor.zeros(1, h, w, 3);
        DenseDetector d = new DenseDetector(new FakeBackbone(32, 8), new FakeHead(8), unpadded, DetectionParams.of(0.5));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> d.predict(v, Progress.none()));
        assertTrue(e.getMessage().contains("multiples of 32"), e.getMessage());
    }

    @Test
    void rejectsAHeadTrainedOnAnotherBackbone() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new DenseDetector(
                new FakeBackbone(32, 8), new FakeHead(1280), TestVolumes.identity(32), DetectionParams.of(0.5)));
        assertTrue(e.getMessage().contains("1280"), e.getMessage());
    }

    @Test
    void encoderPadsByRepeatingTheEdgeAndAdjacentEncoderStacksNeighbours() {
        FloatTensor t = new WindowedSliceEncoder(0.5, 1, 32).encode(new float[] {0.2f, 0.4f, 0.6f, 0.8f}, 2, 2);
        assertEquals(32, t.w());
        assertEquals(0.8f, t.get(0, 31, 31, 2), 1e-6);
        assertEquals(0.4f, t.get(0, 0, 31, 1), 1e-6);
        VolumeInfo info = TestVolumes.info("CT", 2, 1, 3, 1, 1, 1, new double[3]);
        Volume v = new Volume(info, List.of(new float[] {0.1f, 0.1f}, new float[] {0.5f, 0.5f}, new float[] {0.9f, 0.9f}));
        FloatTensor a = new AdjacentSlicesEncoder(0.5, 1, 32).encode(v, 1);
        assertEquals(0.1f, a.get(0, 0, 0, 0), 1e-6);
        assertEquals(0.5f, a.get(0, 0, 0, 1), 1e-6);
        assertEquals(0.9f, a.get(0, 0, 0, 2), 1e-6);
        FloatTensor first = new AdjacentSlicesEncoder(0.5, 1, 32).encode(v, 0);
        assertEquals(0.1f, first.get(0, 0, 0, 0), 1e-6);
    }
}
