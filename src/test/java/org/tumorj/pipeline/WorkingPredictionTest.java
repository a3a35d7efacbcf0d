package org.tumorj.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tumorj.backbone.Backbone;
import org.tumorj.backbone.ChannelMode;
import org.tumorj.backbone.Preprocessing;
import org.tumorj.backbone.ScaledBackbone;
import org.tumorj.backbone.InputWindow;
import org.tumorj.detect.DenseDetector;
import org.tumorj.detect.DetectionParams;
import org.tumorj.detect.Detections;
import org.tumorj.detect.FakeBackbone;
import org.tumorj.detect.FakeHead;
import org.tumorj.detect.Finding;
import org.tumorj.detect.FindingExtractor;
import org.tumorj.detect.ProbabilityMaps;
import org.tumorj.detect.TestVolumes;
import org.tumorj.util.Progress;
import org.tumorj.volume.Volume;
import org.tumorj.volume.VolumeInfo;

/**
 * Detection on a radiograph runs at the working resolution but reports on the original pixels:
 * a bright 30 mm disc, found through the fake average-pooling backbone, comes back where it is in
 * the 0.2 mm image, with its area in mm² from the original spacing.
 */
class WorkingPredictionTest {
    private static final Preprocessing IDENTITY = new Preprocessing(List.of(InputWindow.fixed("identity", 0.5, 1)),
            ChannelMode.REPLICATE, 224);
    private static final DetectionParams PARAMS = DetectionParams.of(0.5).withRefine(2);

    @Test
    void findingsComeBackInOriginalPixelsAndMillimetres() {
        VolumeInfo info = TestVolumes.info("DX", 1200, 1000, 1, 0.2, 0.2, 1, new double[] {10, 20, 0});
        Volume original = TestVolumes.discs(info, 0f, new TestVolumes.Disc(600, 400, 75, 0, 0, 1f));
        Backbone backbone = ScaledBackbone.of(new FakeBackbone(32, 8), 2);
        WorkingPrediction prediction = new WorkingPrediction(backbone, new FakeHead(8), IDENTITY, false,
                WorkingResolution.defaults(), 512, 128);

        ProbabilityMaps maps = prediction.predict(original, PARAMS, Progress.none());
        assertEquals(1200, maps.width());
        assertEquals(1000, maps.height());
        Detections d = new FindingExtractor(PARAMS).extract(original, maps, "s", Progress.none());

        // The same detector on the working image itself, findings in working pixels.
        WorkingGrid grid = WorkingResolution.defaults().gridFor(info);
        Volume working = grid.toWorking(original);
        assertEquals(300, working.width());
        ProbabilityMaps workingMaps = new DenseDetector(backbone, new FakeHead(8),
                ModelInput.forVolume(IDENTITY, false, working), PARAMS).predict(working, Progress.none());
        Detections w = new FindingExtractor(PARAMS).extract(working, workingMaps, "s", Progress.none());

        assertEquals(1, d.findings().size());
        assertEquals(1, w.findings().size());
        Finding f = d.findings().get(0), fw = w.findings().get(0);
        assertEquals(grid.toOriginalX(fw.centroidPx().x()), f.centroidPx().x(), 2.0);
        assertEquals(grid.toOriginalY(fw.centroidPx().y()), f.centroidPx().y(), 2.0);
        assertEquals(600, f.centroidPx().x(), 4.0);
        assertEquals(400, f.centroidPx().y(), 4.0);
        double[] mm = info.toPatient(f.centroidPx().x(), f.centroidPx().y(), 0);
        assertEquals(mm[0], f.centroidMm().x(), 1e-9);
        assertEquals(10 + 0.2 * 600, f.centroidMm().x(), 0.8);
        assertEquals(fw.maxAreaMm2(), f.maxAreaMm2(), 0.03 * fw.maxAreaMm2(), "same area in mm² on either grid");
        double disc = Math.PI * 15 * 15;
        assertEquals(disc, f.maxAreaMm2(), 0.25 * disc);
        assertEquals(Math.round(f.maxAreaMm2() / (0.2 * 0.2)), f.voxelCount(), "area from the original pixels");
        assertEquals(4 * fw.bounds().width(), f.bounds().width(), 8);
        assertEquals(4 * fw.bounds().x(), f.bounds().x(), 8);
        assertTrue(f.slices().get(0).contour().contains(600.5, 400.5));
        assertTrue(d.findingMask(0)[400 * 1200 + 600]);
    }

    @Test
    void ctTakesTheNativePathUnchanged() {
        VolumeInfo info = TestVolumes.info("CT", 192, 160, 3, 0.7, 0.7, 2, new double[3]);
        Volume v = TestVolumes.discs(info, 0.05f, new TestVolumes.Disc(96, 80, 30, 0, 2, 0.95f));
        Backbone backbone = ScaledBackbone.of(new FakeBackbone(32, 8), 2);
        ProbabilityMaps viaWorking = new WorkingPrediction(backbone, new FakeHead(8), IDENTITY, false,
                WorkingResolution.defaults(), 512, 128).predict(v, PARAMS, Progress.none());
        ProbabilityMaps direct = new DenseDetector(backbone, new FakeHead(8), ModelInput.forVolume(IDENTITY, false, v),
                PARAMS).predict(v, Progress.none());
        for (int z = 0; z < 3; z++) {
            assertEquals(java.util.Arrays.toString(direct.slice(z)), java.util.Arrays.toString(viaWorking.slice(z)));
        }
    }
}
