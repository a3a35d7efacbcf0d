package org.tumorj.train;

import java.util.SplittableRandom;
import org.tumorj.model.HeadWeights;

/** Initial head weights, drawn in Java so that the seed alone decides them. */
final class HeadInitializer {
    private HeadInitializer() {}

    /** Glorot (Xavier) uniform kernels, zero biases: the Keras default for dense layers. */
    static HeadWeights glorotUniform(int channels, int hidden, SplittableRandom random) {
        float[] k1 = uniform(channels * hidden, Math.sqrt(6.0 / (channels + hidden)), random);
        float[] k2 = uniform(hidden, Math.sqrt(6.0 / (hidden + 1)), random);
        return new HeadWeights(channels, hidden, k1, new float[hidden], k2, 0f);
    }

    private static float[] uniform(int n, double limit, SplittableRandom random) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) ((random.nextDouble() * 2 - 1) * limit);
        }
        return v;
    }
}
