package org.tumorj.detect;

import org.tumorj.backbone.FloatTensor;

/**
 * The default {@link SliceEncoder}: a display window maps modality values linearly to [0, 1]
 * (clipped), the grey value is replicated into R, G and B, and the slice is padded right and below
 * to a multiple of the stride by repeating its last column and row. Edge padding rather than zeros,
 * because a black margin next to bright tissue looks like an edge to the network and lights up the
 * border cells.
 */
public final class WindowedSliceEncoder implements SliceEncoder {
    private final double low;
    private final double width;
    private final int multiple;

    /**
     * @param windowCenter centre of the window in modality units (e.g. 40 HU for soft tissue)
     * @param windowWidth width of the window in modality units, > 0
     * @param multiple the backbone stride; output sizes are rounded up to it
     */
    public WindowedSliceEncoder(double windowCenter, double windowWidth, int multiple) {
        if (!(windowWidth > 0)) {
            throw new IllegalArgumentException("window width must be > 0, got " + windowWidth);
        }
        if (multiple < 1) {
            throw new IllegalArgumentException("padding multiple must be >= 1, got " + multiple);
        }
        this.low = windowCenter - windowWidth / 2;
        this.width = windowWidth;
        this.multiple = multiple;
    }

    @Override
    public FloatTensor encode(float[] slice, int w, int h) {
        float[] grey = window(slice);
        return padded(new float[][] {grey, grey, grey}, w, h, multiple);
    }

    /** The slice mapped through the window to [0, 1]. */
    float[] window(float[] slice) {
        float[] out = new float[slice.length];
        for (int i = 0; i < slice.length; i++) {
            double v = (slice[i] - low) / width;
            out[i] = (float) Math.min(1, Math.max(0, v));
        }
        return out;
    }

    /** Smallest multiple of {@code m} that is >= {@code v}. */
    public static int roundUp(int v, int m) {
        return (v + m - 1) / m * m;
    }

    /**
     * Packs channel planes ({@code w x h} each) into a {@code 1 x H' x W' x planes} tensor padded
     * right and below to a multiple of {@code multiple} with the last row and column repeated.
     */
    static FloatTensor padded(float[][] planes, int w, int h, int multiple) {
        int pw = roundUp(w, multiple);
        int ph = roundUp(h, multiple);
        int c = planes.length;
        float[] data = new float[pw * ph * c];
        for (int y = 0; y < ph; y++) {
            int sy = Math.min(y, h - 1) * w;
            for (int x = 0; x < pw; x++) {
                int src = sy + Math.min(x, w - 1);
                int dst = (y * pw + x) * c;
                for (int ch = 0; ch < c; ch++) {
                    data[dst + ch] = planes[ch][src];
                }
            }
        }
        return new FloatTensor(data, 1, ph, pw, c);
    }
}
