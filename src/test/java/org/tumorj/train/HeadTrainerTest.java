package org.tumorj.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tumorj.metrics.Roc;
import org.tumorj.model.DenseHead;
import org.tumorj.model.HeadWeights;
import org.tumorj.util.CancelledException;
import org.tumorj.util.Progress;

class HeadTrainerTest {
    // Classes 3.5 latent SDs apart (best possible AUC ~0.99), plus study shifts and channel noise.
    private static final SyntheticFeatures DATA = new SyntheticFeatures(11, 3.5, 0.3);
    private static final FeatureSet TRAIN = DATA.studies("train", 8, 25, 0.3);
    private static final FeatureSet VALIDATION = DATA.studies("val", 4, 25, 0.3);
    private static final TrainingOptions FAST = TrainingOptions.defaults().withEpochs(12, 4);

    @Test
    void separableButNoisyFeaturesReachValidationAuc095() {
        TrainingResult result = new HeadTrainer(TrainingOptions.defaults()).train(TRAIN, VALIDATION,
                Progress.none(), TrainingListener.none());
        double auc = Roc.auc(new DenseHead(result.weights(), 1).logits(VALIDATION.features()), VALIDATION.positiveMask());
        assertTrue(auc >= 0.95, "validation AUC " + auc);
        // The saved weights have the standardisation folded in: same ranking up to float rounding.
        assertEquals(auc, result.log().get(result.bestEpoch() - 1).validationAuc(), 2e-3);
    }

    @Test
    void sameSeedGivesBitwiseIdenticalWeightsAndAnotherSeedDoesNot() {
        HeadWeights a = train(FAST).weights();
        HeadWeights b = train(FAST).weights();
        assertArrayEquals(a.kernel1(), b.kernel1());
        assertArrayEquals(a.bias1(), b.bias1());
        assertArrayEquals(a.kernel2(), b.kernel2());
        assertEquals(Float.floatToIntBits(a.bias2()), Float.floatToIntBits(b.bias2()));
        assertFalse(Arrays.equals(a.kernel1(), train(FAST.withSeed(7)).weights().kernel1()));
    }

    @Test
    void cancelStopsWithinOneStep() {
        CancelAfter progress = new CancelAfter(3);
        assertThrows(CancelledException.class, () -> new HeadTrainer(FAST).train(TRAIN, VALIDATION, progress,
                TrainingListener.none()));
        assertEquals(3, progress.steps, "no training step may run once cancel was requested");
    }

    @Test
    void earlyStoppingKeepsTheBestEpochsWeights() {
        // Labels unrelated to the features: validation loss soon rises, patience runs out.
        FeatureSet noise = new FeatureSet(TRAIN.features(), shuffledLabels(TRAIN.labels()), TRAIN.groupIds());
        List<EpochRecord> heard = new ArrayList<>();
        TrainingOptions options = TrainingOptions.defaults().withEpochs(60, 3).withOptimizer(1e-2, 1e-4, 32);
        TrainingResult result = new HeadTrainer(options).train(noise, VALIDATION, Progress.none(), heard::add);
        assertTrue(result.stoppedEarly());
        assertEquals(result.log(), heard);
        assertEquals(result.bestEpoch() + 3, result.log().size());
        EpochRecord best = result.log().get(result.bestEpoch() - 1);
        assertTrue(best.best());
        double[] z = new DenseHead(result.weights(), 1).logits(VALIDATION.features());
        float[] zf = new float[z.length];
        for (int i = 0; i < z.length; i++) {
            zf[i] = (float) z[i];
        }
        double loss = HeadTrainer.weightedLoss(zf, VALIDATION.labels(), HeadTrainer.sampleWeights(VALIDATION, true));
        assertEquals(best.validationLoss(), loss, 1e-4);
        assertTrue(result.log().stream().allMatch(r -> r.validationLoss() >= best.validationLoss()));
    }

    @Test
    void balancedWeightsGiveEachClassHalfTheTotal() {
        float[] w = HeadTrainer.sampleWeights(new FeatureSet(new float[4][1], new int[] {1, 0, 0, 0},
                new String[] {"a", "a", "a", "a"}), true);
        assertArrayEquals(new float[] {2f, 2f / 3, 2f / 3, 2f / 3}, w, 1e-6f);
    }

    @Test
    void weightedLossByHand() {
        // z = 0: softplus(0) = ln 2 for either label; z = ln 3 with y = 1: softplus - z = ln(4/3).
        float z = (float) Math.log(3);
        double loss = HeadTrainer.weightedLoss(new float[] {0f, z}, new int[] {0, 1}, new float[] {1f, 3f});
        assertEquals((Math.log(2) + 3 * Math.log(4.0 / 3)) / 4, loss, 1e-6);
    }

    @Test
    void modesNeedingTheBackboneAreRefusedNotFaked() {
        assertThrows(IllegalArgumentException.class,
                () -> new HeadTrainer(TrainingOptions.defaults().withMode(TrainingMode.TOP_BLOCKS_UNFROZEN, 2)));
        assertThrows(IllegalArgumentException.class,
                () -> TrainingOptions.defaults().withMode(TrainingMode.HEAD_ONLY, 2));
    }

    @Test
    void singleClassTrainingSetIsRefused() {
        FeatureSet negatives = new FeatureSet(TRAIN.features(), new int[TRAIN.size()], TRAIN.groupIds());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new HeadTrainer(FAST).train(negatives, VALIDATION, Progress.none(), TrainingListener.none()));
        assertTrue(e.getMessage().contains("both classes"));
    }

    @Test
    void optionsRoundTripThroughJson() {
        TrainingOptions o = FAST.withSeed(99).withHead(32, 0.1);
        assertEquals(o, TrainingOptions.fromJson(o.toJson()));
    }

    @Test
    void trainingLogRoundTripsThroughCsv() {
        List<EpochRecord> log = List.of(new EpochRecord(1, 0.5, 0.625, 0.75, true),
                new EpochRecord(2, 0.25, 0.875, Double.NaN, false));
        List<EpochRecord> back = TrainingLog.parseCsv(TrainingLog.toCsv(log), "log.csv");
        assertEquals(log, back);
    }

    private static TrainingResult train(TrainingOptions options) {
        return new HeadTrainer(options).train(TRAIN, VALIDATION, Progress.none(), TrainingListener.none());
    }

    private static int[] shuffledLabels(int[] labels) {
        int[] y = labels.clone();
        java.util.SplittableRandom r = new java.util.SplittableRandom(5);
        for (int i = y.length - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = y[i];
            y[i] = y[j];
            y[j] = t;
        }
        return y;
    }

    /** Requests cancel once {@code limit} steps have reported, and counts steps. */
    private static final class CancelAfter implements Progress {
        private final int limit;
        int steps;

        CancelAfter(int limit) {
            this.limit = limit;
        }

        @Override public void update(String step, long done, long total) { steps++; }
        @Override public void log(String message) {}
        @Override public boolean isCancelled() { return steps >= limit; }
    }
}
