package org.tumorj.annotation;

/**
 * One outlined region on one slice.
 *
 * @param label class name as the user wrote it ({@code tumor}, {@code normal-liver}, ...)
 * @param sliceIndex 0-based slice in the volume's sorted order
 * @param sopInstanceUid the slice's DICOM instance; authoritative when slices were reordered
 * @param xs polygon x coordinates in pixels (column), same length as {@code ys}
 * @param ys polygon y coordinates in pixels (row)
 */
public record Annotation(String label, int sliceIndex, String sopInstanceUid, float[] xs, float[] ys) {
    public Annotation {
        if (xs.length != ys.length || xs.length < 3) {
            throw new IllegalArgumentException("polygon of '" + label + "' needs >= 3 points with x and y");
        }
        xs = xs.clone();
        ys = ys.clone();
    }
}
