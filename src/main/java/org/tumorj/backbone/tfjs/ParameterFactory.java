package org.tumorj.backbone.tfjs;

import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Decides how a layer's weight enters the graph: as a constant (frozen inference) or as a
 * variable a trainer updates. {@link TfjsGraphBuilder} asks once per weight.
 */
@FunctionalInterface
public interface ParameterFactory {

    Operand<TFloat32> parameter(Ops tf, TfjsLayer layer, TfjsWeight weight);

    /** Every weight a graph constant: the frozen network. */
    static ParameterFactory constants() {
        return (tf, layer, weight) -> constant(tf, weight.shape(), weight.values());
    }

    static Operand<TFloat32> constant(Ops tf, long[] shape, float[] values) {
        return tf.constant(Shape.of(shape), DataBuffers.of(values, true, false));
    }
}
