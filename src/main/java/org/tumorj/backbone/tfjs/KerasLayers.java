package org.tumorj.backbone.tfjs;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.math.Mean;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Keras layer semantics (channels-last, inference mode) as TensorFlow ops. Each method takes the
 * layer's inputs and returns its output; weights come from the {@link ParameterFactory}.
 */
final class KerasLayers {
    private final TfjsModel model;
    private final ParameterFactory parameters;

    KerasLayers(TfjsModel model, ParameterFactory parameters) {
        this.model = model;
        this.parameters = parameters;
    }

    Operand<TFloat32> apply(Ops tf, TfjsLayer layer, List<Operand<TFloat32>> in) {
        String format = layer.string("data_format", "channels_last");
        if (!format.equals("channels_last")) {
            throw unsupported(layer, "data_format " + format);
        }
        return switch (layer.className()) {
            case "Conv2D" -> conv2d(tf, layer, in.get(0));
            case "DepthwiseConv2D" -> depthwiseConv2d(tf, layer, in.get(0));
            case "BatchNormalization" -> batchNorm(tf, layer, in.get(0));
            case "ReLU" -> relu(tf, layer, in.get(0));
            case "Activation" -> tf.identity(activation(tf, layer, layer.string("activation", "linear"), in.get(0)));
            case "ZeroPadding2D" -> zeroPad(tf, layer, in.get(0));
            case "Add" -> tf.math.addN(in);
            case "GlobalAveragePooling2D" -> tf.math.mean(in.get(0), tf.constant(new int[] {1, 2}), Mean.keepDims(false));
            case "AveragePooling2D", "MaxPooling2D" -> pool(tf, layer, in.get(0));
            case "Flatten" -> flatten(tf, in.get(0));
            case "Dense" -> dense(tf, layer, in.get(0));
            // Identity at inference; an op of its own so the layer has an output to fetch (grappler drops it).
            case "Dropout", "SpatialDropout2D", "GaussianDropout", "GaussianNoise" -> tf.identity(in.get(0));
            default -> throw unsupported(layer, "this layer type");
        };
    }

    private Operand<TFloat32> conv2d(Ops tf, TfjsLayer layer, Operand<TFloat32> x) {
        long[] s = layer.pair("strides", 1);
        Operand<TFloat32> y = tf.nn.conv2d(x, param(tf, layer, "kernel"), List.of(1L, s[0], s[1], 1L), padding(layer),
                org.tensorflow.op.nn.Conv2d.dilations(dilations(layer)));
        return activation(tf, layer, layer.string("activation", "linear"), bias(tf, layer, y));
    }

    private Operand<TFloat32> depthwiseConv2d(Ops tf, TfjsLayer layer, Operand<TFloat32> x) {
        long[] s = layer.pair("strides", 1);
        Operand<TFloat32> y = tf.nn.depthwiseConv2dNative(x, param(tf, layer, "depthwise_kernel"), List.of(1L, s[0], s[1], 1L),
                padding(layer), org.tensorflow.op.nn.DepthwiseConv2dNative.dilations(dilations(layer)));
        return activation(tf, layer, layer.string("activation", "linear"), bias(tf, layer, y));
    }

    private static List<Long> dilations(TfjsLayer layer) {
        long[] d = layer.pair("dilation_rate", 1);
        return List.of(1L, d[0], d[1], 1L);
    }

    private static String padding(TfjsLayer layer) {
        String p = layer.string("padding", "valid");
        return switch (p) {
            case "valid" -> "VALID";
            case "same" -> "SAME";
            default -> throw unsupported(layer, "padding '" + p + "'");
        };
    }

    private Operand<TFloat32> bias(Ops tf, TfjsLayer layer, Operand<TFloat32> y) {
        return layer.flag("use_bias", true) ? tf.nn.biasAdd(y, param(tf, layer, "bias")) : y;
    }

    /**
     * Inference-mode batch normalisation with the moving statistics:
     * y = (x - mean) * gamma / sqrt(var + eps) + beta, written as x * s + (beta - mean * s).
     */
    private Operand<TFloat32> batchNorm(Ops tf, TfjsLayer layer, Operand<TFloat32> x) {
        Object axis = layer.get("axis");
        if (axis instanceof Number n && n.intValue() != -1 && n.intValue() != 3) {
            throw unsupported(layer, "axis " + axis + " (only the channel axis)");
        }
        Operand<TFloat32> variance = param(tf, layer, "moving_variance");
        Operand<TFloat32> s = tf.math.rsqrt(tf.math.add(variance, tf.constant((float) layer.number("epsilon", 1e-3))));
        if (layer.flag("scale", true)) {
            s = tf.math.mul(s, param(tf, layer, "gamma"));
        }
        Operand<TFloat32> shift = tf.math.neg(tf.math.mul(param(tf, layer, "moving_mean"), s));
        if (layer.flag("center", true)) {
            shift = tf.math.add(shift, param(tf, layer, "beta"));
        }
        return tf.nn.biasAdd(tf.math.mul(x, s), shift);
    }

    private Operand<TFloat32> relu(Ops tf, TfjsLayer layer, Operand<TFloat32> x) {
        if (layer.number("negative_slope", 0) != 0 || layer.number("threshold", 0) != 0) {
            throw unsupported(layer, "a ReLU with negative_slope or threshold");
        }
        Object max = layer.get("max_value");
        if (max == null) {
            return tf.nn.relu(x);
        }
        double m = ((Number) max).doubleValue();
        return m == 6.0 ? tf.nn.relu6(x) : tf.math.minimum(tf.nn.relu(x), tf.constant((float) m));
    }

    private static Operand<TFloat32> activation(Ops tf, TfjsLayer layer, String name, Operand<TFloat32> x) {
        return switch (name) {
            case "linear" -> x;
            case "relu" -> tf.nn.relu(x);
            case "relu6" -> tf.nn.relu6(x);
            case "sigmoid" -> tf.math.sigmoid(x);
            case "tanh" -> tf.math.tanh(x);
            case "softmax" -> tf.nn.softmax(x);
            default -> throw unsupported(layer, "activation '" + name + "'");
        };
    }

    /** Keras padding: one number, [rows, cols] symmetric, or [[top, bottom], [left, right]]. */
    private static Operand<TFloat32> zeroPad(Ops tf, TfjsLayer layer, Operand<TFloat32> x) {
        int[][] p = new int[4][2];
        Object spec = layer.get("padding");
        if (spec instanceof Number n) {
            p[1] = new int[] {n.intValue(), n.intValue()};
            p[2] = p[1];
        } else {
            List<?> l = (List<?>) spec;
            p[1] = side(l.get(0));
            p[2] = side(l.get(1));
        }
        return tf.pad(x, tf.constant(p), tf.constant(0f));
    }

    private static int[] side(Object o) {
        if (o instanceof Number n) {
            return new int[] {n.intValue(), n.intValue()};
        }
        List<?> l = (List<?>) o;
        return new int[] {((Number) l.get(0)).intValue(), ((Number) l.get(1)).intValue()};
    }

    private static Operand<TFloat32> pool(Ops tf, TfjsLayer layer, Operand<TFloat32> x) {
        long[] k = layer.pair("pool_size", 2);
        Object stridesSpec = layer.get("strides");
        long[] s = stridesSpec == null ? k : layer.pair("strides", 1);
        String pad = padding(layer);
        if (layer.className().equals("AveragePooling2D")) {
            return tf.nn.avgPool(x, List.of(1L, k[0], k[1], 1L), List.of(1L, s[0], s[1], 1L), pad);
        }
        return tf.nn.maxPool(x, tf.constant(new int[] {1, (int) k[0], (int) k[1], 1}),
                tf.constant(new int[] {1, (int) s[0], (int) s[1], 1}), pad);
    }

    /** Batch kept, everything else in one row; dynamic so spatially flexible graphs still build. */
    private static Operand<TFloat32> flatten(Ops tf, Operand<TFloat32> x) {
        Operand<TInt32> batch = tf.slice(tf.shape(x), tf.constant(new int[] {0}), tf.constant(new int[] {1}));
        Operand<TInt32> shape = tf.concat(List.of(batch, tf.constant(new int[] {-1})), tf.constant(0));
        return tf.reshape(x, shape);
    }

    private Operand<TFloat32> dense(Ops tf, TfjsLayer layer, Operand<TFloat32> x) {
        Operand<TFloat32> y = tf.linalg.matMul(x, param(tf, layer, "kernel"));
        return activation(tf, layer, layer.string("activation", "linear"), bias(tf, layer, y));
    }

    private Operand<TFloat32> param(Ops tf, TfjsLayer layer, String localName) {
        TfjsWeight w = model.weight(layer, localName);
        if (w == null) {
            throw new IllegalArgumentException(layer + ": weight '" + localName + "' is missing from the weight manifest");
        }
        return parameters.parameter(tf, layer, w);
    }

    private static IllegalArgumentException unsupported(TfjsLayer layer, String what) {
        return new IllegalArgumentException(layer + ": " + what + " is not supported by TumorJ's TF.js importer");
    }

}
