package org.tumorj.detect;

import org.tumorj.backbone.FloatTensor;

/**
 * Finer maps from a stride-32 network without changing it: the same slice is passed {@code k²}
 * times, shifted right and down by multiples of {@code stride / k} pixels, and the maps are
 * interleaved. Pass {@code (mx, my)} sees slice pixel {@code (x - sx, y - sy)} at input pixel
 * {@code (x, y)} with {@code sx = mx * stride / k}, so its cell {@code i} is centred on slice
 * pixel {@code (i + 0.5) * stride - 0.5 - sx}; sorting all centres gives a regular grid of pitch
 * {@code stride / k} whose cell {@code i * k + (k - 1 - mx)} comes from that pass.
 */
final class ShiftedPasses {
    private ShiftedPasses() {}

    /**
     * Copies image 0 of {@code src} into image {@code index} of {@code dst} (same h, w, c), shifted
     * right by {@code sx} and down by {@code sy} pixels; the uncovered top and left margin repeats the
     * first row and column. The last {@code sx} columns and {@code sy} rows fall off: the unshifted
     * pass covers them.
     */
    static void copyShifted(FloatTensor src, FloatTensor dst, int index, int sx, int sy) {
        int h = src.h(), w = src.w(), c = src.c();
        float[] s = src.data(), d = dst.data();
        int rowLength = w * c;
        for (int y = 0; y < h; y++) {
            int srcRow = Math.max(0, y - sy) * rowLength;
            int dstRow = (index * h + y) * rowLength;
            for (int x = 0; x < sx; x++) {
                System.arraycopy(s, srcRow, d, dstRow + x * c, c); // repeat the first column
            }
            System.arraycopy(s, srcRow, d, dstRow + sx * c, (w - sx) * c);
        }
    }

    /** Shift in pixels of pass {@code m} (0..k-1) along one axis. */
    static int shift(int m, int k, int stride) {
        return m * stride / k;
    }

    /**
     * Interleaves the {@code k²} probability maps of one slice, images {@code first ..
     * first + k² - 1} of {@code probs} in order {@code my * k + mx}, into one map.
     */
    static ProbabilityMap merge(FloatTensor probs, int first, int k, int stride) {
        int cw = probs.w(), ch = probs.h();
        int mw = cw * k, mh = ch * k;
        float[] merged = new float[mw * mh];
        for (int my = 0; my < k; my++) {
            for (int mx = 0; mx < k; mx++) {
                int b = first + my * k + mx;
                for (int j = 0; j < ch; j++) {
                    int row = (j * k + (k - 1 - my)) * mw;
                    for (int i = 0; i < cw; i++) {
                        merged[row + i * k + (k - 1 - mx)] = probs.get(b, j, i, 0);
                    }
                }
            }
        }
        double pitch = (double) stride / k;
        double offset = stride / 2.0 - 0.5 - (k - 1) * pitch;
        return new ProbabilityMap(merged, mw, mh, pitch, offset);
    }
}
