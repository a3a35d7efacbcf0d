package org.tumorj.backbone;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.math.Mean;
import org.tensorflow.types.TFloat32;
import org.tumorj.backbone.tfjs.BatchNormFolding;
import org.tumorj.backbone.tfjs.KerasInitializers;
import org.tumorj.backbone.tfjs.ParameterFactory;
import org.tumorj.backbone.tfjs.TfjsGraphBuilder;
import org.tumorj.backbone.tfjs.TfjsLayer;
import org.tumorj.backbone.tfjs.TfjsModel;
import org.tumorj.backbone.tfjs.TfjsWeight;

/**
 * The embedded MobileNetV2 built inside a caller's TensorFlow graph, for fine-tuning: layers named
 * trainable get {@link Variable}s (initialised from the pretrained weights, or at random), all
 * others are constants. Batch normalisation always uses the stored moving statistics (inference
 * mode), the usual choice when fine-tuning on small medical datasets; its gamma and beta train.
 *
 * <p>Call {@link TensorFlowRuntime#ensureLoaded()} before creating the graph.
 *
 * @param features N x H/32 x W/32 x 1280 (ReLU6 output of the last 1x1 convolution)
 * @param embedding N x 1280, the spatial mean of {@code features}
 * @param probabilities N x 5 of nsfwjs' head when requested (valid for 224x224 inputs only), else null
 * @param variables the trainable weights, in layer order
 * @param taps the outputs of {@link #TAPS}, intermediate layers for hypercolumns, by layer name
 */
public record MobileNetGraph(Operand<TFloat32> features, Operand<TFloat32> embedding, Operand<TFloat32> probabilities,
                             List<TrainableWeight> variables, Map<String, Operand<TFloat32>> taps) {

    /**
     * Intermediate layers tapped for hypercolumns: the residual sums ending the stride-4, -8 and
     * -16 stages (24, 32 and 96 channels); with {@code out_relu} (stride 32) they span edges to
     * object parts.
     */
    public static final List<String> TAPS = List.of("block_2_add", "block_5_add", "block_12_add");

    /**
     * One trainable weight.
     *
     * @param name Keras name, {@code layer/weight}
     * @param variable the graph variable (a reference-typed VariableV2)
     * @param initialValue the constant it is initialised from; its initializer is registered with
     *     the graph, so {@code session.initialize()} (or the first run) assigns it
     */
    public record TrainableWeight(String name, Variable<TFloat32> variable, Operand<TFloat32> initialValue) {}

    /** MobileNetV2's blocks from the top: 1 = the 1280-channel 1x1 conv, 2 = + block_16, ... 18 = + the stem. */
    public static final int BLOCKS = 19;

    /** Builds the frozen-or-partly-trainable trunk (no classifier) from the embedded weights. */
    public static MobileNetGraph build(Ops tf, Operand<TFloat32> inputNHWC, Set<String> trainableLayers, boolean randomInit, long seed)
            throws IOException {
        return build(tf, EmbeddedMobileNet.model(), inputNHWC, trainableLayers, randomInit, seed, false);
    }

    /**
     * @param model a MobileNetV2 TF.js model with Keras layer names (the embedded one, usually)
     * @param inputNHWC RGB in [0, 1], height and width multiples of 32
     * @param trainableLayers Keras layer names to make variables (see {@link #topBlockLayers})
     * @param randomInit Keras-style random initial weights for every layer instead of pretrained ones
     * @param seed for the random initial weights
     * @param withClassifier also build nsfwjs' 5-class head
     */
    public static MobileNetGraph build(Ops tf, TfjsModel model, Operand<TFloat32> inputNHWC, Set<String> trainableLayers,
                                       boolean randomInit, long seed, boolean withClassifier) {
        for (String name : trainableLayers) {
            model.layer(name); // fails with the unknown name before anything is built
        }
        // Frozen conv + BN pairs fold into one convolution (faster, same function); trainable ones stay apart.
        TfjsModel graphModel = randomInit ? model : BatchNormFolding.fold(model, trainableLayers);
        List<TrainableWeight> variables = new ArrayList<>();
        ParameterFactory factory = (ops, layer, weight) -> parameter(ops, layer, weight, trainableLayers, randomInit, seed, variables);
        List<String> outputs = new ArrayList<>(TAPS);
        outputs.add(EmbeddedMobileNet.FEATURE_LAYER);
        if (withClassifier) {
            outputs.add(EmbeddedMobileNet.CLASSIFIER_LAYER);
        }
        Map<String, Operand<TFloat32>> out = new TfjsGraphBuilder(graphModel, factory).build(tf, inputNHWC, outputs);
        Operand<TFloat32> features = out.get(EmbeddedMobileNet.FEATURE_LAYER);
        Operand<TFloat32> embedding = tf.withName("embedding").math.mean(features, tf.constant(new int[] {1, 2}), Mean.keepDims(false));
        Map<String, Operand<TFloat32>> taps = new java.util.LinkedHashMap<>();
        TAPS.forEach(name -> taps.put(name, out.get(name)));
        return new MobileNetGraph(features, embedding, out.get(EmbeddedMobileNet.CLASSIFIER_LAYER), List.copyOf(variables),
                taps);
    }

    private static Operand<TFloat32> parameter(Ops tf, TfjsLayer layer, TfjsWeight weight, Set<String> trainable,
                                               boolean randomInit, long seed, List<TrainableWeight> variables) {
        float[] values = randomInit ? KerasInitializers.sample(layer, weight, seed) : weight.values();
        Operand<TFloat32> constant = ParameterFactory.constant(tf, weight.shape(), values);
        if (!trainable.contains(layer.name()) || isMovingStatistic(weight)) {
            return constant;
        }
        Variable<TFloat32> variable = tf.withName(weight.localName()).variable(constant);
        variables.add(new TrainableWeight(weight.name(), variable, constant));
        return variable;
    }

    private static boolean isMovingStatistic(TfjsWeight weight) {
        return weight.localName().startsWith("moving_");
    }

    /**
     * The layer names of the top {@code n} blocks (0 = none, {@link #BLOCKS} = all), for "head plus
     * the top n blocks" fine-tuning. Blocks follow Keras' names: {@code Conv1} stem, {@code expanded_conv},
     * {@code block_1} .. {@code block_16}, then {@code Conv_1}.
     */
    public static Set<String> topBlockLayers(TfjsModel model, int n) {
        if (n < 0 || n > BLOCKS) {
            throw new IllegalArgumentException("top blocks must be 0.." + BLOCKS + ", got " + n);
        }
        Set<String> names = new LinkedHashSet<>();
        for (TfjsLayer layer : model.layers()) {
            int block = blockIndex(layer.name());
            if (block >= 0 && block >= BLOCKS - n) {
                names.add(layer.name());
            }
        }
        return names;
    }

    /** 0 for the stem, 1 for expanded_conv, k+1 for block_k, 18 for Conv_1 and out_relu; -1 for the rest. */
    static int blockIndex(String layer) {
        if (layer.equals("Conv1") || layer.equals("Conv1_pad") || layer.startsWith("bn_Conv1") || layer.startsWith("Conv1_")) {
            return 0;
        }
        if (layer.startsWith("expanded_conv")) {
            return 1;
        }
        if (layer.startsWith("block_")) {
            int end = layer.indexOf('_', 6);
            return Integer.parseInt(layer.substring(6, end < 0 ? layer.length() : end)) + 1;
        }
        if (layer.startsWith("Conv_1") || layer.equals("out_relu")) {
            return BLOCKS - 1;
        }
        return -1;
    }
}
