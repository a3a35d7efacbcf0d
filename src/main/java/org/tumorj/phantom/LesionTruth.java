package org.tumorj.phantom;

import java.util.List;

/**
 * Ground truth for one lesion, for lesion-level evaluation (FROC). Pixel coordinates are pixel
 * indices (column, row; an integer is a pixel centre; ImageJ ROI coordinates are these + 0.5);
 * slices are 0-based in patient order (inferior first).
 *
 * @param id 1-based within the study
 * @param organ {@code liver} or {@code lung}
 * @param centreMm patient coordinates (LPS) of the centre
 * @param radiiMm semi-axes before lobulation (in-plane x, in-plane y, z)
 * @param diameterMm diameter of the sphere of equal volume
 * @param contrast mean lesion value minus the organ's, in the study's modality units
 * @param conspicuity {@code clear}, {@code subtle} or {@code near-invisible}
 * @param lobulated whether the outline is visibly lobulated
 * @param centrePixel column, row, slice of the centre (fractional)
 * @param slices every slice on which the lesion covers at least one pixel centre
 */
public record LesionTruth(int id, String organ, double[] centreMm, double[] radiiMm, double diameterMm,
        double contrast, String conspicuity, boolean lobulated, double[] centrePixel, List<Integer> slices) {

    public LesionTruth {
        centreMm = centreMm.clone();
        radiiMm = radiiMm.clone();
        centrePixel = centrePixel.clone();
        slices = List.copyOf(slices);
    }
}
