package org.tumorj.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class RegionPixelsTest {
    @Test
    void coversThePixelsWhoseCentresAreInside() {
        // The square [1, 3] x [1, 3] holds the centres of pixels (1,1), (2,1), (1,2), (2,2).
        int[] p = RegionPixels.of(new float[] {1, 3, 3, 1}, new float[] {1, 1, 3, 3}, 5, 5);
        assertArrayEquals(new int[] {6, 7, 11, 12}, p);
    }
}
