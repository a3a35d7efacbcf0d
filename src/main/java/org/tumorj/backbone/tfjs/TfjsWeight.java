package org.tumorj.backbone.tfjs;

import java.util.Arrays;

/**
 * One dequantised weight tensor of a TF.js model, row-major (the layout TensorFlow uses).
 *
 * @param name manifest name, {@code layer/weight} (e.g. {@code Conv1/kernel})
 * @param shape dimensions
 * @param values {@code product(shape)} floats
 */
public record TfjsWeight(String name, long[] shape, float[] values) {
    public TfjsWeight {
        long size = Arrays.stream(shape).reduce(1, Math::multiplyExact);
        if (size != values.length) {
            throw new IllegalArgumentException("weight " + name + " has " + values.length
                    + " values but shape " + Arrays.toString(shape) + " needs " + size);
        }
    }

    /** The part after the last slash: {@code kernel}, {@code gamma}, ... */
    public String localName() {
        return name.substring(name.lastIndexOf('/') + 1);
    }
}
