package org.tumorj.backbone.tfjs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns a Keras model config (functional {@code Model} or {@code Sequential}, as TF.js stores it
 * under {@code modelTopology}) into {@link TfjsLayer}s with their input names.
 */
final class TfjsTopology {
    private final String modelName;

    TfjsTopology(String modelName) {
        this.modelName = modelName;
    }

    TfjsModel model(Map<String, Object> topology, Map<String, TfjsWeight> weights) {
        // Keras 2 exports nest the model under model_config; TF.js converters may not.
        Map<String, Object> model = topology.containsKey("model_config")
                ? TfjsReader.asMap(topology.get("model_config"), modelName) : topology;
        String kind = String.valueOf(model.get("class_name"));
        Object config = model.get("config");
        return switch (kind) {
            case "Model", "Functional" -> functional(TfjsReader.asMap(config, modelName), weights);
            case "Sequential" -> sequential(config, weights);
            default -> throw new IllegalArgumentException(modelName + ": model class '" + kind + "' is not supported (Model, Functional, Sequential are)");
        };
    }

    private TfjsModel functional(Map<String, Object> config, Map<String, TfjsWeight> weights) {
        List<TfjsLayer> layers = new ArrayList<>();
        for (Object o : TfjsReader.asList(config.get("layers"))) {
            Map<String, Object> l = TfjsReader.asMap(o, modelName);
            layers.add(new TfjsLayer((String) l.get("name"), (String) l.get("class_name"),
                    TfjsReader.asMap(l.get("config"), modelName), inboundNames(l)));
        }
        return new TfjsModel(layers, endpointNames(config.get("input_layers")), endpointNames(config.get("output_layers")), weights);
    }

    /** Keras 2 form: {@code [[["conv", 0, 0, {}], ["other", 0, 0, {}]]]}, one node per call. */
    private List<String> inboundNames(Map<String, Object> layer) {
        List<Object> nodes = TfjsReader.asList(layer.get("inbound_nodes"));
        if (nodes.size() > 1) {
            throw new IllegalArgumentException(modelName + ": layer '" + layer.get("name") + "' is called more than once (shared layers are not supported)");
        }
        List<String> names = new ArrayList<>();
        for (Object node : nodes) {
            for (Object edge : TfjsReader.asList(node)) {
                names.add(String.valueOf(TfjsReader.asList(edge).get(0)));
            }
        }
        return names;
    }

    private static List<String> endpointNames(Object endpoints) {
        return TfjsReader.asList(endpoints).stream().map(e -> String.valueOf(TfjsReader.asList(e).get(0))).toList();
    }

    private TfjsModel sequential(Object config, Map<String, TfjsWeight> weights) {
        List<Object> specs = config instanceof List<?> ? TfjsReader.asList(config)
                : TfjsReader.asList(TfjsReader.asMap(config, modelName).get("layers"));
        List<TfjsLayer> layers = new ArrayList<>();
        String previous = "input";
        layers.add(new TfjsLayer(previous, "InputLayer", Map.of(), List.of()));
        for (Object o : specs) {
            Map<String, Object> l = TfjsReader.asMap(o, modelName);
            Map<String, Object> c = TfjsReader.asMap(l.get("config"), modelName);
            String name = String.valueOf(c.get("name"));
            layers.add(new TfjsLayer(name, (String) l.get("class_name"), c, List.of(previous)));
            previous = name;
        }
        return new TfjsModel(layers, List.of("input"), List.of(previous), weights);
    }
}
