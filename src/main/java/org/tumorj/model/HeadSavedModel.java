package org.tumorj.model;

import org.tumorj.backbone.TensorFlowRuntime;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * Exports the head as a TensorFlow SavedModel: two 1x1 convolutions over an
 * N x h x w x C feature map, giving calibrated probabilities N x h x w x 1. DJL's TensorFlow
 * engine loads it like any SavedModel (see {@link TensorFlowHead}).
 *
 * <p>The graph is built fresh, with the weights frozen as constants: a graph loaded from an
 * existing SavedModel keeps that model's saver, so variables added to it would silently not be
 * saved. With no variables there is nothing a saver can miss; the {@code variables/} folder of
 * the export is empty.
 */
public final class HeadSavedModel {
    public static final String TAG = SavedModelBundle.DEFAULT_TAG;
    public static final String SIGNATURE = "serving_default";
    public static final String INPUT = "features";
    public static final String OUTPUT = "probabilities";
    private static final List<Long> UNIT_STRIDES = List.of(1L, 1L, 1L, 1L);

    private HeadSavedModel() {}

    /** Writes the SavedModel into {@code dir}, which must not exist yet. */
    public static void export(HeadWeights weights, double temperature, Path dir) throws IOException {
        TensorFlowRuntime.ensureLoaded();
        try (Graph graph = new Graph()) {
            Ops tf = Ops.create(graph);
            Placeholder<TFloat32> features = tf.withName(INPUT).placeholder(TFloat32.class,
                    Placeholder.shape(Shape.of(-1, -1, -1, weights.featureChannels())));
            Operand<TFloat32> probabilities = tf.withName(OUTPUT).math.sigmoid(logits(tf, features, weights, temperature));
            try (Session session = new Session(graph)) {
                SavedModelBundle.exporter(dir.toString())
                        .withTags(TAG)
                        .withSession(session)
                        .withSignature(Signature.builder().key(SIGNATURE)
                                .input(INPUT, features).output(OUTPUT, probabilities).build())
                        .export();
            }
        }
    }

    private static Operand<TFloat32> logits(Ops tf, Operand<TFloat32> x, HeadWeights w, double temperature) {
        int c = w.featureChannels();
        int h = w.hiddenUnits();
        Operand<TFloat32> k1 = tf.constant(Shape.of(1, 1, c, h), DataBuffers.of(w.kernel1(), true, false));
        Operand<TFloat32> k2 = tf.constant(Shape.of(1, 1, h, 1), DataBuffers.of(w.kernel2(), true, false));
        Operand<TFloat32> hidden = tf.nn.relu(tf.nn.biasAdd(tf.nn.conv2d(x, k1, UNIT_STRIDES, "VALID"), tf.constant(w.bias1())));
        Operand<TFloat32> logit = tf.nn.biasAdd(tf.nn.conv2d(hidden, k2, UNIT_STRIDES, "VALID"),
                tf.constant(new float[] {w.bias2()}));
        return tf.math.div(logit, tf.constant((float) temperature));
    }
}
