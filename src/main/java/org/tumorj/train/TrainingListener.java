package org.tumorj.train;

/** Told after each epoch, e.g. to plot live loss curves. Called on the training thread: return quickly. */
@FunctionalInterface
public interface TrainingListener {
    void epochFinished(EpochRecord record);

    static TrainingListener none() {
        return record -> {};
    }
}
