package org.tumorj.train;

import java.util.Locale;
import java.util.random.RandomGenerator;
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
        progress.log(String.format(Locale.ROOT, "epoch %d: train loss %.4f, validation loss %.4f, validation AUC %.3f%s",
                r.epoch(), r.trainLoss(), r.validationLoss(), r.validationAuc(), r.best() ? " (best)" : ""));
        listener.epochFinished(r);
    }
}
