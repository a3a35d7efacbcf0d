package org.tumorj.backbone;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * Started by {@link IsolatedTensorFlowTest} in a fresh JVM whose class path has a fake
 * TensorFlow 1.x {@code org.tensorflow.Graph} before TumorJ, as Fiji with CSBDeep would.
 * Prints whether the flat class path sees the fake, then an embedding computed by the backbone that
 * {@link Backbones#openDefault(Path)} opened in isolation.
 */
public final class IsolationDemo {
    private IsolationDemo() {}

    public static void main(String[] args) throws Exception {
        Class<?> graph = Class.forName("org.tensorflow.Graph");
        System.out.println("parent Graph has toGraphDef: " + Arrays.stream(graph.getMethods()).anyMatch(m -> m.getName().equals("toGraphDef")));
        // As Fiji would: everything on one class path, the TensorFlow 1.x jar first; Backbones isolates itself.
        try (Backbone backbone = Backbones.openDefault(Path.of(args[0]))) {
            float[] e = backbone.embed(ReferenceImages.image("gradient"))[0];
            System.out.println("embedding length " + e.length + " from " + backbone.getClass().getClassLoader().getClass().getSimpleName());
            System.out.println("cosine to reference " + ReferenceImagesAccess.cosineToReference("gradient", e));
        }
    }
}
