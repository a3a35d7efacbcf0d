package org.tumorj.backbone.tfjs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Folds inference-mode batch normalisation into the convolution before it, for frozen graphs:
 * {@code bn(conv(x, k) + b) = conv(x, k * s) + (b - mean) * s + beta} with
 * {@code s = gamma / sqrt(var + eps)} per output channel. TensorFlow then fuses the remaining
 * Conv2D + BiasAdd + ReLU6 into one kernel, which saves two passes over every activation.
 * The folded BN layer stays in the topology as an identity so that layer names keep working.
 */
public final class BatchNormFolding {
    private BatchNormFolding() {}

    public static TfjsModel fold(TfjsModel model) {
        Map<String, Integer> consumers = new HashMap<>();
        model.layers().forEach(l -> l.inputs().forEach(in -> consumers.merge(in, 1, Integer::sum)));
        Map<String, TfjsWeight> weights = new LinkedHashMap<>(model.weights());
        Map<String, TfjsLayer> replaced = new HashMap<>();
        for (TfjsLayer bn : model.layers()) {
            if (!bn.className().equals("BatchNormalization") || bn.inputs().size() != 1) {
                continue;
            }
            TfjsLayer conv = replaced.getOrDefault(bn.inputs().get(0), model.layer(bn.inputs().get(0)));
            boolean foldable = (conv.className().equals("Conv2D") || conv.className().equals("DepthwiseConv2D"))
                    && conv.string("activation", "linear").equals("linear") && consumers.get(conv.name()) == 1;
            if (foldable) {
                foldInto(model, conv, bn, weights);
                Map<String, Object> convConfig = new LinkedHashMap<>(conv.config());
                convConfig.put("use_bias", Boolean.TRUE);
                replaced.put(conv.name(), new TfjsLayer(conv.name(), conv.className(), convConfig, conv.inputs()));
                Map<String, Object> identity = new LinkedHashMap<>();
                identity.put("name", bn.name());
                identity.put("activation", "linear");
                replaced.put(bn.name(), new TfjsLayer(bn.name(), "Activation", identity, bn.inputs()));
            }
        }
        List<TfjsLayer> layers = new ArrayList<>();
        model.layers().forEach(l -> layers.add(replaced.getOrDefault(l.name(), l)));
        return new TfjsModel(layers, model.inputLayers(), model.outputLayers(), weights);
    }

    private static void foldInto(TfjsModel model, TfjsLayer conv, TfjsLayer bn, Map<String, TfjsWeight> weights) {
        String kernelName = conv.className().equals("Conv2D") ? "kernel" : "depthwise_kernel";
        TfjsWeight kernel = model.weight(conv, kernelName);
        float[] mean = values(model, bn, "moving_mean", 0f, kernel);
        float[] var = values(model, bn, "moving_variance", 1f, kernel);
        float[] gamma = bn.flag("scale", true) ? values(model, bn, "gamma", 1f, kernel) : filled(mean.length, 1f);
        float[] beta = bn.flag("center", true) ? values(model, bn, "beta", 0f, kernel) : new float[mean.length];
        TfjsWeight oldBias = conv.flag("use_bias", true) ? model.weight(conv, "bias") : null;
        double eps = bn.number("epsilon", 1e-3);
        int channels = mean.length;
        float[] k = kernel.values().clone();
        float[] bias = new float[channels];
        double[] scale = new double[channels];
        for (int c = 0; c < channels; c++) {
            scale[c] = gamma[c] / Math.sqrt(var[c] + eps);
            double b = oldBias == null ? 0 : oldBias.values()[c];
            bias[c] = (float) ((b - mean[c]) * scale[c] + beta[c]);
        }
        // Output channels are the innermost axis in both kernel layouts (depthwise: in * multiplier).
        for (int i = 0; i < k.length; i++) {
            k[i] = (float) (k[i] * scale[i % channels]);
        }
        weights.put(kernel.name(), new TfjsWeight(kernel.name(), kernel.shape(), k));
        String biasName = conv.name() + "/bias";
        weights.put(biasName, new TfjsWeight(biasName, new long[] {channels}, bias));
    }

    private static float[] values(TfjsModel model, TfjsLayer bn, String name, float fallback, TfjsWeight kernel) {
        TfjsWeight w = model.weight(bn, name);
        if (w == null) {
            throw new IllegalArgumentException(bn + ": weight '" + name + "' is missing; cannot fold it into " + kernel.name());
        }
        return w.values();
    }

    private static float[] filled(int n, float v) {
        float[] a = new float[n];
        java.util.Arrays.fill(a, v);
        return a;
    }
}
