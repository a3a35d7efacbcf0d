package org.tumorj.train;

import java.util.List;
import org.tumorj.model.HeadWeights;

/**
 * The outcome of a training run.
 *
 * @param weights the head at the epoch with the lowest validation loss
 * @param bestEpoch that epoch (1-based)
 * @param log every epoch run
 * @param stoppedEarly true when patience ran out before {@code maxEpochs}
 * @param options the options used
 */
public record TrainingResult(HeadWeights weights, int bestEpoch, List<EpochRecord> log, boolean stoppedEarly,
                             TrainingOptions options) {}
