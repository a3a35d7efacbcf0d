package org.tumorj.backbone;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ZooModel;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The default backbone as the rest of TumorJ uses it: DJL over the SavedModel converted from the shipped weights. */
class DjlBackboneTest {
    @TempDir
    static Path cache;
    static Backbone backbone;

    @BeforeAll
    static void open() throws Exception {
        backbone = Backbones.openDefault(cache);
    }

    @AfterAll
    static void close() {
        backbone.close();
    }

    @Test
    void infoDescribesTheEmbeddedMobileNet() {
        assertEquals(EmbeddedMobileNet.INFO, backbone.info());
    }

    @Test
    void embeddingsMatchTensorFlowJs() throws Exception {
        for (ReferenceImages.Case c : ReferenceImages.cases()) {
            float[] emb = backbone.embed(ReferenceImages.image(c.name()))[0];
            double cos = ReferenceImages.cosine(emb, c.embedding());
            System.out.printf("DJL %s: cosine %.7f, max |diff| %.3g (embedding max %.3g)%n", c.name(), cos,
                    ReferenceImages.maxAbsDiff(emb, c.embedding()), max(c.embedding()));
            assertTrue(cos >= 0.9999, c.name() + ": cosine " + cos);
        }
    }

    @Test
    void savedModelKeepsTheFiveClassHead() throws Exception {
        Path dir = EmbeddedSavedModel.ensure(cache);
        Criteria<NDList, NDList> criteria = Criteria.builder().setTypes(NDList.class, NDList.class).optEngine("TensorFlow")
                .optModelPath(dir).optOption("SignatureDefKey", EmbeddedSavedModel.CLASSIFY_SIGNATURE).build();
        try (ZooModel<NDList, NDList> model = criteria.loadModel(); Predictor<NDList, NDList> p = model.newPredictor();
             NDManager m = NDManager.newBaseManager("TensorFlow")) {
            for (ReferenceImages.Case c : ReferenceImages.cases()) {
                float[] in = ReferenceImages.image(c.name()).data();
                float[] probs = p.predict(new NDList(m.create(FloatBuffer.wrap(in), new Shape(1, 224, 224, 3)))).get(0).toFloatArray();
                assertTrue(ReferenceImages.maxAbsDiff(probs, c.probabilities()) <= 1e-4, c.name() + ": probabilities differ");
            }
        }
    }

    @Test
    void featureMapHasStride32ForAnyMultipleOf32() {
        FloatTensor f = backbone.featureMap(FloatTensor.zeros(2, 64, 96, 3));
        assertEquals(List.of(2, 2, 3, 1280), List.of(f.n(), f.h(), f.w(), f.c()));
    }

    @Test
    void embeddingIsTheMeanOfTheFeatureMap() {
        FloatTensor img = ReferenceImages.image("gradient");
        float[] direct = backbone.embed(img)[0];
        float[] pooled = Embeddings.mean(backbone.featureMap(img))[0];
        assertArrayEquals(direct, pooled, 1e-4f);
    }

    @Test
    void rejectsSizesThatAreNotMultiplesOf32() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> backbone.embed(FloatTensor.zeros(1, 100, 224, 3)));
        assertTrue(e.getMessage().contains("multiples of 32"), e.getMessage());
    }

    @Test
    void concurrentCallsGiveTheSameResults() throws Exception {
        FloatTensor img = ReferenceImages.image("hash");
        float[] expected = backbone.embed(img)[0];
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<float[][]>> futures = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                futures.add(pool.submit(() -> backbone.embed(img)));
            }
            for (Future<float[][]> f : futures) {
                assertArrayEquals(expected, f.get()[0], 1e-5f);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void userSavedModelOpensByInputAndOutputName() throws Exception {
        Path dir = EmbeddedSavedModel.ensure(cache);
        try (Backbone user = Backbones.openSavedModel(dir, EmbeddedSavedModel.INPUT, EmbeddedSavedModel.FEATURES)) {
            assertEquals(32, user.info().stride());
            assertEquals(1280, user.info().featureChannels());
            FloatTensor img = ReferenceImages.image("checkerboard");
            assertArrayEquals(backbone.embed(img)[0], user.embed(img)[0], 1e-4f);
        }
    }

    @Test
    void unknownOutputNameIsAClearError() throws Exception {
        Path dir = EmbeddedSavedModel.ensure(cache);
        Exception e = assertThrows(Exception.class, () -> Backbones.openSavedModel(dir, EmbeddedSavedModel.INPUT, "logits"));
        assertTrue(e.getMessage().contains("no output 'logits'"), e.getMessage());
    }

    @Test
    void downloadRefusesOffline() {
        Exception e = assertThrows(java.io.IOException.class, () -> Backbones.download("https://example.org/model.zip",
                SavedModelSpec.embedded(), org.tumorj.util.Progress.none()));
        assertTrue(e.getMessage().contains("offline"), e.getMessage());
    }

    private static float max(float[] v) {
        float m = Float.NEGATIVE_INFINITY;
        for (float x : v) {
            m = Math.max(m, x);
        }
        return m;
    }
}
