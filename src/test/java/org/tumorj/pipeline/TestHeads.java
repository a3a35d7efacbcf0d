package org.tumorj.pipeline;

import java.util.Arrays;
import org.tumorj.model.DenseHead;
import org.tumorj.model.HeadWeights;

/** Heads for tests that need one of a given width, not a trained one. */
final class TestHeads {
    private TestHeads() {}

    /** One hidden unit reading every channel a little (weight 0.05), bias -2 on the logit. */
    static DenseHead uniform(int channels) {
        float[] k1 = new float[channels];
        Arrays.fill(k1, 0.05f);
        return new DenseHead(new HeadWeights(channels, 1, k1, new float[] {0}, new float[] {1}, -2), 1);
    }
}
