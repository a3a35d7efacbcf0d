package org.tumorj.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SamplingConfigTest {
    private static final SamplingConfig BASE = SamplingConfig.defaults(5);

    @Test
    void eachCopyChangesOnlyItsOwnFields() {
        assertEquals(new SamplingConfig(96, 4, 4, 4, 0.5, 20, false, BASE.augmentation(), 5), BASE.withPatchSize(96));
        assertEquals(new SamplingConfig(224, 4, 4, 4, 0.5, 20, true, BASE.augmentation(), 5), BASE.withTwoPointFiveD(true));
        assertEquals(new SamplingConfig(224, 4, 4, 4, 0.5, 20, false, Augmentation.none(), 5),
                BASE.withAugmentation(Augmentation.none()));
        assertEquals(new SamplingConfig(224, 1, 2, 3, 0.5, 20, false, BASE.augmentation(), 5), BASE.withCounts(1, 2, 3));
        assertEquals(new SamplingConfig(224, 4, 4, 4, 0.5, 7.5, false, BASE.augmentation(), 5), BASE.withMinDistanceMm(7.5));
        assertEquals(new SamplingConfig(224, 4, 4, 4, 0.5, 20, false, BASE.augmentation(), 9), BASE.withSeed(9));
    }

    @Test
    void copiesAreCheckedLikeNewConfigs() {
        assertThrows(IllegalArgumentException.class, () -> BASE.withPatchSize(4));
        assertThrows(IllegalArgumentException.class, () -> BASE.withCounts(1, -1, 0));
        assertThrows(IllegalArgumentException.class, () -> BASE.withMinDistanceMm(-1));
    }
}
