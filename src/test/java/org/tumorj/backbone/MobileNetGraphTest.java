package org.tumorj.backbone;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tumorj.backbone.tfjs.TfjsModel;

/** The graph builder the trainer uses: trainable parts as variables, the rest frozen. */
class MobileNetGraphTest {

    private static float[] embed(Set<String> trainable, boolean randomInit, long seed, FloatTensor img) throws Exception {
        TensorFlowRuntime.ensureLoaded();
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            Placeholder<TFloat32> x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, -1, -1, 3)));
            MobileNetGraph net = MobileNetGraph.build(tf, x, trainable, randomInit, seed);
            s.initialize();
            try (TFloat32 t = TFloat32.tensorOf(Shape.of(img.n(), img.h(), img.w(), 3), DataBuffers.of(img.data(), true, false));
                 Result r = s.runner().feed(x, t).fetch(net.embedding()).run()) {
                float[] v = new float[1280];
                r.get(0).asRawTensor().data().asFloats().read(v);
                return v;
            }
        }
    }

    @Test
    void topBlocksUnfrozenGivesTheSameForwardPassAsFrozen() throws Exception {
        TfjsModel model = EmbeddedMobileNet.model();
        FloatTensor img = ReferenceImages.image("gradient");
        float[] frozen = embed(Set.of(), false, 0, img);
        float[] tunable = embed(MobileNetGraph.topBlockLayers(model, 3), false, 0, img);
        assertArrayEquals(frozen, tunable, 1e-5f);
    }

    @Test
    void trainableLayersBecomeVariablesButMovingStatisticsStayConstant() throws Exception {
        TensorFlowRuntime.ensureLoaded();
        TfjsModel model = EmbeddedMobileNet.model();
        Set<String> top1 = MobileNetGraph.topBlockLayers(model, 1);
        assertEquals(Set.of("Conv_1", "Conv_1_bn", "out_relu"), top1);
        try (Graph g = new Graph()) {
            Ops tf = Ops.create(g);
            MobileNetGraph net = MobileNetGraph.build(tf, tf.placeholder(TFloat32.class), top1, false, 0);
            assertEquals(Set.of("Conv_1/kernel", "Conv_1_bn/gamma", "Conv_1_bn/beta"),
                    Set.copyOf(net.variables().stream().map(MobileNetGraph.TrainableWeight::name).toList()));
        }
    }

    @Test
    void allBlocksCoverEveryWeightedLayer() throws Exception {
        TfjsModel model = EmbeddedMobileNet.model();
        Set<String> all = MobileNetGraph.topBlockLayers(model, MobileNetGraph.BLOCKS);
        model.weights().keySet().stream().map(n -> n.substring(0, n.indexOf('/')))
                .filter(l -> !l.startsWith("dense")).forEach(l -> assertTrue(all.contains(l), l));
        assertTrue(MobileNetGraph.topBlockLayers(model, 0).isEmpty());
    }

    @Test
    void randomInitIsDeterministicPerSeedAndUnlikePretrained() throws Exception {
        FloatTensor img = ReferenceImages.image("checkerboard");
        float[] a = embed(Set.of(), true, 7, img);
        float[] b = embed(Set.of(), true, 7, img);
        float[] pretrained = embed(Set.of(), false, 0, img);
        assertTrue(ReferenceImages.cosine(a, b) > 0.9999, "same seed, same weights"); // up to thread-order rounding
        assertFalse(ReferenceImages.cosine(a, pretrained) > 0.99, "random weights should not reproduce pretrained features");
    }

    @Test
    void unknownLayerNameIsRejected() throws Exception {
        TensorFlowRuntime.ensureLoaded();
        try (Graph g = new Graph()) {
            Ops tf = Ops.create(g);
            assertThrows(IllegalArgumentException.class,
                    () -> MobileNetGraph.build(tf, tf.placeholder(TFloat32.class), Set.of("block_99_project"), false, 0));
        }
    }
}
