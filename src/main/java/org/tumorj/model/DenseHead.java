package org.tumorj.model;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.function.IntUnaryOperator;
import java.util.stream.IntStream;
import org.tumorj.backbone.FloatTensor;
import org.tumorj.util.Sha256;

/**
 * The head evaluated in plain Java: fast enough for dense prediction over whole slices (a 16 x 16
 * feature map is 256 x C x H multiply-adds) and free of native resources, so it is safe to share
 * between threads. Gives the same probabilities as the exported TensorFlow head.
 */
public final class DenseHead implements Head {
    private final HeadWeights weights;
    private final double temperature;
    /**
     * W1 as one array per input channel: the JIT vectorises {@code hidden[j] += x * row[j]} when
     * both arrays are read at the same index, and not when the row is an offset into W1 (measured:
     * about 2x per point).
     */
    private final float[][] rows;
    /** Points per task of {@link #logits(float[], int, int)}: large enough to amortise the fork. */
    private static final int POINTS_PER_TASK = 2048;
    /** See {@link #contentKey()}; made on first use. */
    private String contentKey;

    /** @param temperature calibration temperature T; probability = sigmoid(logit / T) */
    public DenseHead(HeadWeights weights, double temperature) {
        if (!(temperature > 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("temperature must be positive and finite, got " + temperature);
        }
        this.weights = weights;
        this.temperature = temperature;
        int h = weights.hiddenUnits();
        this.rows = new float[weights.featureChannels()][];
        for (int c = 0; c < rows.length; c++) {
            rows[c] = Arrays.copyOfRange(weights.kernel1(), c * h, (c + 1) * h);
        }
    }

    public HeadWeights weights() {
        return weights;
    }

    /**
     * A SHA-256 of the head's shape, weights and temperature: equal for heads giving equal maps,
     * so a map computed once can be found again under it (a cache's key).
     */
    public synchronized String contentKey() {
        if (contentKey == null) {
            ByteBuffer b = ByteBuffer.allocate(Float.BYTES * (weights.kernel1().length + weights.bias1().length
                    + weights.kernel2().length + 1) + 2 * Integer.BYTES + Double.BYTES);
            b.putInt(weights.featureChannels()).putInt(weights.hiddenUnits());
            for (float[] part : new float[][] {weights.kernel1(), weights.bias1(), weights.kernel2(), {weights.bias2()}}) {
                for (float v : part) {
                    b.putFloat(v);
                }
            }
            b.putDouble(temperature);
            contentKey = Sha256.of(b.array());
        }
        return contentKey;
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
        float[] hidden = new float[weights.hiddenUnits()];
        accumulate(features, offset, hidden);
        return output(hidden);
    }

    /**
     * Uncalibrated logits of {@code points} consecutive C-length vectors (a channel-last feature
     * grid), the same values as {@link #logit} point by point. Two points share each pass over W1,
     * which halves the weight reads, and blocks of points run on the common fork-join pool: on a
     * 512² CT slice this is most of dense detection's time.
     */
    public float[] logits(float[] features, int channels, int points) {
        return logitsOf(features, channels, points, p -> p * channels);
    }

    /**
     * Logits of the C-length vectors numbered {@code points} in a channel-last grid, the same
     * values as {@link #logit} (whose double holds a float) gives them one by one, computed as
     * {@link #logits(float[], int, int)} computes a whole grid. Hard-negative mining scores most
     * of a slice's points this way.
     */
    public float[] logitsAt(float[] features, int channels, int[] points) {
        return logitsOf(features, channels, points.length, k -> points[k] * channels);
    }

    /** The logits of {@code count} vectors, the k-th starting at {@code offsetOf(k)} in {@code features}. */
    private float[] logitsOf(float[] features, int channels, int count, IntUnaryOperator offsetOf) {
        checkChannels(channels);
        float[] out = new float[count];
        int tasks = (count + POINTS_PER_TASK - 1) / POINTS_PER_TASK;
        IntStream.range(0, tasks).parallel().forEach(t -> {
            int h = weights.hiddenUnits(), end = Math.min(count, (t + 1) * POINTS_PER_TASK);
            float[] first = new float[h], second = new float[h];
            int k = t * POINTS_PER_TASK;
            for (; k + 1 < end; k += 2) {
                accumulatePair(features, offsetOf.applyAsInt(k), offsetOf.applyAsInt(k + 1), first, second);
                out[k] = (float) output(first);
                out[k + 1] = (float) output(second);
            }
            if (k < end) {
                accumulate(features, offsetOf.applyAsInt(k), first);
                out[k] = (float) output(first);
            }
        });
        return out;
    }

    /** hidden = x W1 + b1 for the vector at {@code offset}, channels in ascending order. */
    private void accumulate(float[] features, int offset, float[] hidden) {
        System.arraycopy(weights.bias1(), 0, hidden, 0, hidden.length);
        for (int c = 0; c < rows.length; c++) {
            float x = features[offset + c];
            float[] row = rows[c];
            for (int j = 0; j < hidden.length; j++) {
                hidden[j] += x * row[j];
            }
        }
    }

    /** {@link #accumulate} for two vectors at once, in the same order, so with the same sums. */
    private void accumulatePair(float[] features, int a, int b, float[] first, float[] second) {
        System.arraycopy(weights.bias1(), 0, first, 0, first.length);
        System.arraycopy(weights.bias1(), 0, second, 0, second.length);
        for (int c = 0; c < rows.length; c++) {
            float x = features[a + c], y = features[b + c];
            float[] row = rows[c];
            for (int j = 0; j < first.length; j++) {
                float w = row[j];
                first[j] += x * w;
                second[j] += y * w;
            }
        }
    }

    /** logit = relu(hidden) . w2 + b2. */
    private double output(float[] hidden) {
        float logit = weights.bias2();
        float[] k2 = weights.kernel2();
        for (int j = 0; j < hidden.length; j++) {
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
        FloatTensor out = FloatTensor.zeros(featureMap.n(), featureMap.h(), featureMap.w(), 1);
        float[] z = logits(featureMap.data(), featureMap.c(), out.data().length);
        for (int loc = 0; loc < z.length; loc++) {
            out.data()[loc] = (float) probability(z[loc]);
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
