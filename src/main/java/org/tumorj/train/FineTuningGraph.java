package org.tumorj.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TFloat32;
import org.tumorj.backbone.MobileNetGraph;
import org.tumorj.backbone.MobileNetGraph.TrainableWeight;
import org.tumorj.backbone.TensorFlowRuntime;
import org.tumorj.backbone.tfjs.TfjsModel;
import org.tumorj.model.HeadWeights;

/**
 * Backbone and head in one freshly built TensorFlow training graph: image patches go through
 * MobileNetV2 (the chosen layers as variables, the rest constants), its pooled embedding is
 * standardised (mean and SD fed in, fixed for the run) and goes through the same dense head as
 * {@link HeadTrainingGraph}. Loss: weighted cross-entropy plus L2 on every trained kernel; Adam
 * on the explicit variable list, the backbone at its own, lower, learning rate.
 *
 * <p>Batch normalisation stays in inference mode: the moving statistics are constants, only its
 * gamma and beta train in unfrozen layers. With a few hundred patches, batch statistics of
 * minibatches of 16 would be too noisy to learn from, and the pretrained statistics would be lost.
 */
final class FineTuningGraph implements AutoCloseable {
    private final Graph graph;
    private final Session session;
    private final int size;
    private final int channels;
    private final int hidden;
    private Placeholder<TFloat32> image;
    private Placeholder<TFloat32> y;
    private Placeholder<TFloat32> sampleWeight;
    private Placeholder<TFloat32> dropoutMask;
    private Placeholder<TFloat32> featureMean;
    private Placeholder<TFloat32> featureStd;
    private Placeholder<TFloat32> beta1Power;
    private Placeholder<TFloat32> beta2Power;
    private final List<Variable<TFloat32>> headVariables = new ArrayList<>();
    private List<TrainableWeight> backboneVariables;
    private Operand<TFloat32> embedding;
    private Operand<TFloat32> dataLoss;
    private Operand<TFloat32> evalLogits;
    private Op update;
    private float[] mean;
    private float[] std;
    private int step;

    /**
     * @param model the MobileNetV2 (pretrained weights; random ones are drawn when {@code randomInit})
     * @param trainableLayers Keras layer names whose weights train
     * @param size patch edge (the graph is built for this fixed size)
     * @param threads TensorFlow intra-op threads; 1 gives bitwise-reproducible results
     */
    FineTuningGraph(TfjsModel model, Set<String> trainableLayers, boolean randomInit, long seed, int size,
                    HeadWeights initialHead, double learningRate, double backboneLearningRate, double weightDecay,
                    int threads) {
        TensorFlowRuntime.ensureLoaded();
        this.size = size;
        this.channels = initialHead.featureChannels();
        this.hidden = initialHead.hiddenUnits();
        this.mean = new float[channels];
        this.std = filled(channels, 1f);
        graph = new Graph();
        try {
            build(Ops.create(graph), model, trainableLayers, randomInit, seed, initialHead, (float) learningRate,
                    (float) backboneLearningRate, (float) weightDecay);
            session = new Session(graph, ConfigProto.newBuilder().setIntraOpParallelismThreads(threads)
                    .setInterOpParallelismThreads(1).build());
            session.initialize();
        } catch (RuntimeException e) {
            graph.close();
            throw e;
        }
    }

    /** The fixed standardisation of the embedding the head sees from now on. */
    void standardize(float[] newMean, float[] newStd) {
        this.mean = newMean.clone();
        this.std = newStd.clone();
    }

    /** One Adam step on a minibatch of images; returns its weighted cross-entropy (before the update). */
    float step(float[] images, float[] batchY, float[] batchWeight, float[] mask, int rows) {
        step++;
        try (TFloat32 ti = images(images, rows);
             TFloat32 ty = vector(batchY);
             TFloat32 tw = vector(batchWeight);
             TFloat32 tm = TFloat32.tensorOf(Shape.of(rows, hidden), DataBuffers.of(mask, true, false));
             TFloat32 tMean = vector(mean);
             TFloat32 tStd = vector(std);
             TFloat32 b1 = TFloat32.scalarOf((float) Math.pow(AdamUpdate.BETA1, step));
             TFloat32 b2 = TFloat32.scalarOf((float) Math.pow(AdamUpdate.BETA2, step));
             Result r = session.runner().feed(image, ti).feed(y, ty).feed(sampleWeight, tw).feed(dropoutMask, tm)
                     .feed(featureMean, tMean).feed(featureStd, tStd).feed(beta1Power, b1).feed(beta2Power, b2)
                     .addTarget(update).fetch(dataLoss).run()) {
            return ((TFloat32) r.get(0)).getFloat();
        }
    }

    /** Logits without dropout for a batch of {@code rows} images. */
    float[] logits(float[] images, int rows) {
        try (TFloat32 ti = images(images, rows);
             TFloat32 tMean = vector(mean);
             TFloat32 tStd = vector(std);
             Result r = session.runner().feed(image, ti).feed(featureMean, tMean).feed(featureStd, tStd)
                     .fetch(evalLogits).run()) {
            return read((TFloat32) r.get(0), rows);
        }
    }

    /** Raw (unstandardised) pooled backbone features of a batch, {@code rows x channels}. */
    float[] embeddings(float[] images, int rows) {
        try (TFloat32 ti = images(images, rows);
             Result r = session.runner().feed(image, ti).fetch(embedding).run()) {
            return read((TFloat32) r.get(0), rows * channels);
        }
    }

    /** The head's current weights (on standardised embeddings). */
    HeadWeights headWeights() {
        var runner = session.runner();
        headVariables.forEach(runner::fetch);
        try (Result r = runner.run()) {
            return new HeadWeights(channels, hidden, read((TFloat32) r.get(0), channels * hidden),
                    read((TFloat32) r.get(1), hidden), read((TFloat32) r.get(2), hidden),
                    read((TFloat32) r.get(3), 1)[0]);
        }
    }

    /** The trained backbone weights' current values, by Keras name ({@code layer/weight}). */
    Map<String, float[]> backboneWeights() {
        Map<String, float[]> out = new LinkedHashMap<>();
        if (backboneVariables.isEmpty()) {
            return out;
        }
        var runner = session.runner();
        backboneVariables.forEach(w -> runner.fetch(w.variable()));
        try (Result r = runner.run()) {
            for (int i = 0; i < backboneVariables.size(); i++) {
                TFloat32 t = (TFloat32) r.get(i);
                out.put(backboneVariables.get(i).name(), read(t, (int) t.shape().size()));
            }
        }
        return out;
    }

    @Override
    public void close() {
        session.close();
        graph.close();
    }

    private void build(Ops tf, TfjsModel model, Set<String> trainableLayers, boolean randomInit, long seed,
                       HeadWeights w, float learningRate, float backboneLearningRate, float weightDecay) {
        image = tf.withName("image").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, size, size, 3)));
        y = tf.withName("y").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1)));
        sampleWeight = tf.withName("sample_weight").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1)));
        dropoutMask = tf.withName("dropout_mask").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, hidden)));
        featureMean = tf.withName("feature_mean").placeholder(TFloat32.class, Placeholder.shape(Shape.of(channels)));
        featureStd = tf.withName("feature_std").placeholder(TFloat32.class, Placeholder.shape(Shape.of(channels)));
        beta1Power = tf.withName("beta1_power").placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
        beta2Power = tf.withName("beta2_power").placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));

        MobileNetGraph net = MobileNetGraph.build(tf, model, image, trainableLayers, randomInit, seed, false);
        backboneVariables = net.variables();
        embedding = net.embedding();
        Operand<TFloat32> x = tf.math.div(tf.math.sub(embedding, featureMean), featureStd);

        Variable<TFloat32> k1 = headVariable(tf, "head_kernel1", w.kernel1(), Shape.of(channels, hidden));
        Variable<TFloat32> b1 = headVariable(tf, "head_bias1", w.bias1(), Shape.of(hidden));
        Variable<TFloat32> k2 = headVariable(tf, "head_kernel2", w.kernel2(), Shape.of(hidden, 1));
        Variable<TFloat32> b2 = headVariable(tf, "head_bias2", new float[] {w.bias2()}, Shape.of(1));
        Operand<TFloat32> activations = tf.nn.relu(tf.nn.biasAdd(tf.linalg.matMul(x, k1), b1));
        evalLogits = HeadTrainingGraph.logits(tf, activations, k2, b2);
        Operand<TFloat32> trainLogits = HeadTrainingGraph.logits(tf, tf.math.mul(activations, dropoutMask), k2, b2);
        dataLoss = HeadTrainingGraph.weightedCrossEntropy(tf, trainLogits, y, sampleWeight);
        Operand<TFloat32> total = tf.math.add(dataLoss, tf.math.mul(tf.constant(weightDecay), l2(tf, k1, k2)));

        List<Variable<TFloat32>> variables = new ArrayList<>(headVariables);
        List<Float> rates = new ArrayList<>(headVariables.stream().map(v -> learningRate).toList());
        for (TrainableWeight t : backboneVariables) {
            variables.add(t.variable());
            rates.add(backboneLearningRate);
        }
        update = AdamUpdate.build(graph, tf, total, List.of(dataLoss.op()), variables, rates, beta1Power, beta2Power);
    }

    /**
     * sum(kernel^2) / 2 over the head's kernels and the trained backbone kernels (not biases, not
     * batch-norm gamma and beta). Read through Identity: the C++ gradient of Square crashes on a
     * reference-typed variable output.
     */
    private Operand<TFloat32> l2(Ops tf, Operand<TFloat32> k1, Operand<TFloat32> k2) {
        List<Operand<TFloat32>> terms = new ArrayList<>();
        terms.add(tf.nn.l2Loss(tf.identity(k1)));
        terms.add(tf.nn.l2Loss(tf.identity(k2)));
        for (TrainableWeight t : backboneVariables) {
            if (t.name().endsWith("kernel")) {
                terms.add(tf.nn.l2Loss(tf.identity(t.variable())));
            }
        }
        return tf.math.addN(terms);
    }

    private Variable<TFloat32> headVariable(Ops tf, String name, float[] init, Shape shape) {
        Variable<TFloat32> v = tf.withName(name).variable(tf.constant(shape, DataBuffers.of(init, true, false)));
        headVariables.add(v);
        return v;
    }



    private TFloat32 images(float[] data, int rows) {
        return TFloat32.tensorOf(Shape.of(rows, size, size, 3), DataBuffers.of(data, true, false));
    }

    private static TFloat32 vector(float[] v) {
        return TFloat32.tensorOf(Shape.of(v.length), DataBuffers.of(v, true, false));
    }

    private static float[] read(TFloat32 t, int n) {
        float[] out = new float[n];
        t.copyTo(DataBuffers.of(out, false, false));
        return out;
    }

    private static float[] filled(int n, float v) {
        float[] a = new float[n];
        java.util.Arrays.fill(a, v);
        return a;
    }
}
