package org.tumorj.volume;

import java.util.List;

/**
 * Geometry and provenance of a {@link Volume}. Spacing is in mm: {@code spacingX} between
 * columns, {@code spacingY} between rows, {@code spacingZ} between slice centres as measured
 * from positions (the nominal SliceThickness only when positions are absent).
 *
 * @param modality DICOM Modality (CT, MR, CR, DX, ...)
 * @param studyInstanceUid study the series belongs to
 * @param seriesInstanceUid series the slices come from
 * @param seriesDescription free text, may be empty
 * @param patientId sensitive: never written to logs or exports unless the user asks; may be empty
 * @param width columns
 * @param height rows
 * @param spacingX mm between columns
 * @param spacingY mm between rows
 * @param spacingZ mm between slices (1 for a single image)
 * @param origin ImagePositionPatient of slice 0, mm (x, y, z); zeros when unknown
 * @param rowDirection direction cosines of a row (ImageOrientationPatient[0..2])
 * @param columnDirection direction cosines of a column (ImageOrientationPatient[3..5])
 * @param windowCenter default display window centre in modality units
 * @param windowWidth default display window width in modality units
 * @param invertedForDisplay true for MONOCHROME1 / INVERSE: values are kept, display inverts
 * @param sopInstanceUids one per slice, in slice order
 * @param warnings what the reader noticed and did not hide (gaps, tilt, uneven spacing)
 * @param voiLut the first VOI LUT of the image (DX/CR), or null: when present it, not the
 *     window, is the display curve
 * @param shutter collimator shutters of a radiograph; {@link Shutter#NONE} when absent
 */
public record VolumeInfo(
        String modality,
        String studyInstanceUid,
        String seriesInstanceUid,
        String seriesDescription,
        String patientId,
        int width,
        int height,
        double spacingX,
        double spacingY,
        double spacingZ,
        double[] origin,
        double[] rowDirection,
        double[] columnDirection,
        double windowCenter,
        double windowWidth,
        boolean invertedForDisplay,
        List<String> sopInstanceUids,
        List<String> warnings,
        VoiLut voiLut,
        Shutter shutter) {

    /** Modalities whose images are projections: one 2D image per study, never a stack to sort. */
    private static final java.util.Set<String> PROJECTION_MODALITIES = java.util.Set.of("CR", "DX", "MG", "RF", "XA", "IO", "PX", "DR");

    /** Without a VOI LUT or shutter (CT, MR and most other images). */
    public VolumeInfo(String modality, String studyInstanceUid, String seriesInstanceUid, String seriesDescription,
            String patientId, int width, int height, double spacingX, double spacingY, double spacingZ, double[] origin,
            double[] rowDirection, double[] columnDirection, double windowCenter, double windowWidth,
            boolean invertedForDisplay, List<String> sopInstanceUids, List<String> warnings) {
        this(modality, studyInstanceUid, seriesInstanceUid, seriesDescription, patientId, width, height, spacingX,
                spacingY, spacingZ, origin, rowDirection, columnDirection, windowCenter, windowWidth, invertedForDisplay,
                sopInstanceUids, warnings, null, Shutter.NONE);
    }

    public VolumeInfo {
        shutter = shutter == null ? Shutter.NONE : shutter;
        sopInstanceUids = List.copyOf(sopInstanceUids);
        warnings = List.copyOf(warnings);
        origin = origin.clone();
        rowDirection = rowDirection.clone();
        columnDirection = columnDirection.clone();
    }

    /** This description with {@code more} warnings after its own. */
    public VolumeInfo withWarnings(List<String> more) {
        List<String> all = new java.util.ArrayList<>(warnings);
        all.addAll(more);
        return new VolumeInfo(modality, studyInstanceUid, seriesInstanceUid, seriesDescription, patientId, width, height,
                spacingX, spacingY, spacingZ, origin, rowDirection, columnDirection, windowCenter, windowWidth,
                invertedForDisplay, sopInstanceUids, all, voiLut, shutter);
    }

    /** A projection radiograph (CR, DX, MG, ...): a 2D study, not a slice of a volume. */
    public boolean isProjection() {
        return isProjectionModality(modality);
    }

    /** True for the modalities whose images are projections (the one list the reader also uses). */
    public static boolean isProjectionModality(String modality) {
        return modality != null && PROJECTION_MODALITIES.contains(modality.trim().toUpperCase(java.util.Locale.ROOT));
    }

    /**
     * A modality value as a reader sees it, in [0, 1] with 1 = white on screen: the VOI LUT when
     * there is one, else the window (DICOM's linear VOI function, PS3.3 C.11.2.1.2), then inverted
     * for MONOCHROME1 / PresentationLUTShape INVERSE.
     */
    public double presentation(double modalityValue) {
        double v;
        if (voiLut != null) {
            v = voiLut.apply(modalityValue) / voiLut.outputMax();
        } else {
            double c = windowCenter - 0.5, w = Math.max(1, windowWidth) - 1;
            v = modalityValue <= c - w / 2 ? 0 : modalityValue > c + w / 2 ? 1 : (modalityValue - c) / Math.max(w, 1e-9) + 0.5;
        }
        v = Math.min(1, Math.max(0, v));
        return invertedForDisplay ? 1 - v : v;
    }

    /** Voxel volume in mm³. */
    public double voxelVolumeMm3() { return spacingX * spacingY * spacingZ; }

    /** Patient coordinates (mm) of pixel centre (x, y) on slice z, assuming evenly spaced slices. */
    public double[] toPatient(double x, double y, double z) {
        double[] n = sliceNormal();
        double[] p = new double[3];
        for (int i = 0; i < 3; i++) {
            p[i] = origin[i] + rowDirection[i] * x * spacingX + columnDirection[i] * y * spacingY
                    + n[i] * z * spacingZ;
        }
        return p;
    }

    /** Unit normal of the slices (row x column). */
    public double[] sliceNormal() {
        double[] r = rowDirection, c = columnDirection;
        return new double[] {r[1] * c[2] - r[2] * c[1], r[2] * c[0] - r[0] * c[2], r[0] * c[1] - r[1] * c[0]};
    }
}
