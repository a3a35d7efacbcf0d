package org.tumorj.backbone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
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

/** The imported graph, run by TF Java directly, against TF.js' outputs for the same inputs. */
class GraphReferenceTest {

    @Test
    void importedGraphMatchesTensorFlowJs() throws Exception {
        TensorFlowRuntime.ensureLoaded();
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            Placeholder<TFloat32> image = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, -1, -1, 3)));
            MobileNetGraph net = MobileNetGraph.build(tf, EmbeddedMobileNet.model(), image, Set.of(), false, 0, true);
            for (ReferenceImages.Case c : ReferenceImages.cases()) {
                FloatTensor in = ReferenceImages.image(c.name());
                try (TFloat32 t = TFloat32.tensorOf(Shape.of(1, 224, 224, 3), DataBuffers.of(in.data(), true, false));
                     Result r = s.runner().feed(image, t).fetch(net.embedding()).fetch(net.probabilities()).run()) {
                    float[] emb = new float[1280];
                    float[] prob = new float[5];
                    r.get(0).asRawTensor().data().asFloats().read(emb);
                    r.get(1).asRawTensor().data().asFloats().read(prob);
                    double cos = ReferenceImages.cosine(emb, c.embedding());
                    System.out.printf("%s: cosine %.7f, max |diff| %.3g, probs max |diff| %.3g%n", c.name(), cos,
                            ReferenceImages.maxAbsDiff(emb, c.embedding()), ReferenceImages.maxAbsDiff(prob, c.probabilities()));
                    assertTrue(cos >= 0.9999, c.name() + " cosine " + cos);
                    assertTrue(ReferenceImages.maxAbsDiff(prob, c.probabilities()) <= 1e-4, c.name() + " probabilities");
                }
            }
            assertEquals(List.copyOf(EmbeddedMobileNet.CLASSES), ReferenceImages.classes());
        }
    }
}
