package org.tumorj.train;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Operation;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tumorj.backbone.EmbeddedMobileNet;
import org.tumorj.backbone.TensorFlowRuntime;
import org.tumorj.backbone.tfjs.KerasInitializers;
import org.tumorj.backbone.tfjs.ParameterFactory;
import org.tumorj.backbone.tfjs.TfjsGraphBuilder;
import org.tumorj.backbone.tfjs.TfjsLayer;
import org.tumorj.backbone.tfjs.TfjsModel;
import org.tumorj.backbone.tfjs.TfjsWeight;

/**
 * The starting point of {@link TrainingMode#FROM_SCRATCH}: Keras-style random weights, with
 * every batch normalisation's moving mean and variance measured on the training patches.
 *
 * <p>Why: batch normalisation stays in inference mode while training. With fresh statistics
 * (mean 0, variance 1) a random MobileNetV2 does not normalise at all, and its activations shrink
 * block after block: on 64-pixel patches the pooled embedding is about 1e-12, so the head sees
 * no signal and the gradients vanish. One forward pass over a calibration batch in which each
 * batch normalisation uses the batch's own moments, as in Keras training mode, gives the
 * statistics a trained network would have started with.
 */
final class ScratchInitialization {
    private ScratchInitialization() {}

    /** The random model (seeded) with statistics from {@code images} ({@code n x size x size x 3}). */
    static TfjsModel calibrated(TfjsModel base, long seed, float[] images, int n, int size) {
        TensorFlowRuntime.ensureLoaded();
        Map<String, TfjsWeight> weights = new LinkedHashMap<>();
        for (TfjsWeight w : base.weights().values()) {
            TfjsLayer layer = base.layer(w.name().substring(0, w.name().lastIndexOf('/')));
            weights.put(w.name(), new TfjsWeight(w.name(), w.shape(), KerasInitializers.sample(layer, w, seed)));
        }
        TfjsModel random = new TfjsModel(base.layers(), base.inputLayers(), base.outputLayers(), weights);
        measureStatistics(random, images, n, size, weights);
        return new TfjsModel(base.layers(), base.inputLayers(), base.outputLayers(), weights);
    }

    private static void measureStatistics(TfjsModel model, float[] images, int n, int size, Map<String, TfjsWeight> weights) {
        // One thread: the reductions then add up in the same order every run (reproducible seeds).
        try (Graph graph = new Graph(); Session session = new Session(graph, TensorFlowRuntime.deterministicConfig())) {
            Ops tf = Ops.create(graph);
            Operand<TFloat32> input = tf.constant(Shape.of(n, size, size, 3), DataBuffers.of(images, true, false));
            List<String> names = new ArrayList<>();
            List<Operand<TFloat32>> moments = new ArrayList<>();
            Map<String, Operand<TFloat32>[]> perLayer = new HashMap<>();
            ParameterFactory factory = (ops, layer, weight) -> {
                boolean statistic = weight.localName().equals("moving_mean") || weight.localName().equals("moving_variance");
                if (!statistic) {
                    return ParameterFactory.constant(ops, weight.shape(), weight.values());
                }
                Operand<TFloat32>[] mv = perLayer.computeIfAbsent(layer.name(), k -> batchMoments(graph, tf, layer));
                Operand<TFloat32> value = weight.localName().equals("moving_mean") ? mv[0] : mv[1];
                names.add(weight.name());
                moments.add(value);
                return value;
            };
            new TfjsGraphBuilder(model, factory).build(tf, input, List.of(EmbeddedMobileNet.FEATURE_LAYER));
            var runner = session.runner();
            moments.forEach(runner::fetch);
            try (Result r = runner.run()) {
                for (int i = 0; i < names.size(); i++) {
                    TfjsWeight old = weights.get(names.get(i));
                    float[] v = new float[old.values().length];
                    ((TFloat32) r.get(i)).copyTo(DataBuffers.of(v, false, false));
                    weights.put(old.name(), new TfjsWeight(old.name(), old.shape(), v));
                }
            }
        }
    }

    /** Mean and variance over batch, rows and columns of the batch normalisation's input. */
    @SuppressWarnings("unchecked")
    private static Operand<TFloat32>[] batchMoments(Graph graph, Ops tf, TfjsLayer bn) {
        Operand<TFloat32> x = inputOf(graph, bn);
        Operand<org.tensorflow.types.TInt32> axes = tf.constant(new int[] {0, 1, 2});
        Operand<TFloat32> mean = tf.math.mean(x, axes);
        Operand<TFloat32> variance = tf.math.mean(tf.math.squaredDifference(x, mean), axes);
        return new Operand[] {mean, variance};
    }

    /** In MobileNetV2 every batch normalisation follows a linear convolution (no bias): its output. */
    private static Operand<TFloat32> inputOf(Graph graph, TfjsLayer bn) {
        String prefix = bn.inputs().get(0) + "/";
        Operation found = null;
        for (var it = graph.operations(); it.hasNext(); ) {
            Operation o = (Operation) it.next();
            boolean conv = o.type().equals("Conv2D") || o.type().equals("DepthwiseConv2dNative") || o.type().equals("BiasAdd");
            if (conv && o.name().startsWith(prefix) && (found == null || o.type().equals("BiasAdd"))) {
                found = o;
            }
        }
        if (found == null) {
            throw new IllegalStateException(bn.name() + ": its input " + bn.inputs().get(0) + " is not a convolution;"
                    + " cannot measure batch-normalisation statistics for training from scratch");
        }
        return found.output(0);
    }
}
