package org.tumorj.backbone.tfjs;

import java.util.List;
import java.util.Map;

/**
 * One Keras layer of a TF.js layers model.
 *
 * @param name unique layer name
 * @param className Keras class, e.g. {@code Conv2D}
 * @param config the layer's Keras config as parsed from JSON
 * @param inputs names of the layers feeding this one, in order
 */
public record TfjsLayer(String name, String className, Map<String, Object> config, List<String> inputs) {

    public Object get(String key) {
        return config.get(key);
    }

    public String string(String key, String fallback) {
        Object v = config.get(key);
        return v == null ? fallback : v.toString();
    }

    public double number(String key, double fallback) {
        Object v = config.get(key);
        return v instanceof Number n ? n.doubleValue() : fallback;
    }

    /** True unless the config says {@code false}: Keras' default for use_bias, center, scale. */
    public boolean flag(String key, boolean fallback) {
        Object v = config.get(key);
        return v instanceof Boolean b ? b : fallback;
    }

    /** A pair such as kernel_size or strides, given either as {@code [a, b]} or as one number. */
    public long[] pair(String key, long fallback) {
        Object v = config.get(key);
        if (v == null) {
            return new long[] {fallback, fallback};
        }
        if (v instanceof Number n) {
            return new long[] {n.longValue(), n.longValue()};
        }
        List<?> list = (List<?>) v;
        return new long[] {((Number) list.get(0)).longValue(), ((Number) list.get(1)).longValue()};
    }

    @Override
    public String toString() {
        return className + " '" + name + "'";
    }
}
