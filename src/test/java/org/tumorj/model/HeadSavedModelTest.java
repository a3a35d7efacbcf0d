package org.tumorj.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tumorj.backbone.FloatTensor;

class HeadSavedModelTest {
    @TempDir
    Path tmp;

    @Test
    void exportedSavedModelLoadsInDjlAndMatchesDenseHead() throws IOException {
        HeadWeights w = DenseHeadTest.randomHead(1280, 64, 21);
        DenseHead dense = new DenseHead(w, 1.7);
        Path dir = tmp.resolve("saved_model");
        HeadSavedModel.export(w, 1.7, dir);
        assertTrue(Files.isRegularFile(dir.resolve("saved_model.pb")));
        FloatTensor map = new FloatTensor(DenseHeadTest.randomFeatures(2 * 3 * 4 * 1280, 5), 2, 3, 4, 1280);
        try (TensorFlowHead tf = TensorFlowHead.load(dir, 1280)) {
            FloatTensor fromTf = tf.probabilities(map);
            FloatTensor fromJava = dense.probabilities(map);
            assertEquals(2 * 3 * 4, fromTf.data().length);
            double maxDiff = 0;
            double spread = 0;
            for (int i = 0; i < fromTf.data().length; i++) {
                maxDiff = Math.max(maxDiff, Math.abs(fromTf.data()[i] - fromJava.data()[i]));
                spread = Math.max(spread, Math.abs(fromJava.data()[i] - fromJava.data()[0]));
            }
            assertTrue(maxDiff < 1e-5, "TensorFlow and Java heads differ by " + maxDiff);
            assertTrue(spread > 0.05, "test map too uniform to show anything: spread " + spread);
        }
    }
}
