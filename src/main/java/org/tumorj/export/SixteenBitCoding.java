package org.tumorj.export;

import java.util.List;
import java.util.Optional;

/**
 * How integer modality values are stored as unsigned 16-bit TIFF samples: {@code stored = value -
 * offset}, read back by ImageJ through a straight-line calibration {@code value = offset + 1 *
 * stored} (its {@code cf=0}, {@code c0}, {@code c1}, {@code vunit}). Half the bytes of a float
 * stack, and what ImageJ itself writes for a CT series.
 *
 * @param offset the value stored as 0 ({@code c0}); 0 means no calibration is written
 * @param valueUnit the unit ImageJ shows for calibrated values, e.g. {@code HU}
 */
public record SixteenBitCoding(int offset, String valueUnit) {
    /** ImageJ's own offset for signed 16-bit data: stored = value + 32768. */
    static final int SIGNED_OFFSET = -32768;
    private static final int RANGE = 65535;

    /**
     * The coding that stores these values exactly, if they are all integers spanning at most
     * 65535: no offset when they already fit (as ImageJ keeps unsigned data), ImageJ's signed
     * offset when they fit a signed short (CT in HU), else the smallest value. Empty when a value
     * has a fraction (a non-integer rescale slope) or the span is too wide: those stay float.
     */
    public static Optional<SixteenBitCoding> fitting(List<float[]> slices, String valueUnit) {
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        for (float[] slice : slices) {
            for (float v : slice) {
                if (v != Math.rint(v)) {
                    return Optional.empty(); // also NaN and the infinities
                }
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        return forRange(min, max, valueUnit);
    }

    /**
     * The coding for values known to be integers between {@code min} and {@code max} (from a
     * header, before any value is read), by the same rule as {@link #fitting}.
     */
    public static Optional<SixteenBitCoding> forRange(double min, double max, String valueUnit) {
        if (!(min <= max)) {
            return Optional.empty(); // no values at all
        }
        if (min >= 0 && max <= RANGE) {
            return Optional.of(new SixteenBitCoding(0, valueUnit));
        }
        if (min >= SIGNED_OFFSET && max <= SIGNED_OFFSET + RANGE) {
            return Optional.of(new SixteenBitCoding(SIGNED_OFFSET, valueUnit));
        }
        return max - min <= RANGE ? Optional.of(new SixteenBitCoding((int) min, valueUnit)) : Optional.empty();
    }

    /** Whether ImageJ needs a calibration function to show the values (an offset other than 0). */
    boolean calibrated() {
        return offset != 0;
    }
}
