package org.tumorj.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.tumorj.detect.TestVolumes;
import org.tumorj.features.FeatureSpec;
import org.tumorj.features.SliceFeatures;
import org.tumorj.model.DenseHead;
import org.tumorj.volume.Volume;

/** How an ensemble's first member screens where the later members' first stage looks. */
class FirstStageScreenTest {
    private static final FeatureSpec SPEC = FeatureSpec.filters(new double[] {1, 2, 4}, new double[] {2});

    private static SliceFeatures features() {
        Volume v = TestVolumes.discs(TestVolumes.info("MR", 60, 40, 3, 1, 1, 2, new double[3]), 0.1f,
                new TestVolumes.Disc(30, 20, 4, 0, 2, 0.9f));
        return new SliceFeatures(SPEC, v, z -> new float[][] {v.slice(z)}, null);
    }

    @Test
    void laterMembersLookOnlyNearWhereTheFirstReachedTheFloor() {
        SliceFeatures f = features();
        int w = f.gridWidth(), h = f.gridHeight();
        DenseHead head = TestHeads.uniform(f.channels());
        float[] own = VolumeFeatures.probabilities(head, f.slice(1));
        float[] lead = new float[w * h];
        Arrays.fill(lead, 1e-6f);
        lead[10 * w + 15] = 0.3f; // one point at (15, 10) above the floor
        FirstStageScreen screen = new FirstStageScreen();
        screen.record(1, lead);

        float[] map = screen.probabilities(head, f, 1);
        int reach = FirstStageScreen.REACH;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                boolean near = Math.abs(x - 15) <= reach && Math.abs(y - 10) <= reach;
                assertEquals(near ? own[y * w + x] : lead[y * w + x], map[y * w + x], "at " + x + "," + y);
            }
        }
        assertEquals(0.3f, lead[10 * w + 15], "the first member's map is left as it was");
    }

    @Test
    void aSliceTheFirstMemberDidNotPredictIsAnError() {
        SliceFeatures f = features();
        DenseHead head = TestHeads.uniform(f.channels());
        assertThrows(IllegalStateException.class, () -> new FirstStageScreen().probabilities(head, f, 1));
    }
}
