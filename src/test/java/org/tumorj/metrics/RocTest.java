package org.tumorj.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RocTest {
    @Test
    void perfectSeparationIsOneAndReversedIsZero() {
        boolean[] y = {false, false, true, true};
        assertEquals(1.0, Roc.auc(new double[] {0.1, 0.2, 0.8, 0.9}, y), 1e-12);
        assertEquals(0.0, Roc.auc(new double[] {0.9, 0.8, 0.2, 0.1}, y), 1e-12);
    }

    @Test
    void tiesCountHalf() {
        assertEquals(0.5, Roc.auc(new double[] {0.5, 0.5}, new boolean[] {false, true}), 1e-12);
        // pos {0.4, 0.6} vs neg {0.4, 0.2}: pairs 0.4>0.4 tie(0.5), 0.4>0.2(1), 0.6>0.4(1), 0.6>0.2(1) = 3.5/4
        assertEquals(0.875, Roc.auc(new double[] {0.4, 0.6, 0.4, 0.2}, new boolean[] {true, true, false, false}), 1e-12);
    }

    @Test
    void singleClassIsUndefined() {
        assertTrue(Double.isNaN(Roc.auc(new double[] {0.1, 0.9}, new boolean[] {true, true})));
    }
}
