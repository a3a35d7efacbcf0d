package org.tumorj.model;

import org.tumorj.backbone.FloatTensor;

/**
 * The head evaluated in plain Java: fast enough for dense prediction over whole slices (a 16 x 16
 * feature map is 256 x C x H multiply-adds) and free of native resources, so it is safe to share
 * between threads. Gives the same probabilities as the exported TensorFlow head.
 */
public final class DenseHead implements Head {
    private final HeadWeights weights;
    private final double temperature;

    /** @param temperature calibration temperature T; probability = sigmoid(logit / T) */
    public DenseHead(HeadWeights weights, double temperature) {
        if (!(temperature > 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("temperature must be positive and finite, got " + temperature);
        }
        this.weights = weights;
        this.temperature = temperature;
    }

    public HeadWeights weights() {
        return weights;
    }

    public double temperature() {
        return temperature;
    }

    @Override
    public int featureChannels() {
        return weights.featureChannels();
    }

    /** Uncalibrated logit of one C-length feature vector starting at {@code offset}. */
    public double logit(float[] features, int offset) {
        int h = weights.hiddenUnits();
        float[] hidden = weights.bias1().clone();
        float[] k1 = weights.kernel1();
        // c outer, h inner: each row of W1 is contiguous, which is what makes this loop fast.
        for (int c = 0; c < weights.featureChannels(); c++) {
            float x = features[offset + c];
            if (x != 0) {
                int row = c * h;
                for (int j = 0; j < h; j++) {
                    hidden[j] += x * k1[row + j];
                }
            }
        }
        float logit = weights.bias2();
        float[] k2 = weights.kernel2();
        for (int j = 0; j < h; j++) {
            logit += Math.max(hidden[j], 0f) * k2[j];
        }
        return logit;
    }

    /** Uncalibrated logits of pooled embeddings (rows of C values). */
    public double[] logits(float[][] embeddings) {
        double[] z = new double[embeddings.length];
        for (int i = 0; i < z.length; i++) {
            checkChannels(embeddings[i].length);
            z[i] = logit(embeddings[i], 0);
        }
        return z;
    }

    /** Calibrated probability of a logit. */
    public double probability(double logit) {
        double z = logit / temperature;
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }

    @Override
    public FloatTensor probabilities(FloatTensor featureMap) {
        checkChannels(featureMap.c());
        FloatTensor out = FloatTensor.zeros(featureMap.n(), featureMap.h(), featureMap.w(), 1);
        int c = featureMap.c();
        for (int loc = 0; loc < out.data().length; loc++) {
            out.data()[loc] = (float) probability(logit(featureMap.data(), loc * c));
        }
        return out;
    }

    private void checkChannels(int c) {
        if (c != weights.featureChannels()) {
            throw new IllegalArgumentException("features have " + c + " channels but the head was trained on "
                    + weights.featureChannels() + "; use the backbone the model was trained with");
        }
    }
}
