package org.tumorj.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.tumorj.detect.TestVolumes;
import org.tumorj.features.BankCache;
import org.tumorj.features.FeatureSpec;
import org.tumorj.model.DenseHead;
import org.tumorj.volume.Volume;

/** How a two-stage detector's features stream through a series. */
class VolumeFeaturesTest {
    private static final FeatureSpec FIRST = FeatureSpec.filters(new double[] {1, 2, 4}, new double[] {2.5, 5, 10});

    /**
     * Walking the slices in order, the second stage reads the first stage's map up to 4 slices
     * ahead and the banks of the slices within 10 mm of both: each slice's filter bank is still
     * computed once (the banks of a 512² CT slice take about 20 ms each).
     */
    @Test
    void eachSlicesBankIsComputedOnceInAPassOverTheSeries() {
        Volume v = TestVolumes.discs(TestVolumes.info("CT", 32, 32, 24, 1, 1, 2.5, new double[3]), 40,
                new TestVolumes.Disc(16, 16, 4, 8, 12, 90));
        ModelInput input = new ModelInput(ModalityDefaults.apply(TrainSettings.defaults(7), ModalityKind.OTHER)
                .preprocessing(), false);
        DenseHead first = TestHeads.uniform(new VolumeFeatures(FIRST, input, null, null).stages(v).features().channels());
        VolumeFeatures twoStages = new VolumeFeatures(FIRST.withMapContext(true), input, null, first);
        try (BankCache.Scope scope = BankCache.open(1L << 30)) {
            VolumeFeatures.Stages stages = twoStages.stages(v);
            DenseHead second = TestHeads.uniform(stages.features().channels());
            for (int z = 0; z < v.depth(); z++) {
                stages.probabilities(second, z);
            }
            assertEquals(v.depth(), scope.cache().hits() + scope.cache().misses(), "banks asked of the cache");
        }
    }
}
