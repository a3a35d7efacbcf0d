package org.tumorj.volume;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LabelImageTest {

    @Test
    void pixelsTouchingAtACornerAreOneComponent() {
        boolean[] m = new boolean[16];
        m[0] = true;      // (0,0)
        m[5] = true;      // (1,1)
        m[15] = true;     // (3,3): not touching (1,1)
        LabelImage l = LabelImage.label8(m, 4, 4);
        assertEquals(2, l.count());
        assertEquals(l.label(0), l.label(5));
        assertEquals(2, l.regions().get(0).pixelCount());
    }

    @Test
    void contourOfASquareIsItsFourCorners() {
        boolean[] m = new boolean[36];
        for (int y = 1; y <= 3; y++) {
            for (int x = 2; x <= 4; x++) {
                m[y * 6 + x] = true;
            }
        }
        Contour c = LabelImage.label8(m, 6, 6).contour(1);
        assertEquals(4, c.size());
        assertEquals(List.of(2, 5, 5, 2), java.util.Arrays.stream(c.xs()).boxed().toList());
        assertEquals(List.of(1, 1, 4, 4), java.util.Arrays.stream(c.ys()).boxed().toList());
    }

    /**
     * On random masks, the contour of each component contains exactly the pixel centres of the
     * component and of the holes it encloses (background not reachable from the border).
     */
    @Test
    void contourEnclosesItsComponentAndNothingElse() {
        int w = 30, h = 25;
        for (long seed = 1; seed <= 6; seed++) {
            Random rnd = new Random(seed);
            boolean[] m = new boolean[w * h];
            for (int i = 0; i < m.length; i++) {
                m[i] = rnd.nextDouble() < 0.45;
            }
            LabelImage labels = LabelImage.label8(m, w, h);
            for (int l = 1; l <= labels.count(); l++) {
                Contour c = labels.contour(l);
                boolean[] filled = filled(labels, l, w, h);
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        assertEquals(filled[y * w + x], c.contains(x + 0.5, y + 0.5),
                                "seed " + seed + " label " + l + " pixel " + x + "," + y);
                    }
                }
            }
        }
    }

    /** The component plus the background it encloses (4-connected background, the dual of 8-connected objects). */
    private static boolean[] filled(LabelImage labels, int l, int w, int h) {
        boolean[] outside = new boolean[w * h];
        java.util.ArrayDeque<Integer> q = new java.util.ArrayDeque<>();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if ((x == 0 || y == 0 || x == w - 1 || y == h - 1) && labels.label(y * w + x) != l) {
                    outside[y * w + x] = true;
                    q.add(y * w + x);
                }
            }
        }
        while (!q.isEmpty()) {
            int p = q.poll();
            int x = p % w, y = p / w;
            int[][] n = {{x - 1, y}, {x + 1, y}, {x, y - 1}, {x, y + 1}};
            for (int[] xy : n) {
                if (xy[0] >= 0 && xy[1] >= 0 && xy[0] < w && xy[1] < h) {
                    int qi = xy[1] * w + xy[0];
                    if (!outside[qi] && labels.label(qi) != l) {
                        outside[qi] = true;
                        q.add(qi);
                    }
                }
            }
        }
        boolean[] filled = new boolean[w * h];
        for (int i = 0; i < filled.length; i++) {
            filled[i] = !outside[i];
        }
        return filled;
    }
}
