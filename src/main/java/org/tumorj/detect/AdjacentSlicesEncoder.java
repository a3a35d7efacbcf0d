package org.tumorj.detect;

import org.tumorj.backbone.FloatTensor;
import org.tumorj.volume.Volume;

/**
 * 2.5D input: slices {@code z-1}, {@code z} and {@code z+1} go into R, G and B, each through the
 * same window, so the backbone sees a little of the third dimension at no extra cost. At the first
 * and last slice the missing neighbour is replaced by slice {@code z} itself. Only meaningful when
 * the head was trained on the same encoding.
 */
public final class AdjacentSlicesEncoder implements SliceEncoder {
    private final WindowedSliceEncoder window;
    private final int multiple;

    public AdjacentSlicesEncoder(double windowCenter, double windowWidth, int multiple) {
        this.window = new WindowedSliceEncoder(windowCenter, windowWidth, multiple);
        this.multiple = multiple;
    }

    /** A lone slice has no neighbours: it is replicated, as the 2D encoder does. */
    @Override
    public FloatTensor encode(float[] slice, int w, int h) {
        return window.encode(slice, w, h);
    }

    @Override
    public FloatTensor encode(Volume volume, int z) {
        int last = volume.depth() - 1;
        float[][] planes = {
            window.window(volume.slice(Math.max(0, z - 1))),
            window.window(volume.slice(z)),
            window.window(volume.slice(Math.min(last, z + 1)))
        };
        return WindowedSliceEncoder.padded(planes, volume.width(), volume.height(), multiple);
    }
}
