package org.tumorj.detect;

/**
 * The body on a CT slice: everything except the air around the patient. Air is below
 * {@code airHu}; only air connected to the image border is outside, so the lungs and bowel gas,
 * which are inside the body and where lung nodules are found, stay in the mask.
 */
public final class BodyMask {
    private BodyMask() {}

    /** True where the pixel is inside the body, for a row-major slice in HU. */
    public static boolean[] compute(float[] hu, int width, int height, double airHu) {
        boolean[] air = new boolean[hu.length];
        for (int i = 0; i < air.length; i++) {
            air[i] = hu[i] < airHu;
        }
        return CellMorphology.not(CellMorphology.connectedToBorder(air, width, height));
    }
}
