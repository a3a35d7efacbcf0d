package org.tumorj.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;
import org.tumorj.metrics.Roc;
import org.tumorj.model.HeadWeights;
import org.tumorj.util.Progress;

/** Pieces every training loop shares (head only and fine-tuning), so both draw and report alike. */
final class EpochLoop {
    private EpochLoop() {}

    /** Inverted dropout: kept units are scaled by 1 / (1 - p) so that evaluation needs no rescaling. */
    static float[] dropoutMask(RandomGenerator random, int rows, int hiddenUnits, double dropout) {
        float[] mask = new float[rows * hiddenUnits];
        float keptValue = (float) (1 / (1 - dropout));
        for (int i = 0; i < mask.length; i++) {
            mask[i] = random.nextDouble() >= dropout ? keptValue : 0f;
        }
        return mask;
    }

    /** Fisher-Yates, from the loop's own seeded generator: same seed, same batches. */
    static void shuffle(RandomGenerator random, int[] order) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }

    static void report(Progress progress, TrainingListener listener, EpochRecord r) {
        progress.detail(String.format(Locale.ROOT, "epoch %d: train loss %.4f, validation loss %.4f, validation AUC %.3f%s",
                r.epoch(), r.trainLoss(), r.validationLoss(), r.validationAuc(), r.best() ? " (best)" : ""));
        listener.epochFinished(r);
    }

    /** What the early-stopping loop drives: one model being trained. */
    interface Trainee {
        /** One shuffled pass over the training rows in {@code order}; the mean training loss. */
        double pass(int[] order);

        /** Logits of the validation rows with the current weights. */
        float[] validationLogits();

        /** Keeps the current weights as the best so far; returns the head's. */
        HeadWeights keepBest();
    }

    /**
     * Epochs until {@code patience} epochs pass without a lower validation loss (or
     * {@code maxEpochs}); the result holds the best epoch's weights.
     */
    static TrainingResult earlyStopping(TrainingOptions options, int trainRows, int[] validationLabels,
            boolean[] validationPositive, float[] validationWeights, Progress progress, TrainingListener listener,
            Trainee trainee) {
        List<EpochRecord> log = new ArrayList<>();
        HeadWeights best = null;
        double bestLoss = Double.POSITIVE_INFINITY;
        int bestEpoch = 0;
        int[] order = range(0, trainRows);
        for (int epoch = 1; epoch <= options.maxEpochs(); epoch++) {
            double trainLoss = trainee.pass(order);
            float[] logits = trainee.validationLogits();
            double validationLoss = HeadTrainer.weightedLoss(logits, validationLabels, validationWeights);
            boolean improved = validationLoss < bestLoss;
            if (improved) {
                bestLoss = validationLoss;
                bestEpoch = epoch;
                best = trainee.keepBest();
            }
            EpochRecord record = new EpochRecord(epoch, trainLoss, validationLoss,
                    Roc.auc(toDouble(logits), validationPositive), improved);
            log.add(record);
            report(progress, listener, record);
            if (epoch - bestEpoch >= options.patience()) {
                return new TrainingResult(best, bestEpoch, List.copyOf(log), epoch < options.maxEpochs(), options);
            }
        }
        return new TrainingResult(best, bestEpoch, List.copyOf(log), false, options);
    }

    /** Both modes need both classes to learn from and a validation set to stop early on. */
    static void requireBothClassesAndValidation(int positives, int count, int validationCount) {
        if (positives == 0 || positives == count) {
            throw new IllegalArgumentException("training needs patches of both classes; got " + positives
                    + " positive of " + count + ". Annotate regions of both classes");
        }
        if (validationCount == 0) {
            throw new IllegalArgumentException("no validation patches: early stopping needs a validation set; "
                    + "keep at least one study for validation");
        }
    }

    static int[] range(int from, int to) {
        int[] r = new int[to - from];
        for (int i = 0; i < r.length; i++) {
            r[i] = from + i;
        }
        return r;
    }

    /** True where the label is 1, the form {@code Roc.auc} takes. */
    static boolean[] positiveMask(int[] labels) {
        boolean[] positive = new boolean[labels.length];
        for (int i = 0; i < labels.length; i++) {
            positive[i] = labels[i] == 1;
        }
        return positive;
    }

    static double[] toDouble(float[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return d;
    }
}
