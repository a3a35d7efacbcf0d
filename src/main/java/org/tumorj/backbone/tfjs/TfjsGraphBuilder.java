package org.tumorj.backbone.tfjs;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Rebuilds a TF.js layers model, or the part of it that some outputs need, as TensorFlow ops in
 * the caller's graph. Layers are emitted in file order (Keras stores them topologically), each
 * under a sub-scope named after the layer, so a graph reads like the Keras summary.
 */
public final class TfjsGraphBuilder {
    private final TfjsModel model;
    private final ParameterFactory parameters;

    public TfjsGraphBuilder(TfjsModel model, ParameterFactory parameters) {
        this.model = model;
        this.parameters = parameters;
    }

    /**
     * @param input NHWC float tensor fed to the model's (single) input layer
     * @param outputs names of the layers whose outputs are wanted
     * @return each requested layer's output, by name
     */
    public Map<String, Operand<TFloat32>> build(Ops tf, Operand<TFloat32> input, List<String> outputs) {
        if (model.inputLayers().size() != 1) {
            throw new IllegalArgumentException("only single-input models are supported; this one has inputs " + model.inputLayers());
        }
        Set<String> needed = ancestors(outputs);
        Map<String, Operand<TFloat32>> values = new LinkedHashMap<>();
        KerasLayers layers = new KerasLayers(model, parameters);
        for (TfjsLayer layer : model.layers()) {
            if (!needed.contains(layer.name())) {
                continue;
            }
            List<Operand<TFloat32>> in = layer.inputs().stream().map(values::get).toList();
            Operand<TFloat32> out = layer.className().equals("InputLayer")
                    ? input : layers.apply(tf.withSubScope(layer.name()), layer, in);
            values.put(layer.name(), out);
        }
        Map<String, Operand<TFloat32>> result = new LinkedHashMap<>();
        outputs.forEach(name -> result.put(name, values.get(name)));
        return result;
    }

    /** The layers the given outputs depend on, themselves included. */
    private Set<String> ancestors(List<String> outputs) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(outputs);
        while (!todo.isEmpty()) {
            String name = todo.pop();
            if (seen.add(name)) {
                todo.addAll(model.layer(name).inputs());
            }
        }
        return seen;
    }
}
