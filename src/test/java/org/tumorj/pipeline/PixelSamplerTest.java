package org.tumorj.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tumorj.annotation.Annotation;
import org.tumorj.dataset.LoadedStudy;
import org.tumorj.dataset.Study;
import org.tumorj.detect.TestVolumes;
import org.tumorj.features.FeatureSpec;
import org.tumorj.train.FeatureSet;
import org.tumorj.util.Progress;
import org.tumorj.volume.VolumeInfo;

class PixelSamplerTest {
    private static final float[] SQUARE_XS = {28, 68, 68, 28};
    private static final float[] SQUARE_YS = {28, 28, 68, 68};

    @Test
    void aOneSliceImageGivesFourTimesTheExamplesOfASeriesSlice() {
        // A 40 px square outline holds about 400 grid points: both counts are caps, not what the outline has.
        int seriesSlice = positives(3, 1);
        assertEquals(PixelSampler.PER_REGION, seriesSlice);
        assertEquals(4 * seriesSlice, positives(1, 0), "a radiograph's outline");
    }

    /** Positive examples sampled from one outline on slice {@code z} of a {@code depth}-slice image. */
    private static int positives(int depth, int z) {
        VolumeInfo info = TestVolumes.info("OT", 96, 96, depth, 0.8, 0.8, 2.5, new double[] {0, 0, 0});
        LoadedStudy study = new LoadedStudy(new Study("s", Path.of("s"), "p"),
                TestVolumes.discs(info, 0.2f, new TestVolumes.Disc(48, 48, 20, 0, depth - 1, 0.8f)),
                List.of(new Annotation("tumor", z, info.sopInstanceUids().get(z), SQUARE_XS, SQUARE_YS)));
        TrainSettings settings = ModalityDefaults.apply(TrainSettings.defaults(7), ModalityKind.OTHER);
        ModelInput input = new ModelInput(settings.preprocessing(), false);
        VolumeFeatures features = new VolumeFeatures(FeatureSpec.filters(new double[] {1, 2, 4}, new double[0]), input,
                null, null);
        FeatureSet sampled = new PixelSampler(features, settings.classes(), 7).sample(List.of(study), Progress.none());
        return sampled.positives();
    }
}
