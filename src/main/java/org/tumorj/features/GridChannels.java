package org.tumorj.features;

import java.util.Map;
import org.tumorj.util.Recent;

/**
 * Channels of one volume's slices at the feature grid's points that come from beside the filter
 * bank: a pretrained network's intermediate layers, each projected to a few channels and
 * interpolated to the grid ({@code org.tumorj.pipeline.BackboneHypercolumns}), or a first head's
 * probability map around each point ({@code org.tumorj.pipeline.MapContext}).
 */
public interface GridChannels {
    int channels();

    /** Channel-last values of slice {@code z} at the {@code gridWidth x gridHeight} points every {@code stride} pixels. */
    float[] sample(int z, int gridWidth, int gridHeight, int stride);

    /**
     * {@code channels} with the slices last read kept (at most {@code keep}, on one grid): a
     * two-stage detector's stages both read each slice's hypercolumns, a backbone pass each.
     */
    static GridChannels recent(GridChannels channels, int keep) {
        Map<Integer, float[]> kept = Recent.keeping(keep);
        int[] grid = new int[3];
        return new GridChannels() {
            @Override
            public int channels() {
                return channels.channels();
            }

            @Override
            public synchronized float[] sample(int z, int gridWidth, int gridHeight, int stride) {
                if (grid[0] != gridWidth || grid[1] != gridHeight || grid[2] != stride) {
                    kept.clear();
                    grid[0] = gridWidth;
                    grid[1] = gridHeight;
                    grid[2] = stride;
                }
                return kept.computeIfAbsent(z, k -> channels.sample(k, gridWidth, gridHeight, stride));
            }
        };
    }

    /** Both sources, {@code first}'s channels first; either may be null (then the other is returned). */
    static GridChannels concat(GridChannels first, GridChannels second) {
        if (first == null || second == null) {
            return first == null ? second : first;
        }
        return new GridChannels() {
            @Override
            public int channels() {
                return first.channels() + second.channels();
            }

            @Override
            public float[] sample(int z, int gridWidth, int gridHeight, int stride) {
                float[] a = first.sample(z, gridWidth, gridHeight, stride), b = second.sample(z, gridWidth, gridHeight, stride);
                int ca = first.channels(), cb = second.channels(), points = gridWidth * gridHeight;
                float[] out = new float[points * (ca + cb)];
                for (int p = 0; p < points; p++) {
                    System.arraycopy(a, p * ca, out, p * (ca + cb), ca);
                    System.arraycopy(b, p * cb, out, p * (ca + cb) + ca, cb);
                }
                return out;
            }
        };
    }
}
