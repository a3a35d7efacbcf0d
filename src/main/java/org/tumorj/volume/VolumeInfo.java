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
        List<String> warnings) {

    public VolumeInfo {
        sopInstanceUids = List.copyOf(sopInstanceUids);
        warnings = List.copyOf(warnings);
        origin = origin.clone();
        rowDirection = rowDirection.clone();
        columnDirection = columnDirection.clone();
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
