package org.tumorj.detect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tumorj.detect.PeakFindingExtractorTest.Blob;

class FindingFeaturesTest {
    private static final int END = FindingFeatures.NAMES.indexOf("slices_to_series_end");

    /** Findings of one blob on the series' first slice and one in its middle, in slice order. */
    private static List<Finding> firstSliceAndMiddle() {
        List<Finding> found = new java.util.ArrayList<>(PeakFindingExtractorTest.findings(1e-3,
                new Blob(16, 16, 0, 1.5, 0.9), new Blob(44, 44, PeakFindingExtractorTest.D / 2, 1.5, 0.9)));
        found.sort(Comparator.comparingInt(Finding::sliceFirst));
        assertEquals(2, found.size(), found.toString());
        return found;
    }

    private static FindingFeatures measure() {
        return FindingFeatures.of(PeakFindingExtractorTest.volume(), PeakFindingExtractorTest.maps(
                new Blob(16, 16, 0, 1.5, 0.9), new Blob(44, 44, PeakFindingExtractorTest.D / 2, 1.5, 0.9)));
    }

    @Test
    void aFindingOnTheSeriesFirstSliceIsMeasuredAtItsEndOneInTheMiddleIsNot() {
        List<Finding> found = firstSliceAndMiddle();
        FindingFeatures features = measure();
        assertEquals(0, features.of(found.get(0))[END], "touches slice 0: " + found.get(0));
        Finding middle = found.get(1);
        assertTrue(middle.sliceFirst() > 0 && middle.sliceLast() < PeakFindingExtractorTest.D - 1, middle.toString());
        assertEquals(Math.min(FindingFeatures.END_DISTANCE_CAP,
                Math.min(middle.sliceFirst(), PeakFindingExtractorTest.D - 1 - middle.sliceLast())), features.of(middle)[END]);
    }

    /** A model trained before a feature was added names fewer features; it gets exactly those, in its order. */
    @Test
    void aScorerFittedOnFewerFeaturesGetsThoseByName() {
        Finding f = firstSliceAndMiddle().get(1);
        FindingFeatures features = measure();
        double[] all = features.of(f);
        List<String> older = List.of("intensity_contrast", "logit_probability_max", "slice_count");
        double[] expected = older.stream().mapToDouble(n -> all[FindingFeatures.NAMES.indexOf(n)]).toArray();
        assertArrayEquals(expected, features.of(f, older));
    }

    @Test
    void aScorerNamingAFeatureThisVersionDoesNotMeasureIsRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FindingFeatures.requireKnown(List.of("log_voxels", "vesselness_3d")));
        assertTrue(e.getMessage().contains("'vesselness_3d'") && e.getMessage().contains("retrain"), e.getMessage());
    }
}
