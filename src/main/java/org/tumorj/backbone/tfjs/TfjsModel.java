package org.tumorj.backbone.tfjs;

import java.util.List;
import java.util.Map;

/**
 * A TF.js layers model read into memory: the Keras functional topology and its float weights.
 *
 * @param layers in the file's (topological) order
 * @param inputLayers names of the model's input layers
 * @param outputLayers names of the model's output layers
 * @param weights by manifest name ({@code layer/weight})
 */
public record TfjsModel(List<TfjsLayer> layers, List<String> inputLayers, List<String> outputLayers,
                        Map<String, TfjsWeight> weights) {

    public TfjsLayer layer(String name) {
        return layers.stream().filter(l -> l.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the model has no layer named '" + name + "'"));
    }

    /** The named weight of a layer, e.g. {@code weight(conv, "kernel")}; null when the layer has none. */
    public TfjsWeight weight(TfjsLayer layer, String localName) {
        return weights.get(layer.name() + "/" + localName);
    }

    public long parameterCount() {
        return weights.values().stream().mapToLong(w -> w.values().length).sum();
    }
}
