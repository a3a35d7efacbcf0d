package org.tumorj.backbone.tfjs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tumorj.backbone.TensorFlowRuntime;

/** One-layer TF.js models written as JSON + float32 shard, read back and run, for layer tests. */
final class TinyModels {
    private TinyModels() {}

    /** A named float32 weight of the layer under test. */
    record W(String name, long[] shape, float[] values) {}

    /** Output values and shape of running the model on one input. */
    record Out(float[] values, long[] shape) {}

    /**
     * @param className Keras class of the layer under test, named "layer"
     * @param config its config as JSON (without the name)
     * @param inputs how many times the layer takes the input (2 for Add)
     */
    static TfjsModel model(String className, String config, int inputs, W... weights) throws IOException {
        String inbound = String.join(",", java.util.Collections.nCopies(inputs, "[\"in\",0,0,{}]"));
        String cfg = config.isEmpty() ? "{\"name\":\"layer\"}" : "{\"name\":\"layer\"," + config + "}";
        StringBuilder specs = new StringBuilder();
        List<float[]> data = new ArrayList<>();
        for (W w : weights) {
            specs.append(specs.length() == 0 ? "" : ",").append("{\"name\":\"layer/").append(w.name()).append("\",\"shape\":")
                    .append(java.util.Arrays.toString(w.shape())).append(",\"dtype\":\"float32\"}");
            data.add(w.values());
        }
        String json = "{\"modelTopology\":{\"model_config\":{\"class_name\":\"Model\",\"config\":{\"layers\":["
                + "{\"name\":\"in\",\"class_name\":\"InputLayer\",\"config\":{\"name\":\"in\"},\"inbound_nodes\":[]},"
                + "{\"name\":\"layer\",\"class_name\":\"" + className + "\",\"config\":" + cfg + ",\"inbound_nodes\":[[" + inbound + "]]}],"
                + "\"input_layers\":[[\"in\",0,0]],\"output_layers\":[[\"layer\",0,0]]}}},"
                + "\"weightsManifest\":[{\"paths\":[\"w.bin\"],\"weights\":[" + specs + "]}]}";
        int n = data.stream().mapToInt(a -> a.length).sum();
        ByteBuffer bin = ByteBuffer.allocate(4 * n).order(ByteOrder.LITTLE_ENDIAN);
        int pos = 0;
        for (float[] a : data) {
            for (float v : a) {
                bin.putFloat(4 * pos++, v);
            }
        }
        return TfjsReader.read(json.getBytes(StandardCharsets.UTF_8), "tiny.json", p -> p.equals("w.bin") ? bin.array() : null);
    }

    static Out run(TfjsModel model, float[] input, long... shape) {
        TensorFlowRuntime.ensureLoaded();
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            Placeholder<TFloat32> x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(shape)));
            var y = new TfjsGraphBuilder(model, ParameterFactory.constants()).build(tf, x, List.of("layer")).get("layer");
            try (TFloat32 t = TFloat32.tensorOf(Shape.of(shape), DataBuffers.of(input, true, false));
                 Result r = s.runner().feed(x, t).fetch(y).run()) {
                long[] outShape = r.get(0).shape().asArray();
                float[] v = new float[(int) r.get(0).shape().size()];
                r.get(0).asRawTensor().data().asFloats().read(v);
                return new Out(v, outShape);
            }
        }
    }

    static long[] s(long... dims) {
        return dims;
    }

}
