package org.tumorj.backbone;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Started by {@link IsolatedTensorFlowTest} in a fresh JVM whose class path has a fake
 * TensorFlow 1.x {@code org.tensorflow.Graph} before TumorJ, as Fiji with CSBDeep would.
 * Prints whether the shared loader sees the fake, then an embedding length computed in isolation.
 */
public final class IsolationDemo {
    private IsolationDemo() {}

    public static void main(String[] args) throws Exception {
        Class<?> graph = Class.forName("org.tensorflow.Graph");
        System.out.println("parent Graph has toGraphDef: " + Arrays.stream(graph.getMethods()).anyMatch(m -> m.getName().equals("toGraphDef")));
        List<Path> isolated = Arrays.stream(args).map(Path::of).toList();
        try (Backbone backbone = IsolatedTensorFlow.openDefault(isolated)) {
            float[] e = backbone.embed(ReferenceImages.image("gradient"))[0];
            System.out.println("embedding length " + e.length + " from " + backbone.getClass().getClassLoader().getClass().getSimpleName());
            System.out.println("cosine to reference " + ReferenceImagesAccess.cosineToReference("gradient", e));
        }
    }
}
