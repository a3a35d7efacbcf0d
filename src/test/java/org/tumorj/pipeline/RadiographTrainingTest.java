package org.tumorj.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tumorj.annotation.Annotation;
import org.tumorj.backbone.Preprocessing;
import org.tumorj.dataset.LoadedStudy;
import org.tumorj.dataset.SamplingConfig;
import org.tumorj.dataset.Study;
import org.tumorj.detect.Detections;
import org.tumorj.detect.FakeBackbone;
import org.tumorj.detect.Finding;
import org.tumorj.detect.TestVolumes;
import org.tumorj.model.ModelBundle;
import org.tumorj.train.TrainingListener;
import org.tumorj.util.Progress;
import org.tumorj.volume.Volume;
import org.tumorj.volume.VolumeInfo;

/**
 * Training and detection on one-image studies (DX, 0.2 mm pixels) through the fake backbone: the
 * whole path works on depth-1 volumes (cells, validation, the lesion-level threshold choice), the
 * bundle records the working spacing and that findings come from the lung fields, and detection
 * reports on the original pixels.
 */
class RadiographTrainingTest {

    @Test
    void trainsAtTheWorkingSpacingAndDetectsOnOriginalPixels() {
        List<LoadedStudy> studies = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            studies.add(radiograph("dx" + i, 300 + 90 * i, 360 + 50 * (i % 3), i));
        }
        FakeBackbone backbone = new FakeBackbone(32, 8);
        TrainSettings d = TrainSettings.defaults(5);
        TrainSettings settings = new TrainSettings(Preprocessing.auto(), false,
                SamplingConfig.defaults(5).withPatchSize(112), d.training().withEpochs(20, 5), d.classes(), 0.3, null, 2);
        ModelBundle bundle = new DetectorTraining(backbone, settings).train(studies, Progress.none(), TrainingListener.none());

        assertEquals(0.8, bundle.training().get(WorkingResolution.KEY).getAsDouble());
        assertTrue(bundle.training().has("detectionThreshold"), bundle.training().toString());
        TrainedDetector detector = new TrainedDetector(backbone, bundle);
        assertEquals(new WorkingResolution(0.8), detector.workingResolution());
        LoadedStudy s = studies.get(1);
        assertTrue(detector.findsInLungFields(), "a radiograph bundle looks inside the lung fields");
        assertTrue(detector.defaultParams(s.volume()).bodyMask(), "(none are found on these images: the whole image)");
        Detections det = detector.detect(s.volume(), s.id(), detector.defaultParams(s.volume()), Progress.none());
        assertEquals(1024, det.maps().width());
        assertEquals(1024, det.info().width());
        assertEquals(3, detector.members(), "radiographs train an ensemble of three by default");
        double first = bundle.training().getAsJsonObject(EnsembleMembers.KEY).getAsJsonArray("members").get(0)
                .getAsJsonObject().get("threshold").getAsDouble();
        assertTrue(bundle.training().getAsJsonObject("detectionThreshold").has(String.valueOf(first)),
                "the first member's threshold is one of the candidates tried on its validation studies");
        Finding best = det.findings().get(0);
        assertEquals(390, best.centroidPx().x(), 40, "the lesion, in original pixels: " + best);
        assertEquals(410, best.centroidPx().y(), 40);
    }

    @Test
    void onlyChestRadiographsAreCutToLungFields() {
        LoadedStudy dx = radiograph("dx", 400, 400, 1);
        VolumeInfo mg = TestVolumes.info("MG", 64, 64, 1, 0.1, 0.1, 1, new double[3]);
        LoadedStudy mammogram = new LoadedStudy(new Study("mg", Path.of("mg"), "patient-mg"),
                new Volume(mg, List.of(new float[64 * 64])), List.of());
        assertTrue(PixelTraining.chestRadiographs(List.of(dx, dx)));
        assertFalse(PixelTraining.chestRadiographs(List.of(dx, mammogram)), "a mammogram has no lung fields");
    }

    /** A noisy 1024 x 1024 DX image with one bright 20 mm lesion at (cx, cy), outlined as a 24-gon. */
    private static LoadedStudy radiograph(String id, int cx, int cy, long seed) {
        VolumeInfo info = TestVolumes.info("DX", 1024, 1024, 1, 0.2, 0.2, 1, new double[3]);
        Random rnd = new Random(seed);
        float[] px = new float[1024 * 1024];
        for (int y = 0; y < 1024; y++) {
            for (int x = 0; x < 1024; x++) {
                boolean lesion = Math.hypot(x - cx, y - cy) <= 50;
                px[y * 1024 + x] = (lesion ? 3000 : 1000) + 300 * (float) rnd.nextGaussian();
            }
        }
        float[] xs = new float[24], ys = new float[24];
        for (int k = 0; k < 24; k++) {
            xs[k] = (float) (cx + 0.5 + 50 * Math.cos(2 * Math.PI * k / 24));
            ys[k] = (float) (cy + 0.5 + 50 * Math.sin(2 * Math.PI * k / 24));
        }
        Annotation a = new Annotation("tumor", 0, info.sopInstanceUids().get(0), xs, ys);
        return new LoadedStudy(new Study(id, Path.of(id), "patient-" + id), new Volume(info, List.of(px)), List.of(a));
    }
}
