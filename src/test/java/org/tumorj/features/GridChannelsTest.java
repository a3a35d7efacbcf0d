package org.tumorj.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Channels beside the filter bank: concatenated per point, and kept for a second stage. */
class GridChannelsTest {
    /** Channel k of point p on slice z is 100 z + 10 p + k; every call is counted. */
    private static final class Counted implements GridChannels {
        final List<Integer> calls = new ArrayList<>();
        final int channels;

        Counted(int channels) {
            this.channels = channels;
        }

        @Override
        public int channels() {
            return channels;
        }

        @Override
        public float[] sample(int z, int gridWidth, int gridHeight, int stride) {
            calls.add(z);
            float[] out = new float[gridWidth * gridHeight * channels];
            for (int p = 0; p < gridWidth * gridHeight; p++) {
                for (int k = 0; k < channels; k++) {
                    out[p * channels + k] = 100 * z + 10 * p + k;
                }
            }
            return out;
        }
    }

    @Test
    void concatenationKeepsEachPointsChannelsTogether() {
        GridChannels both = GridChannels.concat(new Counted(2), new Counted(1));
        assertEquals(3, both.channels());
        // point 0: (0, 1 | 0), point 1: (10, 11 | 10)
        assertArrayEquals(new float[] {300, 301, 300, 310, 311, 310}, both.sample(3, 2, 1, 2));
    }

    @Test
    void recentSlicesAreComputedOnce() {
        Counted source = new Counted(2);
        GridChannels kept = GridChannels.recent(source, 5);
        float[] first = kept.sample(4, 2, 2, 2); // the first stage, four slices ahead
        for (int z = 0; z <= 4; z++) { // the second stage catching up
            kept.sample(z, 2, 2, 2);
        }
        assertArrayEquals(first, kept.sample(4, 2, 2, 2));
        assertEquals(List.of(4, 0, 1, 2, 3), source.calls, "each slice once");
        kept.sample(5, 2, 2, 2);
        kept.sample(0, 2, 2, 2);
        assertEquals(List.of(4, 0, 1, 2, 3, 5, 0), source.calls, "slice 0, read longest ago, made room for 5");
    }
}
