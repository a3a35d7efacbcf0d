package org.tumorj.dicom;

/** YCbCr to RGB as PS3.3 C.7.6.3.1.2 defines it, full range (YBR_FULL) or partial (YBR_PARTIAL). */
final class Ycc {
    private Ycc() {}

    static int toRgb(int y, int cb, int cr, boolean partial) {
        double r, g, b;
        if (partial) {
            double yy = 1.1644 * (y - 16);
            r = yy + 1.5960 * (cr - 128);
            g = yy - 0.3918 * (cb - 128) - 0.8130 * (cr - 128);
            b = yy + 2.0172 * (cb - 128);
        } else {
            r = y + 1.402 * (cr - 128);
            g = y - 0.344136 * (cb - 128) - 0.714136 * (cr - 128);
            b = y + 1.772 * (cb - 128);
        }
        return clamp(r) << 16 | clamp(g) << 8 | clamp(b);
    }

    private static int clamp(double v) {
        long r = Math.round(v);
        return (int) Math.max(0, Math.min(255, r));
    }
}
