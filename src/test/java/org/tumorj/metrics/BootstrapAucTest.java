package org.tumorj.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class BootstrapAucTest {
    // Study A ranks its pair correctly (AUC 1), study B wrongly (AUC 0); both together give 0.75.
    private static final double[] SCORES = {0.9, 0.1, 0.2, 0.8};
    private static final boolean[] POSITIVE = {true, false, true, false};
    private static final String[] STUDIES = {"A", "A", "B", "B"};

    @Test
    void groupBootstrapDrawsWholeStudies() {
        // Drawing 2 of {A, B}: AA -> 1 (p 1/4), BB -> 0 (p 1/4), AB/BA -> 0.75 (p 1/2).
        ConfidenceInterval ci = BootstrapAuc.interval(SCORES, POSITIVE, STUDIES, 4000, 0.95, 7);
        assertEquals(0.75, ci.estimate(), 1e-12);
        assertEquals(0.0, ci.lower(), 1e-12);
        assertEquals(1.0, ci.upper(), 1e-12);
        assertEquals(4000, ci.replicates());
        ConfidenceInterval narrow = BootstrapAuc.interval(SCORES, POSITIVE, STUDIES, 4000, 0.4, 7);
        assertEquals(0.75, narrow.lower(), 1e-12);
        assertEquals(0.75, narrow.upper(), 1e-12);
    }

    @Test
    void perfectSeparationHasAPointInterval() {
        ConfidenceInterval ci = BootstrapAuc.interval(new double[] {0.1, 0.2, 0.8, 0.9},
                new boolean[] {false, false, true, true}, null, 500, 0.95, 1);
        assertEquals(1.0, ci.lower(), 0);
        assertEquals(1.0, ci.upper(), 0);
        // Single-class draws (e.g. all four picks negative) are skipped, not counted as 0.5.
        assertNotEquals(500, ci.replicates());
    }

    @Test
    void sameSeedSameIntervalOtherSeedOtherDraws() {
        double[] s = new double[60];
        boolean[] y = new boolean[60];
        String[] g = new String[60];
        for (int i = 0; i < s.length; i++) {
            y[i] = i % 2 == 0;
            s[i] = (y[i] ? 0.3 : 0) + ((i * 37) % 11) / 11.0;
            g[i] = "study" + i / 6;
        }
        ConfidenceInterval a = BootstrapAuc.interval(s, y, g, 300, 0.9, 42);
        assertEquals(a, BootstrapAuc.interval(s, y, g, 300, 0.9, 42));
        assertNotEquals(a, BootstrapAuc.interval(s, y, g, 300, 0.9, 43));
    }

    @Test
    void quantileInterpolatesBetweenOrderStatistics() {
        double[] sorted = {0, 10, 20, 30};
        assertEquals(15, BootstrapAuc.quantile(sorted, 0.5), 1e-12);
        assertEquals(3, BootstrapAuc.quantile(sorted, 0.1), 1e-12);
        assertEquals(30, BootstrapAuc.quantile(sorted, 1), 1e-12);
    }
}
