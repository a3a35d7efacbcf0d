package org.tumorj.phantom;

import java.util.List;

/**
 * Ground truth for one vessel, the look-alike of a nodule: on each slice in {@code slices} its
 * cross-section is a disc of {@code radiusMm} centred at the matching {@code centrePixels} entry
 * (column, row, slice; pixel indices as in {@link LesionTruth}).
 */
public record VesselTruth(int id, String organ, double radiusMm, double contrast, List<Integer> slices,
        List<double[]> centrePixels) {

    public VesselTruth {
        slices = List.copyOf(slices);
        centrePixels = centrePixels.stream().map(double[]::clone).toList();
    }
}
