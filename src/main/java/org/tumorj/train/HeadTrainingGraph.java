package org.tumorj.train;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tumorj.model.HeadWeights;
import org.tumorj.backbone.TensorFlowRuntime;

/**
 * The head as a TensorFlow training graph: dense layers over pooled features, weighted binary
 * cross-entropy plus L2 on the kernels, gradients from {@link Graph#addGradients} and one Adam
 * update per variable (ApplyAdam) on exactly the head's four variables.
 *
 * <p>All randomness stays in Java and is fed in (initial weights as the variables' initial values,
 * the dropout mask as a placeholder), and the session runs single-threaded, so a seed fixes the
 * result bit for bit.
 */
final class HeadTrainingGraph implements AutoCloseable {
    private static final float BETA1 = AdamUpdate.BETA1;
    private static final float BETA2 = AdamUpdate.BETA2;

    private final Graph graph;
    private final Session session;
    private final int channels;
    private final int hidden;
    private Placeholder<TFloat32> x;
    private Placeholder<TFloat32> y;
    private Placeholder<TFloat32> sampleWeight;
    private Placeholder<TFloat32> dropoutMask;
    private Placeholder<TFloat32> beta1Power;
    private Placeholder<TFloat32> beta2Power;
    private final List<Variable<TFloat32>> variables = new ArrayList<>();
    private Operand<TFloat32> dataLoss;
    private Operand<TFloat32> evalLogits;
    private Op update;
    private int step;

    HeadTrainingGraph(HeadWeights initial, double learningRate, double weightDecay) {
        TensorFlowRuntime.ensureLoaded();
        channels = initial.featureChannels();
        hidden = initial.hiddenUnits();
        graph = new Graph();
        try {
            build(Ops.create(graph), initial, (float) learningRate, (float) weightDecay);
            session = new Session(graph, TensorFlowRuntime.deterministicConfig());
            session.initialize();
        } catch (RuntimeException e) {
            graph.close();
            throw e;
        }
    }

    /** One Adam step on a minibatch; returns its weighted cross-entropy (before the update). */
    float step(float[] batchX, float[] batchY, float[] batchWeight, float[] mask, int rows) {
        step++;
        try (TFloat32 tx = matrix(batchX, rows, channels);
             TFloat32 ty = TFloat32.tensorOf(Shape.of(rows), DataBuffers.of(batchY, true, false));
             TFloat32 tw = TFloat32.tensorOf(Shape.of(rows), DataBuffers.of(batchWeight, true, false));
             TFloat32 tm = matrix(mask, rows, hidden);
             TFloat32 b1 = TFloat32.scalarOf((float) Math.pow(BETA1, step));
             TFloat32 b2 = TFloat32.scalarOf((float) Math.pow(BETA2, step));
             Result r = session.runner().feed(x, tx).feed(y, ty).feed(sampleWeight, tw).feed(dropoutMask, tm)
                     .feed(beta1Power, b1).feed(beta2Power, b2).addTarget(update).fetch(dataLoss).run()) {
            return ((TFloat32) r.get(0)).getFloat();
        }
    }

    /** Logits without dropout, one per row. */
    float[] logits(float[][] features) {
        float[] flat = new float[features.length * channels];
        for (int i = 0; i < features.length; i++) {
            System.arraycopy(features[i], 0, flat, i * channels, channels);
        }
        try (TFloat32 tx = matrix(flat, features.length, channels);
             Result r = session.runner().feed(x, tx).fetch(evalLogits).run()) {
            return read((TFloat32) r.get(0), features.length);
        }
    }

    /** The current values of the head's variables. */
    HeadWeights weights() {
        var runner = session.runner();
        variables.forEach(runner::fetch);
        try (Result r = runner.run()) {
            return new HeadWeights(channels, hidden, read((TFloat32) r.get(0), channels * hidden),
                    read((TFloat32) r.get(1), hidden), read((TFloat32) r.get(2), hidden),
                    read((TFloat32) r.get(3), 1)[0]);
        }
    }

    @Override
    public void close() {
        session.close();
        graph.close();
    }

    private void build(Ops tf, HeadWeights w, float learningRate, float weightDecay) {
        x = tf.withName("x").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, channels)));
        y = tf.withName("y").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1)));
        sampleWeight = tf.withName("sample_weight").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1)));
        dropoutMask = tf.withName("dropout_mask").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, hidden)));
        beta1Power = tf.withName("beta1_power").placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
        beta2Power = tf.withName("beta2_power").placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
        // Flat, top-level names: some optimizer ops reject sub-scoped variable names.
        Variable<TFloat32> k1 = variable(tf, "head_kernel1", w.kernel1(), Shape.of(channels, hidden));
        Variable<TFloat32> b1 = variable(tf, "head_bias1", w.bias1(), Shape.of(hidden));
        Variable<TFloat32> k2 = variable(tf, "head_kernel2", w.kernel2(), Shape.of(hidden, 1));
        Variable<TFloat32> b2 = variable(tf, "head_bias2", new float[] {w.bias2()}, Shape.of(1));

        Operand<TFloat32> activations = tf.nn.relu(tf.nn.biasAdd(tf.linalg.matMul(x, k1), b1));
        Operand<TFloat32> trainLogits = logits(tf, tf.math.mul(activations, dropoutMask), k2, b2);
        evalLogits = logits(tf, activations, k2, b2);
        dataLoss = weightedCrossEntropy(tf, trainLogits, y, sampleWeight);
        // l2Loss(t) = sum(t^2) / 2. Read through Identity: the C++ gradient of Square crashes
        // (SIGSEGV in ConjugateHelper) when its input is a reference-typed variable output.
        Operand<TFloat32> l2 = tf.math.mul(tf.constant(weightDecay),
                tf.math.add(tf.nn.l2Loss(tf.identity(k1)), tf.nn.l2Loss(tf.identity(k2))));
        Operand<TFloat32> total = tf.math.add(dataLoss, l2);
        update = adam(tf, total, learningRate);
    }

    private Variable<TFloat32> variable(Ops tf, String name, float[] init, Shape shape) {
        Variable<TFloat32> v = tf.withName(name).variable(tf.constant(shape, DataBuffers.of(init, true, false)));
        variables.add(v);
        return v;
    }

    /** The head's output layer: one logit per row (shared with fine-tuning). */
    static Operand<TFloat32> logits(Ops tf, Operand<TFloat32> h, Operand<TFloat32> k2, Operand<TFloat32> b2) {
        return tf.reshape(tf.nn.biasAdd(tf.linalg.matMul(h, k2), b2), tf.constant(new int[] {-1}));
    }

    /**
     * sum(w * (softplus(z) - y z)) / sum(w): the stable form of weighted sigmoid cross-entropy
     * (shared with fine-tuning).
     */
    static Operand<TFloat32> weightedCrossEntropy(Ops tf, Operand<TFloat32> z, Operand<TFloat32> y,
            Operand<TFloat32> sampleWeight) {
        Operand<TFloat32> perSample = tf.math.sub(tf.math.softplus(z), tf.math.mul(y, z));
        Operand<TInt32> axis = tf.constant(0);
        return tf.math.div(tf.reduceSum(tf.math.mul(sampleWeight, perSample), axis), tf.reduceSum(sampleWeight, axis));
    }

    /** Adam on the explicit variable list; the bias-correction powers are fed per step. */
    private Op adam(Ops tf, Operand<TFloat32> loss, float learningRate) {
        List<Float> rates = variables.stream().map(v -> learningRate).toList();
        return AdamUpdate.build(graph, tf, loss, List.of(dataLoss.op()), variables, rates, beta1Power, beta2Power);
    }

    private static TFloat32 matrix(float[] data, int rows, int cols) {
        return TFloat32.tensorOf(Shape.of(rows, cols), DataBuffers.of(data, true, false));
    }

    private static float[] read(TFloat32 t, int n) {
        float[] out = new float[n];
        t.copyTo(DataBuffers.of(out, false, false));
        return out;
    }
}
