package org.tumorj.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The finding scorer must learn what separates lesions from look-alikes among candidates, whatever
 * the features' units, and survive the bundle's JSON unchanged.
 */
class FindingScorerTest {
    private static final List<String> NAMES = List.of("peak", "noise_around", "constant");

    /** Lesions: higher peak, quiet surroundings; others: noisy surroundings whatever their peak. */
    private static void candidates(Random r, int n, List<double[]> x, List<Boolean> y) {
        for (int i = 0; i < n; i++) {
            boolean lesion = i % 5 == 0;
            double peak = (lesion ? 2 : 1) + r.nextGaussian() * 0.5;
            double noise = (lesion ? 30 : 300) + r.nextGaussian() * 40; // HU: a feature in other units
            x.add(new double[] {peak, noise, 7});
            y.add(lesion);
        }
    }

    @Test
    void ranksLesionsAboveLookAlikesOnNewCandidates() {
        List<double[]> x = new ArrayList<>();
        List<Boolean> y = new ArrayList<>();
        candidates(new Random(1), 200, x, y);
        FindingScorer scorer = FindingScorer.fit(NAMES, x, y);

        List<double[]> test = new ArrayList<>();
        List<Boolean> truth = new ArrayList<>();
        candidates(new Random(2), 200, test, truth);
        int correct = 0, pairs = 0;
        for (int i = 0; i < test.size(); i++) {
            for (int j = 0; j < test.size(); j++) {
                if (truth.get(i) && !truth.get(j)) {
                    pairs++;
                    correct += scorer.probability(test.get(i)) > scorer.probability(test.get(j)) ? 1 : 0;
                }
            }
        }
        assertTrue(correct > 0.95 * pairs, "AUC " + correct / (double) pairs);
        double meanProbability = test.stream().mapToDouble(scorer::probability).average().orElseThrow();
        assertEquals(0.2, meanProbability, 0.05, "calibrated to the share of lesions among candidates");
    }

    @Test
    void survivesTheBundleRecord() {
        List<double[]> x = new ArrayList<>();
        List<Boolean> y = new ArrayList<>();
        candidates(new Random(3), 100, x, y);
        FindingScorer scorer = FindingScorer.fit(NAMES, x, y).withRankPenalty(1);
        FindingScorer read = FindingScorer.fromJson(com.google.gson.JsonParser.parseString(scorer.toJson().toString())
                .getAsJsonObject());
        assertEquals(NAMES, read.featureNames());
        for (double[] row : x) {
            assertEquals(scorer.probability(row), read.probability(row), 1e-12);
        }
        assertEquals(1, read.rankPenalty());
    }

    @Test
    void aSeriesSecondFindingHasItsOddsHalvedAndTheOrderWithinTheSeriesKept() {
        FindingScorer fitted = FindingScorer.fit(NAMES, List.of(new double[] {1, 2, 3}, new double[] {2, 3, 4}),
                List.of(true, false));
        assertEquals(0, fitted.rankPenalty(), "fitted without one");
        FindingScorer scorer = fitted.withRankPenalty(1);
        // two at 0.5 (odds 1) and one at 0.25 (odds 1/3), not in rank order; a tie keeps the given order
        double[] ranked = scorer.inSeries(new double[] {0.25, 0.5, 0.5});
        assertEquals(0.5, ranked[1], 1e-12, "the first keeps its probability");
        assertEquals(1 / 3.0, ranked[2], 1e-12, "the second: odds 1 / 2");
        assertEquals(0.1, ranked[0], 1e-12, "the third: odds (1/3) / 3");
        assertEquals(1.0, scorer.inSeries(new double[] {1.0, 1.0})[1], "certainty stays certainty");
    }

    @Test
    void aScorerRecordedBeforeRankPenaltiesRanksAsItDid() {
        List<double[]> x = new ArrayList<>();
        List<Boolean> y = new ArrayList<>();
        candidates(new Random(4), 100, x, y);
        com.google.gson.JsonObject record = FindingScorer.fit(NAMES, x, y).withRankPenalty(1).toJson();
        record.remove("rankPenalty");
        FindingScorer old = FindingScorer.fromJson(record);
        assertEquals(0, old.rankPenalty());
        double[] p = {0.9, 0.4, 0.7};
        assertArrayEquals(p, old.inSeries(p), 1e-12);
    }

    @Test
    void refusesCandidatesOfOneKindAndAWrongFeatureCount() {
        List<double[]> x = List.of(new double[] {1, 2, 3}, new double[] {2, 3, 4});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FindingScorer.fit(NAMES, x, List.of(false, false)));
        assertTrue(e.getMessage().contains("lesions and ones that are not"), e.getMessage());
        FindingScorer scorer = FindingScorer.fit(NAMES, x, List.of(true, false));
        e = assertThrows(IllegalArgumentException.class, () -> scorer.probability(new double[] {1, 2}));
        assertTrue(e.getMessage().contains("expects 3 features"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> FindingScorer.fromJson(new com.google.gson.JsonObject()));
        assertTrue(e.getMessage().contains("retrain the model"), e.getMessage());
    }
}
