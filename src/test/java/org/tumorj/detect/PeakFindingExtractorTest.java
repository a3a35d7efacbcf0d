package org.tumorj.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tumorj.util.Progress;
import org.tumorj.volume.Volume;
import org.tumorj.volume.VolumeInfo;

class PeakFindingExtractorTest {
    static final int W = 64, H = 64, D = 9;

    /** A blob: probability {@code peak} at its centre, Gaussian falloff of {@code sigma} px (slices at 1 px). */
    record Blob(double x, double y, double z, double sigma, double peak) {
        double at(int px, int py, int pz) {
            double d2 = (px - x) * (px - x) + (py - y) * (py - y) + (pz - z) * (pz - z);
            return peak * Math.exp(-d2 / (2 * sigma * sigma));
        }
    }

    /**
     * Maps on a 2 px grid (cell i centred on pixel 2i) holding the strongest blob at each cell, over
     * 5e-5 (below the candidate floor: a flat background is no candidate).
     */
    static ProbabilityMaps maps(Blob... blobs) {
        List<ProbabilityMap> maps = new ArrayList<>();
        for (int z = 0; z < D; z++) {
            float[] v = new float[(W / 2) * (H / 2)];
            for (int j = 0; j < H / 2; j++) {
                for (int i = 0; i < W / 2; i++) {
                    double p = 5e-5;
                    for (Blob b : blobs) {
                        p = Math.max(p, b.at(2 * i, 2 * j, z));
                    }
                    v[j * (W / 2) + i] = (float) p;
                }
            }
            maps.add(new ProbabilityMap(v, W / 2, H / 2, 2, 0));
        }
        return new ProbabilityMaps(maps, W, H);
    }

    static Volume volume() {
        VolumeInfo info = TestVolumes.info("MR", W, H, D, 1, 1, 1, new double[3]);
        return TestVolumes.discs(info, 0.5f);
    }

    static List<Finding> findings(double threshold, Blob... blobs) {
        return new PeakFindingExtractor(DetectionParams.of(threshold)).extract(volume(), maps(blobs), "s", Progress.none())
                .findings();
    }

    @Test
    void eachLesionIsOneFindingCentredOnIt() {
        List<Finding> f = findings(0.05, new Blob(16, 20, 4, 2.5, 0.6), new Blob(44, 40, 5, 2.5, 0.9));
        assertEquals(2, f.size(), f.toString());
        assertEquals(44, f.get(0).centroidPx().x(), 1.0, "the stronger first");
        assertEquals(40, f.get(0).centroidPx().y(), 1.0);
        assertEquals(5, f.get(0).centroidPx().z(), 0.5);
        assertEquals(16, f.get(1).centroidPx().x(), 1.0);
        assertEquals(20, f.get(1).centroidPx().y(), 1.0);
        assertEquals(0.9, f.get(0).probabilityMax(), 1e-6, "scored by its peak");
    }

    /** Each slice of a finding is painted in a window around it: one in the slice's corner keeps its corner pixels. */
    @Test
    void aFindingInTheCornerKeepsItsPixelsThere() {
        List<Finding> f = findings(0.05, new Blob(0, 0, 4, 3, 0.9));
        assertEquals(1, f.size(), f.toString());
        FindingSlice centre = f.get(0).slices().stream().filter(s -> s.z() == 4).findFirst().orElseThrow();
        assertTrue(centre.region().contains(0, 0), "the corner pixel");
        float[] whole = maps(new Blob(0, 0, 4, 3, 0.9)).slice(4);
        float[] window = maps(new Blob(0, 0, 4, 3, 0.9)).slice(4, 3, 5, 10, 7);
        for (int y = 0; y < 7; y++) {
            for (int x = 0; x < 10; x++) {
                assertEquals(whole[(5 + y) * W + 3 + x], window[y * 10 + x], "interpolated alike at " + x + "," + y);
            }
        }
    }

    @Test
    void aLargeTumourWithTwoMaximaStaysOneFinding() {
        // two maxima 8 px apart on one broad plateau: the ridge between them is far above half the lower peak
        List<Finding> f = findings(0.05, new Blob(28, 32, 4, 6, 0.8), new Blob(36, 32, 4, 6, 0.78));
        assertEquals(1, f.size(), f.toString());
        assertEquals(32, f.get(0).centroidPx().x(), 2.0);
    }

    @Test
    void aSmallLesionBesideALargeOneKeepsItsOwnFinding() {
        List<Finding> f = findings(0.05, new Blob(24, 32, 4, 5, 0.9), new Blob(44, 32, 4, 1.5, 0.5));
        assertEquals(2, f.size(), f.toString());
        assertEquals(44, f.get(1).centroidPx().x(), 1.5);
    }

    /**
     * A radiograph's map is flat and faint: a nodule at 0.012 beside a rib crossing at 0.02, the
     * map dipping to about 0.0065 between them (over half the nodule, under 0.8 of it). Grown to
     * half its peak, the nodule's region met the crossing's and it was taken for a shoulder of it:
     * the nodule was lost.
     */
    @Test
    void aFaintNoduleBesideABrighterLookAlikeKeepsItsOwnFinding() {
        List<Finding> f = findings(0.001, new Blob(20, 32, 4, 8, 0.02), new Blob(36, 32, 4, 3, 0.012));
        assertEquals(2, f.size(), f.toString());
        assertEquals(36, f.get(1).centroidPx().x(), 3.0, "the nodule's finding within its radius of it");
    }

    @Test
    void theThresholdDecidesWhichPeaksAreReportedNotTheirShape() {
        Blob strong = new Blob(16, 16, 4, 2.5, 0.9), weak = new Blob(48, 48, 4, 2.5, 0.2);
        List<Finding> low = findings(0.05, strong, weak);
        List<Finding> high = findings(0.5, strong, weak);
        assertEquals(2, low.size());
        assertEquals(1, high.size());
        assertEquals(low.get(0).voxelCount(), high.get(0).voxelCount(), "the same region at any threshold");
    }

    @Test
    void equalPeaksAreNotOrderedBySlice() {
        // identical blobs, the larger one on a later slice: size, not slice, decides
        List<Finding> f = findings(0.05, new Blob(16, 16, 2, 1.5, 0.7), new Blob(48, 48, 6, 3, 0.7));
        assertEquals(2, f.size());
        assertTrue(f.get(0).voxelCount() > f.get(1).voxelCount(), f.toString());
    }

    /**
     * With a finding scorer the scorer's probability is the score: findings are ranked and
     * thresholded by it, not by their peak. This one (fitted to prefer broad candidates over
     * sharp ones) puts the broad, fainter blob first and drops the sharp one at its threshold.
     */
    @Test
    void aFindingScorerDecidesRankAndThreshold() {
        List<double[]> x = new ArrayList<>();
        List<Boolean> lesion = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            boolean broad = i % 2 == 0;
            double[] row = new double[FindingFeatures.NAMES.size()];
            row[FindingFeatures.NAMES.indexOf("log_voxels")] = broad ? 5 + 0.1 * (i % 7) : 2 + 0.1 * (i % 5);
            row[FindingFeatures.NAMES.indexOf("logit_probability_max")] = broad ? -1 - 0.1 * (i % 3) : 2 + 0.1 * (i % 4);
            x.add(row);
            lesion.add(broad);
        }
        org.tumorj.model.FindingScorer scorer = org.tumorj.model.FindingScorer.fit(FindingFeatures.NAMES, x, lesion);
        ProbabilityMaps m = maps(new Blob(16, 20, 4, 5, 0.4), new Blob(44, 40, 5, 1.2, 0.95));

        List<Finding> all = new PeakFindingExtractor(DetectionParams.of(1e-4), scorer).extract(volume(), m, "s",
                Progress.none()).findings();
        assertEquals(2, all.size(), all.toString());
        assertEquals(16, all.get(0).centroidPx().x(), 1.5, "the broad blob first, though its peak is lower");
        assertTrue(all.get(0).score() > 0.5 && all.get(1).score() < 0.5, all.toString());
        assertEquals(0.95, all.get(1).probabilityMax(), 1e-6, "pixel probabilities kept beside the score");

        List<Finding> kept = new PeakFindingExtractor(DetectionParams.of(0.5), scorer).extract(volume(), m, "s",
                Progress.none()).findings();
        assertEquals(1, kept.size(), kept.toString());
        assertEquals(16, kept.get(0).centroidPx().x(), 1.5);

        List<Finding> ranked = new PeakFindingExtractor(DetectionParams.of(1e-4), scorer.withRankPenalty(1))
                .extract(volume(), m, "s", Progress.none()).findings();
        assertEquals(all.get(0).score(), ranked.get(0).score(), 1e-6, "the series' first finding keeps its probability");
        assertEquals(odds(all.get(1).score()) / 2, odds(ranked.get(1).score()), 1e-4 * odds(ranked.get(1).score()),
                "the second has its odds halved");

        List<Finding> steep = new PeakFindingExtractor(DetectionParams.of(PeakFindingExtractor.CANDIDATE_FLOOR),
                scorer.withRankPenalty(10)).extract(volume(), m, "s", Progress.none()).findings();
        assertEquals(2, steep.size(), "a rank never takes a candidate off the list: " + steep);
        assertEquals((float) PeakFindingExtractor.CANDIDATE_FLOOR, steep.get(1).score(), "it stops at the list's floor");
    }

    private static double odds(double p) {
        return p / (1 - p);
    }

    /**
     * The heat map a lab sees is the map findings were searched in: with the body mask, air around
     * a CT patient is 0 there too, not only free of findings (a model lit the image's left edge at
     * 0.99 on every study of a phantom set).
     */
    @Test
    void theBodyMaskClearsTheAirInTheReturnedMapsNotOnlyInTheFindings() {
        VolumeInfo info = TestVolumes.info("CT", W, H, D, 1, 1, 1, new double[3]);
        Volume ct = TestVolumes.discs(info, -1000, new TestVolumes.Disc(32, 32, 22, 0, D - 1, 40));
        ProbabilityMaps m = maps(new Blob(4, 4, 4, 1.5, 0.95), new Blob(32, 32, 4, 1.5, 0.9));

        Detections d = new PeakFindingExtractor(DetectionParams.of(0.5).withBodyMask(true)).extract(ct, m, "s",
                Progress.none());
        assertEquals(1, d.findings().size(), d.findings().toString());
        assertEquals(32, d.findings().get(0).centroidPx().x(), 1.5);
        float[] shown = d.maps().slice(4);
        assertEquals(0, shown[4 * W + 4], 1e-6, "air outside the body");
        assertEquals(m.slice(4)[32 * W + 32], shown[32 * W + 32], 1e-6, "inside the body, unchanged");

        float[] unmasked = new PeakFindingExtractor(DetectionParams.of(0.5)).extract(ct, m, "s", Progress.none())
                .maps().slice(4);
        assertTrue(unmasked[4 * W + 4] > 0.9, "without the mask the map is returned as predicted");
    }
}
