package org.tumorj.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tumorj.annotation.Annotation;
import org.tumorj.annotation.AnnotationClasses;
import org.tumorj.backbone.FloatTensor;
import org.tumorj.backbone.Preprocessing;
import org.tumorj.dataset.LoadedStudy;
import org.tumorj.dataset.Study;
import org.tumorj.detect.FakeBackbone;
import org.tumorj.detect.TestVolumes;
import org.tumorj.train.FeatureSet;
import org.tumorj.util.Progress;
import org.tumorj.volume.Shutter;
import org.tumorj.volume.Volume;
import org.tumorj.volume.VolumeInfo;

/** The collimated band of a radiograph neither sets its window nor gives training examples. */
class ShutterInputTest {
    private static final Shutter LEFT_HALF = new Shutter(new double[] {0, 127, 0, 255}, null, null);

    @Test
    void automaticWindowsComeFromTheExposedFieldOnly() {
        Volume v = ramp(LEFT_HALF);
        FloatTensor t = ModelInput.forVolume(Preprocessing.auto(), false, v).encode(v, 0);
        // Exposed values run 0..127; the collimated half is 4000. Its 99th percentile would be 4000.
        assertTrue(t.get(0, 10, 126, 0) > 0.9, "the brightest exposed pixel is near white: " + t.get(0, 10, 126, 0));
        assertEquals(0, t.get(0, 10, 1, 0), 0.02);
        Volume open = ramp(Shutter.NONE);
        FloatTensor u = ModelInput.forVolume(Preprocessing.auto(), false, open).encode(open, 0);
        assertTrue(u.get(0, 10, 126, 0) < 0.1, "without the shutter the band sets the window");
    }

    @Test
    void cellsOutsideTheShutterAreNotNegatives() {
        AnnotationClasses classes = AnnotationClasses.defaults();
        DenseCellSampler sampler = new DenseCellSampler(new FakeBackbone(32, 8), classes, 100_000, 1, 1);
        ModelInput input = new ModelInput(Preprocessing.auto(), false);
        FeatureSet shuttered = sampler.sample(List.of(study(ramp(LEFT_HALF))), input, false, Progress.none());
        FeatureSet open = sampler.sample(List.of(study(ramp(Shutter.NONE))), input, false, Progress.none());
        assertTrue(shuttered.size() > 0 && shuttered.size() * 2 <= open.size() + 4,
                shuttered.size() + " cells with the right half collimated, " + open.size() + " without");
    }

    /** 256 x 256 DX: x in the left (exposed) half, 4000 in the right half. */
    private static Volume ramp(Shutter shutter) {
        VolumeInfo i = TestVolumes.info("DX", 256, 256, 1, 0.8, 0.8, 1, new double[3]);
        VolumeInfo info = new VolumeInfo("DX", i.studyInstanceUid(), i.seriesInstanceUid(), "", "", 256, 256, 0.8, 0.8,
                1, i.origin(), i.rowDirection(), i.columnDirection(), 0.5, 1, false, i.sopInstanceUids(), List.of(),
                null, shutter);
        float[] px = new float[256 * 256];
        for (int y = 0; y < 256; y++) {
            for (int x = 0; x < 256; x++) {
                px[y * 256 + x] = x < 128 ? x : 4000;
            }
        }
        return new Volume(info, List.of(px));
    }

    private static LoadedStudy study(Volume v) {
        Annotation tiny = new Annotation("tumor", 0, v.info().sopInstanceUids().get(0), new float[] {10, 14, 14},
                new float[] {10, 10, 14});
        return new LoadedStudy(new Study("s", Path.of("s"), "p"), v, List.of(tiny));
    }
}
