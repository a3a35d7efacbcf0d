package org.tumorj.backbone.tfjs;

import java.util.Map;
import java.util.Random;

/**
 * Fresh weights as Keras would initialise them, from the initializer named in the layer's config
 * ({@code kernel_initializer}, {@code gamma_initializer}, ...). Used to build the same network
 * from random initialisation, the baseline that shows what pretraining is worth.
 */
public final class KerasInitializers {
    private KerasInitializers() {}

    /** Keras' config key for a weight's initializer: {@code depthwise_kernel} -> {@code depthwise_initializer}. */
    static String configKey(String localName) {
        return switch (localName) {
            case "depthwise_kernel" -> "depthwise_initializer";
            default -> localName + "_initializer";
        };
    }

    /** Deterministic for a given seed and weight name, whatever order weights are built in. */
    public static float[] sample(TfjsLayer layer, TfjsWeight weight, long seed) {
        Object spec = layer.get(configKey(weight.localName()));
        Random rng = new Random(seed * 31 + weight.name().hashCode());
        if (!(spec instanceof Map<?, ?> m)) {
            return defaultFor(weight, rng);
        }
        String kind = String.valueOf(m.get("class_name"));
        Map<?, ?> cfg = m.get("config") instanceof Map<?, ?> c ? c : Map.of();
        int n = weight.values().length;
        return switch (kind) {
            case "Zeros", "zeros" -> new float[n];
            case "Ones", "ones" -> filled(n, 1f);
            case "Constant" -> filled(n, ((Number) cfg.get("value")).floatValue());
            case "GlorotUniform", "glorot_uniform" -> varianceScaling(weight.shape(), 1, "fan_avg", "uniform", rng);
            case "GlorotNormal", "glorot_normal" -> varianceScaling(weight.shape(), 1, "fan_avg", "truncated_normal", rng);
            case "HeNormal", "he_normal" -> varianceScaling(weight.shape(), 2, "fan_in", "truncated_normal", rng);
            case "HeUniform", "he_uniform" -> varianceScaling(weight.shape(), 2, "fan_in", "uniform", rng);
            case "VarianceScaling" -> varianceScaling(weight.shape(), number(cfg, "scale", 1),
                    String.valueOf(cfg.get("mode")), String.valueOf(cfg.get("distribution")), rng);
            case "RandomNormal" -> normal(n, number(cfg, "mean", 0), number(cfg, "stddev", 0.05), rng);
            case "RandomUniform" -> uniform(n, number(cfg, "minval", -0.05), number(cfg, "maxval", 0.05), rng);
            default -> throw new IllegalArgumentException(layer + ": initializer '" + kind + "' is not supported");
        };
    }

    private static float[] defaultFor(TfjsWeight weight, Random rng) {
        return switch (weight.localName()) {
            case "gamma", "moving_variance" -> filled(weight.values().length, 1f);
            case "kernel", "depthwise_kernel" -> varianceScaling(weight.shape(), 1, "fan_avg", "uniform", rng);
            default -> new float[weight.values().length];
        };
    }

    /** Keras' VarianceScaling: variance {@code scale / fan} with fans from a (kh, kw, in, out) kernel. */
    static float[] varianceScaling(long[] shape, double scale, String mode, String distribution, Random rng) {
        double receptive = 1;
        for (int i = 0; i < shape.length - 2; i++) {
            receptive *= shape[i];
        }
        double fanIn = shape.length >= 2 ? shape[shape.length - 2] * receptive : shape[0];
        double fanOut = shape.length >= 2 ? shape[shape.length - 1] * receptive : shape[0];
        double fan = switch (mode) {
            case "fan_in" -> fanIn;
            case "fan_out" -> fanOut;
            default -> (fanIn + fanOut) / 2;
        };
        double variance = scale / Math.max(1, fan);
        int n = (int) java.util.Arrays.stream(shape).reduce(1, Math::multiplyExact);
        if (distribution.equals("uniform")) {
            double limit = Math.sqrt(3 * variance);
            return uniform(n, -limit, limit, rng);
        }
        // Keras' "normal" is a normal truncated at two standard deviations, rescaled to keep the variance.
        return truncatedNormal(n, Math.sqrt(variance) / 0.87962566103423978, rng);
    }

    private static float[] truncatedNormal(int n, double stddev, Random rng) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            double g;
            do {
                g = rng.nextGaussian();
            } while (Math.abs(g) > 2);
            v[i] = (float) (g * stddev);
        }
        return v;
    }

    private static float[] normal(int n, double mean, double stddev, Random rng) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (mean + stddev * rng.nextGaussian());
        }
        return v;
    }

    private static float[] uniform(int n, double lo, double hi, Random rng) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (lo + (hi - lo) * rng.nextDouble());
        }
        return v;
    }

    private static float[] filled(int n, float value) {
        float[] v = new float[n];
        java.util.Arrays.fill(v, value);
        return v;
    }

    private static double number(Map<?, ?> cfg, String key, double fallback) {
        return cfg.get(key) instanceof Number x ? x.doubleValue() : fallback;
    }
}
