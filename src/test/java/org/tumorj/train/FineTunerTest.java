package org.tumorj.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tumorj.backbone.Backbone;
import org.tumorj.backbone.EmbeddedMobileNet;
import org.tumorj.backbone.FloatTensor;
import org.tumorj.backbone.tfjs.TfjsModel;
import org.tumorj.backbone.tfjs.TfjsWeight;
import org.tumorj.metrics.EvaluationOptions;
import org.tumorj.metrics.ValidationReport;
import org.tumorj.model.ClassNames;
import org.tumorj.model.HeadWeights;
import org.tumorj.model.ModelBundle;
import org.tumorj.util.CancelledException;
import org.tumorj.util.Progress;

/**
 * Fine-tuning through the backbone on small (64 x 64) synthetic patches: a bright disc (positive)
 * or a thin bright line, a vessel look-alike, (negative) on noisy grey. One or a few steps each.
 */
class FineTunerTest {
    private static final int SIZE = 64;
    private static TfjsModel pretrained;
    private static PatchImages train;
    private static PatchImages validation;
    private static FineTuningResult oneStep;

    @TempDir
    Path tmp;

    @BeforeAll
    static void oneStepOfTopTwoBlocks() throws IOException {
        pretrained = EmbeddedMobileNet.model();
        train = synthetic(8, 1, "t");
        validation = synthetic(4, 2, "v");
        oneStep = new FineTuner(topBlocks(2).withEpochs(1, 1)).train(train, validation, Progress.none(), TrainingListener.none());
    }

    @Test
    void topBlocksStepChangesOnlyTheChosenBlocksAndTheHead() throws IOException {
        Set<String> unfrozen = new FineTuner(topBlocks(2)).trainableLayers();
        assertTrue(unfrozen.contains("block_16_depthwise") && unfrozen.contains("Conv_1"), unfrozen.toString());
        int changed = 0;
        for (TfjsWeight before : pretrained.weights().values()) {
            float[] after = oneStep.backbone().model().weights().get(before.name()).values();
            String layer = before.name().substring(0, before.name().lastIndexOf('/'));
            boolean trainable = unfrozen.contains(layer) && !before.localName().startsWith("moving_");
            if (!trainable) {
                assertArrayEquals(before.values(), after, 0f, before.name() + " is frozen and must not change");
            } else if (!Arrays.equals(before.values(), after)) {
                changed++;
            }
        }
        assertTrue(changed >= 10, "only " + changed + " weights of the unfrozen blocks changed");
        HeadWeights head = oneStep.head().weights();
        assertEquals(EmbeddedMobileNet.INFO.featureChannels(), head.featureChannels());
        assertEquals(1, oneStep.head().log().size());
    }

    @Test
    void sameSeedGivesIdenticalWeights() throws IOException {
        FineTuningResult again = new FineTuner(topBlocks(2).withEpochs(1, 1))
                .train(train, validation, Progress.none(), TrainingListener.none());
        assertEquals(oneStep.backbone().info(), again.backbone().info()); // sha256 over every backbone weight
        assertArrayEquals(oneStep.head().weights().kernel1(), again.head().weights().kernel1(), 0f);
        assertArrayEquals(oneStep.head().weights().kernel2(), again.head().weights().kernel2(), 0f);
        assertNotEquals(EmbeddedMobileNet.WEIGHTS_SHA256, again.backbone().info().sha256());
        assertEquals(EmbeddedMobileNet.ID + "-finetuned", again.backbone().info().id());
    }

    @Test
    void lossDecreasesOnAnEasyTask() throws IOException {
        TrainingOptions options = topBlocks(1).withOptimizer(1e-3, 1e-4, 8).withHead(16, 0.0).withEpochs(4, 4);
        FineTuningResult r = new FineTuner(options).train(synthetic(16, 3, "t"), validation, Progress.none(),
                TrainingListener.none());
        var log = r.head().log();
        assertEquals(4, log.size());
        assertTrue(log.get(3).trainLoss() < log.get(0).trainLoss(), log.toString());
        assertTrue(log.get(3).validationLoss() < log.get(0).validationLoss(), log.toString());
    }

    @Test
    void cancelStopsWithinOneStepAndWritesNothing() throws IOException {
        AtomicInteger steps = new AtomicInteger();
        Progress cancelAfterFirstStep = new Progress() {
            @Override public void update(String step, long done, long total) { steps.incrementAndGet(); }
            @Override public void log(String message) {}
            @Override public boolean isCancelled() { return steps.get() >= 1; }
        };
        TrainingOptions options = topBlocks(2).withOptimizer(3e-4, 1e-3, 4).withEpochs(5, 5);
        assertThrows(CancelledException.class,
                () -> new FineTuner(options).train(train, validation, cancelAfterFirstStep, TrainingListener.none()));
        assertEquals(1, steps.get(), "steps run after the cancel");

        Path target = tmp.resolve("model");
        AtomicInteger checks = new AtomicInteger();
        Progress cancelDuringSave = new Progress() {
            @Override public void update(String step, long done, long total) {}
            @Override public void log(String message) {}
            @Override public boolean isCancelled() { return checks.incrementAndGet() >= 2; }
        };
        assertThrows(CancelledException.class, () -> bundle(oneStep).save(target, cancelDuringSave));
        assertFalse(Files.exists(target));
        try (Stream<Path> left = Files.list(tmp)) {
            assertEquals(0, left.count(), "temporary files left behind");
        }
    }

    @Test
    void fromScratchStartsFromRandomWeights() throws IOException {
        FineTuningResult r = new FineTuner(TrainingOptions.defaults().withMode(TrainingMode.FROM_SCRATCH, 0).withEpochs(1, 1)
                .withOptimizer(3e-4, 1e-3, 8)).train(train, validation, Progress.none(), TrainingListener.none());
        TfjsModel scratch = r.backbone().model();
        for (String name : new String[] {"Conv1/kernel", "block_8_depthwise/depthwise_kernel", "Conv_1/kernel"}) {
            float[] random = scratch.weights().get(name).values();
            float[] trained = pretrained.weights().get(name).values();
            assertTrue(Math.abs(correlation(random, trained)) < 0.1, name + " looks like the pretrained weights");
        }
        // Statistics measured on the training patches, not the fresh 0 and 1 under which a random
        // MobileNetV2's activations vanish.
        assertFalse(allEqual(scratch.weights().get("Conv_1_bn/moving_mean").values(), 0f), "measured means");
        assertFalse(allEqual(scratch.weights().get("bn_Conv1/moving_variance").values(), 1f), "measured variances");
        float[] embedding = referenceEmbeddings(scratch, train.batch(new int[] {0, 1}));
        double max = 0;
        for (float f : embedding) {
            max = Math.max(max, Math.abs(f));
        }
        assertTrue(max > 1e-3, "embedding of the random network vanished: max " + max);
        assertEquals("FROM_SCRATCH", r.backbone().description());
    }

    @Test
    void bundleStoresTheFineTunedBackboneAndLoadsItForDetection() throws IOException {
        Path dir = tmp.resolve("model");
        bundle(oneStep).save(dir);
        JsonObject manifest = com.google.gson.JsonParser.parseString(Files.readString(dir.resolve("bundle.json"))).getAsJsonObject();
        assertEquals(EmbeddedMobileNet.ID, manifest.getAsJsonObject("backboneModel").get("baseId").getAsString());
        assertTrue(manifest.getAsJsonObject("files").has("backbone/saved_model.pb"));
        try (Backbone backbone = ModelBundle.openBundledBackbone(dir)) {
            assertEquals(oneStep.backbone().info(), backbone.info());
            ModelBundle loaded = ModelBundle.load(dir, backbone.info());
            assertTrue(loaded.bundledBackbone() != null);
            float[][] embedded = backbone.embed(new FloatTensor(validation.batch(new int[] {0, 1}), 2, SIZE, SIZE, 3));
            float[] reference = referenceEmbeddings(oneStep.backbone().model(), validation.batch(new int[] {0, 1}));
            for (int i = 0; i < embedded[0].length; i++) {
                assertEquals(reference[i], embedded[0][i], 1e-3 + 1e-3 * Math.abs(reference[i]), "channel " + i);
            }
            FloatTensor map = backbone.featureMap(FloatTensor.zeros(1, 96, 160, 3)); // any multiple of 32
            assertEquals(3, map.h());
            assertEquals(5, map.w());
        }
    }

    @Test
    void headOnlyModeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new FineTuner(TrainingOptions.defaults()));
        assertThrows(IllegalArgumentException.class,
                () -> new FineTuner(TrainingOptions.defaults().withMode(TrainingMode.TOP_BLOCKS_UNFROZEN, 0)));
    }

    private static ModelBundle bundle(FineTuningResult r) {
        ValidationReport report = HeadEvaluation.evaluate(r.head().weights(), features(r.backbone(), validation),
                EvaluationOptions.defaults(1));
        return ModelBundle.of(r.backbone().info(), new JsonObject(), SIZE, new ClassNames("tumor", "normal"), report, 1,
                r.head().options().toJson(), TrainingLog.toCsv(r.head().log()), r.head().weights())
                .withBundledBackbone(r.backbone().toBundled());
    }

    /** The validation embeddings through the fine-tuned weights in a plain inference graph. */
    private static FeatureSet features(FineTunedBackbone b, PatchImages set) {
        int[] rows = new int[set.count()];
        Arrays.setAll(rows, i -> i);
        float[] flat = referenceEmbeddings(b.model(), set.batch(rows));
        int c = EmbeddedMobileNet.INFO.featureChannels();
        float[][] f = new float[set.count()][];
        for (int i = 0; i < f.length; i++) {
            f[i] = Arrays.copyOfRange(flat, i * c, (i + 1) * c);
        }
        return new FeatureSet(f, set.labels(), set.groupIds());
    }

    private static float[] referenceEmbeddings(TfjsModel model, float[] images) {
        int n = images.length / (SIZE * SIZE * 3);
        try (var graph = new org.tensorflow.Graph(); var session = new org.tensorflow.Session(graph)) {
            var tf = org.tensorflow.op.Ops.create(graph);
            var input = tf.constant(org.tensorflow.ndarray.Shape.of(n, SIZE, SIZE, 3),
                    org.tensorflow.ndarray.buffer.DataBuffers.of(images, true, false));
            var net = org.tumorj.backbone.MobileNetGraph.build(tf, model, input, Set.of(), false, 0, false);
            try (var result = session.runner().fetch(net.embedding()).run()) {
                var t = (org.tensorflow.types.TFloat32) result.get(0);
                float[] out = new float[(int) t.shape().size()];
                t.copyTo(org.tensorflow.ndarray.buffer.DataBuffers.of(out, false, false));
                return out;
            }
        }
    }

    private static TrainingOptions topBlocks(int blocks) {
        return TrainingOptions.defaults().withMode(TrainingMode.TOP_BLOCKS_UNFROZEN, blocks).withOptimizer(3e-4, 1e-3, 8);
    }

    /** Half discs, half lines; two studies' worth of group ids. */
    static PatchImages synthetic(int n, long seed, String prefix) {
        SplittableRandom r = new SplittableRandom(seed);
        float[][] images = new float[n][];
        int[] labels = new int[n];
        String[] groups = new String[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 2;
            groups[i] = prefix + (i % 4 < 2 ? "a" : "b");
            images[i] = new float[SIZE * SIZE * 3];
            double cx = SIZE / 2.0 + r.nextDouble(-6, 6), cy = SIZE / 2.0 + r.nextDouble(-6, 6);
            for (int y = 0; y < SIZE; y++) {
                for (int x = 0; x < SIZE; x++) {
                    boolean bright = labels[i] == 1 ? Math.hypot(x - cx, y - cy) < 12 : Math.abs(x - cx) < 2;
                    float v = (float) Math.max(0, Math.min(1, (bright ? 0.75 : 0.35) + r.nextGaussian() * 0.05));
                    for (int c = 0; c < 3; c++) {
                        images[i][(y * SIZE + x) * 3 + c] = v;
                    }
                }
            }
        }
        return new PatchImages(images, SIZE, labels, groups);
    }

    private static double correlation(float[] a, float[] b) {
        double ma = 0, mb = 0;
        for (int i = 0; i < a.length; i++) {
            ma += a[i];
            mb += b[i];
        }
        ma /= a.length;
        mb /= b.length;
        double sab = 0, saa = 0, sbb = 0;
        for (int i = 0; i < a.length; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return sab / Math.sqrt(saa * sbb);
    }

    private static boolean allEqual(float[] v, float value) {
        for (float f : v) {
            if (f != value) {
                return false;
            }
        }
        return true;
    }
}
