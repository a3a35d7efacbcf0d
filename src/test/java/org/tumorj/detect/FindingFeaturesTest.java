package org.tumorj.detect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tumorj.detect.PeakFindingExtractorTest.Blob;

class FindingFeaturesTest {
    private static final int END = FindingFeatures.NAMES.indexOf("slices_to_series_end");
    /** Blobs on the first, the middle and the last of the 9 slices. */
    private static final Blob[] BLOBS = {new Blob(16, 16, 0, 1.5, 0.9), new Blob(44, 44, 4, 1.5, 0.9),
        new Blob(16, 48, PeakFindingExtractorTest.D - 1, 1.5, 0.9)};

    /** The blobs' findings in slice order. */
    private static List<Finding> findings() {
        List<Finding> found = new ArrayList<>(PeakFindingExtractorTest.findings(1e-3, BLOBS));
        found.sort(Comparator.comparingInt(Finding::sliceFirst));
        assertEquals(3, found.size(), found.toString());
        return found;
    }

    private static FindingFeatures measure() {
        return FindingFeatures.of(PeakFindingExtractorTest.volume(), PeakFindingExtractorTest.maps(BLOBS));
    }

    @Test
    void findingsOnTheSeriesFirstAndLastSlicesMeasure0AndOneInTheMiddleTheCap() {
        List<Finding> found = findings();
        FindingFeatures features = measure();
        assertEquals(0, features.of(found.get(0))[END], "touches slice 0: " + found.get(0));
        assertEquals(3, features.of(found.get(1))[END], "slices 3-5 of 0-8: " + found.get(1));
        assertEquals(0, features.of(found.get(2))[END], "touches slice 8: " + found.get(2));
    }

    /** A dot that runs on through the slices above and below (a vessel end-on) against one that ends there. */
    @Test
    void aVesselRunsOnIntoTheNextSlicesAndANoduleEnds() {
        int w = PeakFindingExtractorTest.W, h = PeakFindingExtractorTest.H, d = PeakFindingExtractorTest.D;
        org.tumorj.volume.Volume ct = TestVolumes.discs(TestVolumes.info("CT", w, h, d, 1, 1, 1, new double[3]), 40,
                new TestVolumes.Disc(16, 16, 3, 0, d - 1, 140), new TestVolumes.Disc(44, 44, 3, 4, 4, 140));
        Blob vessel = new Blob(16, 16, 4, 0.7, 0.9), nodule = new Blob(44, 44, 4, 0.7, 0.8);
        List<Finding> found = new PeakFindingExtractor(DetectionParams.of(1e-3)).extract(ct,
                PeakFindingExtractorTest.maps(vessel, nodule), "s", org.tumorj.util.Progress.none()).findings();
        assertEquals(2, found.size(), found.toString());
        FindingFeatures features = FindingFeatures.of(ct, PeakFindingExtractorTest.maps(vessel, nodule));
        int max = FindingFeatures.NAMES.indexOf("continuation_max"), min = FindingFeatures.NAMES.indexOf("continuation_min");
        double[] v = features.of(found.stream().filter(f -> f.centroidPx().x() < 30).findFirst().orElseThrow());
        double[] n = features.of(found.stream().filter(f -> f.centroidPx().x() > 30).findFirst().orElseThrow());
        assertEquals(1, v[min], 0.15, "the vessel is as bright above and below");
        assertEquals(0, n[max], 0.15, "nothing above or below the nodule");
    }

    /** A model trained before a feature was added names fewer features; it gets exactly those, in its order. */
    @Test
    void aScorerFittedOnFewerFeaturesGetsThoseByName() {
        Finding f = findings().get(1);
        FindingFeatures features = measure();
        double[] all = features.of(f);
        List<String> older = List.of("intensity_contrast", "logit_probability_max", "slice_count");
        double[] expected = older.stream().mapToDouble(n -> all[FindingFeatures.NAMES.indexOf(n)]).toArray();
        assertArrayEquals(expected, features.of(f, FindingFeatures.columns(older)));
    }

    @Test
    void aScorerNamingAFeatureThisVersionDoesNotMeasureIsRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FindingFeatures.requireKnown(List.of("log_voxels", "vesselness_3d")));
        assertTrue(e.getMessage().contains("'vesselness_3d'") && e.getMessage().contains("retrain"), e.getMessage());
    }
}
