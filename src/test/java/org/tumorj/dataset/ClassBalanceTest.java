package org.tumorj.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClassBalanceTest {
    static List<Patch> patches(int positives, int negatives) {
        List<Patch> out = new ArrayList<>();
        for (int i = 0; i < positives + negatives; i++) {
            int label = i < positives ? 1 : 0;
            out.add(new Patch("s", i, 0, 0, label, label == 1 ? Patch.Source.POSITIVE_REGION : Patch.Source.UNANNOTATED,
                    8, new float[][] {new float[64]}));
        }
        return out;
    }

    @Test
    void weightsMakeBothClassesCountTheSame() {
        double[] w = ClassBalance.weights(patches(10, 30));
        assertArrayEquals(new double[] {40 / 60.0, 2.0}, w, 1e-9);
        assertEquals(w[0] * 30, w[1] * 10, 1e-9);
    }

    @Test
    void balancedRepeatsTheSmallerClass() {
        List<Patch> b = ClassBalance.balanced(patches(10, 30), 4);
        assertEquals(60, b.size());
        assertEquals(30, b.stream().filter(p -> p.label() == 1).count());
        assertEquals(b.stream().map(Patch::slice).toList(),
                ClassBalance.balanced(patches(10, 30), 4).stream().map(Patch::slice).toList(), "seeded");
    }
}
