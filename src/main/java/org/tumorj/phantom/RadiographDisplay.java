package org.tumorj.phantom;

import java.util.Arrays;
import java.util.Locale;
import java.util.random.RandomGenerator;
import org.tumorj.volume.Shutter;
import org.tumorj.volume.VoiLut;

/**
 * How a radiograph is meant to be shown and what the collimator hid: the rectangular shutter
 * (pixels outside it are set to one constant, the value that displays white, as a detector writes
 * an unexposed border), the window (from the exposed pixels' 1st and 99.9th percentiles) and, for
 * studies that use one, a sigmoid VOI LUT over the whole stored range with that centre and width.
 */
final class RadiographDisplay {
    private RadiographDisplay() {}

    /** A rectangle 1-8% in from each edge, or {@link Shutter#NONE}. 0-based inclusive pixel edges. */
    static Shutter drawShutter(RadiographProtocol p, int width, int height, RandomGenerator r) {
        if (!p.shutter()) {
            return Shutter.NONE;
        }
        double left = Math.round(width * r.nextDouble(0.02, 0.07)), right = width - 1 - Math.round(width * r.nextDouble(0.02, 0.07));
        double top = Math.round(height * r.nextDouble(0.01, 0.05)), bottom = height - 1 - Math.round(height * r.nextDouble(0.02, 0.08));
        return new Shutter(new double[] {left, right, top, bottom}, null, null);
    }

    /** The stored value that displays white whatever the photometric interpretation. */
    static int shutterValue(RadiographProtocol p) {
        return p.monochrome1() ? 0 : p.maxStored();
    }

    static void applyShutter(float[] stored, int width, int height, Shutter shutter, RadiographProtocol p) {
        if (shutter.isNone()) {
            return;
        }
        float outside = shutterValue(p);
        for (int row = 0; row < height; row++) {
            for (int col = 0; col < width; col++) {
                if (!shutter.exposes(col, row)) {
                    stored[row * width + col] = outside;
                }
            }
        }
    }

    /** Window centre and width over the exposed pixels (every few pixels, for speed). */
    static double[] window(float[] stored, int width, int height, Shutter shutter) {
        int step = Math.max(1, width / 256);
        float[] sample = new float[(width / step + 1) * (height / step + 1)];
        int n = 0;
        for (int row = 0; row < height; row += step) {
            for (int col = 0; col < width; col += step) {
                if (shutter.exposes(col, row)) {
                    sample[n++] = stored[row * width + col];
                }
            }
        }
        float[] s = Arrays.copyOf(sample, n);
        Arrays.sort(s);
        double lo = s[(int) (0.01 * (n - 1))], hi = s[(int) (0.999 * (n - 1))];
        return new double[] {Math.round((lo + hi) / 2), Math.max(2, Math.round(hi - lo))};
    }

    /** A 16-bit sigmoid over stored values 0..maxStored: {@code out = 65535 / (1 + exp(-4 (x - c) / w))}. */
    static VoiLut sigmoid(double centre, double width, int maxStored) {
        float[] table = new float[maxStored + 1];
        for (int x = 0; x <= maxStored; x++) {
            table[x] = (float) Math.rint(65535 / (1 + Math.exp(-4 * (x - centre) / width)));
        }
        return new VoiLut(0, 16, table, String.format(Locale.ROOT, "TumorJ sigmoid C=%.0f W=%.0f", centre, width));
    }
}
