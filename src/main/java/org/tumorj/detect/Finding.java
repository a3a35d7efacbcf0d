package org.tumorj.detect;

import org.tumorj.volume.BoundingBox;
import java.util.List;

/**
 * A 3D finding: connected above-threshold voxels (8-connected within a slice, linked across
 * consecutive slices where their components overlap).
 *
 * @param id 1-based, in the deterministic order of {@link FindingExtractor}: score descending
 * @param score what findings are ranked and thresholded by: the probability that the finding is
 *     a lesion according to the model's finding scorer, or, for a model without one, its
 *     highest voxel probability
 * @param probabilityMax highest probability over the finding's voxels
 * @param probabilityMean mean probability over its voxels
 * @param sliceFirst first slice, 0-based (ImageJ shows {@code sliceFirst + 1})
 * @param sliceLast last slice, 0-based
 * @param bounds in-plane bounding box over all its slices, pixels
 * @param voxelCount voxels in the finding
 * @param maxAreaMm2 largest cross-section over its slices, mm²
 * @param volumeMm3 voxel count times the voxel volume, mm³
 * @param centroidPx mean voxel position: x column, y row (pixel centres at integers), z slice index
 * @param centroidMm the centroid in patient coordinates (DICOM LPS), mm
 * @param slices its components slice by slice, ascending z
 */
public record Finding(
        int id,
        float score,
        float probabilityMax,
        float probabilityMean,
        int sliceFirst,
        int sliceLast,
        BoundingBox bounds,
        long voxelCount,
        double maxAreaMm2,
        double volumeMm3,
        Point3 centroidPx,
        Point3 centroidMm,
        List<FindingSlice> slices) {

    public Finding {
        slices = List.copyOf(slices);
    }

    Finding withId(int newId) {
        return new Finding(newId, score, probabilityMax, probabilityMean, sliceFirst, sliceLast, bounds, voxelCount,
                maxAreaMm2, volumeMm3, centroidPx, centroidMm, slices);
    }

    /** This finding with another score (a finding scorer's); its id is left to the renumbering that follows. */
    Finding withScore(float newScore) {
        return new Finding(id, newScore, probabilityMax, probabilityMean, sliceFirst, sliceLast, bounds, voxelCount,
                maxAreaMm2, volumeMm3, centroidPx, centroidMm, slices);
    }

    /** Area on slice {@code z} in mm² (all its components there), 0 where it is absent. */
    public double areaMm2(int z) {
        double a = 0;
        for (FindingSlice s : slices) {
            if (s.z() == z) {
                a += s.areaMm2();
            }
        }
        return a;
    }

    /** Diameter of the circle with the largest cross-section's area, mm: the size the filter uses. */
    public double equivalentDiameterMm() {
        return 2 * Math.sqrt(maxAreaMm2 / Math.PI);
    }
}
