package org.tumorj.metrics;

/** The Dice coefficient {@code 2 |A ∩ B| / (|A| + |B|)} of two voxel sets. */
public final class Dice {
    private Dice() {}

    /** NaN when both sets are empty: there is nothing to agree on, and 1 or 0 would both mislead. */
    public static double of(long overlap, long sizeA, long sizeB) {
        if (overlap < 0 || overlap > Math.min(sizeA, sizeB)) {
            throw new IllegalArgumentException("overlap " + overlap + " impossible for sets of " + sizeA + " and " + sizeB);
        }
        return sizeA + sizeB == 0 ? Double.NaN : 2.0 * overlap / (sizeA + sizeB);
    }

    /** Dice of two masks of equal length. */
    public static double of(boolean[] a, boolean[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("masks of " + a.length + " and " + b.length + " voxels");
        }
        long na = 0, nb = 0, both = 0;
        for (int i = 0; i < a.length; i++) {
            na += a[i] ? 1 : 0;
            nb += b[i] ? 1 : 0;
            both += a[i] && b[i] ? 1 : 0;
        }
        return of(both, na, nb);
    }
}
