package org.tumorj.evaluation;

import org.tumorj.detect.Point3;

/**
 * An annotated lesion in 3D: positive polygons on consecutive slices whose masks overlap, linked
 * by the same rule as findings.
 *
 * @param id 1-based, in order of first slice then position
 * @param sliceFirst first annotated slice, 0-based
 * @param sliceLast last annotated slice, 0-based
 * @param voxelCount annotated voxels
 * @param volumeMm3 voxel count times the voxel volume
 * @param maxAreaMm2 largest annotated cross-section
 * @param radiusMm half the equivalent diameter of the largest cross-section, {@code sqrt(maxArea / pi)}:
 *     the radius of the hit rule, as LUNA16 uses half the nodule diameter
 * @param centroidPx mean voxel position (pixel centres at integers, z slice index)
 * @param centroidMm the centroid in patient coordinates
 */
public record Lesion(
        int id, int sliceFirst, int sliceLast, long voxelCount, double volumeMm3, double maxAreaMm2,
        double radiusMm, Point3 centroidPx, Point3 centroidMm) {}
