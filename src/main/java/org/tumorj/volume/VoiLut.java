package org.tumorj.volume;

/**
 * A VOI lookup table from a DICOM VOI LUT Sequence (PS3.3 C.11.2): the non-linear display curve
 * many DX/CR systems ship instead of, or besides, a window. It maps modality values (rescale
 * applied) to display values; inputs below the first mapped value take the first entry, inputs
 * beyond the last the last entry.
 *
 * @param firstInput the modality value the first entry maps (LUT Descriptor, second value)
 * @param bits bits per output entry (LUT Descriptor, third value); outputs lie in [0, 2^bits - 1]
 * @param table output entries, one per input step of 1
 * @param explanation LUT Explanation, may be empty
 */
public record VoiLut(double firstInput, int bits, float[] table, String explanation) {
    public VoiLut {
        if (table.length == 0) {
            throw new IllegalArgumentException("a VOI LUT needs at least one entry");
        }
        if (bits < 1 || bits > 16) {
            throw new IllegalArgumentException("VOI LUT output bits must be 1..16, got " + bits);
        }
        table = table.clone();
    }

    /** Display value of a modality value, in [0, {@link #outputMax()}]. */
    public double apply(double modalityValue) {
        double i = Math.floor(modalityValue - firstInput);
        int index = i <= 0 ? 0 : i >= table.length - 1 ? table.length - 1 : (int) i;
        return table[index];
    }

    /** Largest possible output, 2^bits - 1. */
    public double outputMax() {
        return (1 << bits) - 1;
    }

    @Override
    public float[] table() {
        return table.clone();
    }
}
