package org.tumorj.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tumorj.backbone.BackboneInfo;
import org.tumorj.backbone.FloatTensor;
import org.tumorj.metrics.EvaluationOptions;
import org.tumorj.metrics.ValidationReport;
import org.tumorj.util.CancelledException;
import org.tumorj.util.Progress;
import org.tumorj.util.Sha256;

class ModelBundleTest {
    static final BackboneInfo BACKBONE = new BackboneInfo("mobilenet_v2-test", "ab".repeat(32), 224, 32, 1280);
    static final BackboneInfo OTHER = new BackboneInfo("mobilenet_v2-other", "cd".repeat(32), 224, 32, 1280);

    @TempDir
    static Path shared;
    static Path saved;
    static ModelBundle bundle;

    @TempDir
    Path tmp;

    @BeforeAll
    static void saveOnce() throws IOException {
        bundle = sampleBundle();
        saved = shared.resolve("model");
        bundle.save(saved);
    }

    @Test
    void roundTripGivesTheSameModelAndProbabilities() throws IOException {
        ModelBundle back = ModelBundle.load(saved, BACKBONE);
        assertEquals(bundle.backbone(), back.backbone());
        assertEquals(bundle.preprocessing(), back.preprocessing());
        assertEquals(bundle.metrics(), back.metrics());
        assertEquals(bundle.training(), back.training());
        assertEquals(bundle.trainingLogCsv(), back.trainingLogCsv());
        assertEquals(bundle.created(), back.created());
        assertEquals(bundle.classes(), back.classes());
        assertEquals(bundle.threshold(), back.threshold(), 0);
        assertEquals(bundle.temperature(), back.temperature(), 0);
        assertEquals(bundle.seed(), back.seed());
        assertEquals(bundle.patchSize(), back.patchSize());
        FloatTensor map = new FloatTensor(DenseHeadTest.randomFeatures(3 * 3 * 1280, 8), 1, 3, 3, 1280);
        assertArrayEquals(bundle.denseHead().probabilities(map).data(), back.denseHead().probabilities(map).data());
        try (TensorFlowHead tf = ModelBundle.tensorFlowHead(saved, 1280)) {
            assertArrayEquals(back.denseHead().probabilities(map).data(), tf.probabilities(map).data(), 1e-5f);
        }
    }

    @Test
    void manifestRecordsVersionsAndChecksums() throws IOException {
        JsonObject json = manifest(saved);
        assertEquals(2, json.get("formatVersion").getAsInt());
        assertEquals(64, json.get(BundleManifest.DIGEST).getAsString().length(), "a sha256 over the manifest itself");
        assertEquals("development", json.get("tumorjVersion").getAsString());
        assertEquals(BACKBONE.sha256(), json.getAsJsonObject("backbone").get("sha256").getAsString());
        JsonObject files = json.getAsJsonObject("files");
        assertEquals(Sha256.of(saved.resolve("head.bin")), files.getAsJsonObject("head.bin").get("sha256").getAsString());
        assertTrue(files.has("saved_model/saved_model.pb"));
        assertTrue(files.has("training-log.csv"));
    }

    @Test
    void otherBackboneIsRefusedNamingBothBackbones() {
        InvalidBundleException e = assertThrows(InvalidBundleException.class, () -> ModelBundle.load(saved, OTHER));
        String m = e.getMessage();
        assertTrue(m.contains(saved.toString()), m);
        assertTrue(m.contains(BACKBONE.id()) && m.contains(BACKBONE.sha256()), m);
        assertTrue(m.contains(OTHER.id()) && m.contains(OTHER.sha256()), m);
        BackboneInfo sameNameOtherWeights = new BackboneInfo(BACKBONE.id(), "ef".repeat(32), 224, 32, 1280);
        assertThrows(InvalidBundleException.class, () -> ModelBundle.load(saved, sameNameOtherWeights));
    }

    @Test
    void truncatedHeadIsRefused() throws IOException {
        Path copy = copyOfSaved();
        byte[] head = Files.readAllBytes(copy.resolve("head.bin"));
        Files.write(copy.resolve("head.bin"), java.util.Arrays.copyOf(head, head.length / 2));
        InvalidBundleException e = assertThrows(InvalidBundleException.class, () -> ModelBundle.load(copy, BACKBONE));
        assertTrue(e.getMessage().contains("head.bin") && e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void alteredSavedModelIsRefused() throws IOException {
        Path copy = copyOfSaved();
        Path pb = copy.resolve("saved_model/saved_model.pb");
        byte[] bytes = Files.readAllBytes(pb);
        bytes[bytes.length / 2] ^= 1;
        Files.write(pb, bytes);
        InvalidBundleException e = assertThrows(InvalidBundleException.class, () -> ModelBundle.load(copy, BACKBONE));
        assertTrue(e.getMessage().contains("sha256"), e.getMessage());
    }

    @Test
    void futureFormatVersionIsRefused() throws IOException {
        Path copy = copyOfSaved();
        JsonObject json = manifest(copy);
        json.addProperty("formatVersion", BundleManifest.FORMAT_VERSION + 1);
        Files.writeString(copy.resolve("bundle.json"), json.toString());
        InvalidBundleException e = assertThrows(InvalidBundleException.class, () -> ModelBundle.load(copy, BACKBONE));
        assertTrue(e.getMessage().contains("Update TumorJ"), e.getMessage());
    }

    /** Issue 13: threshold 0.995 -> 0.005 in bundle.json turned one finding into the whole body, silently. */
    @Test
    void anEditedManifestIsRefusedWithTheCommandForDeliberateEdits() throws IOException {
        for (String field : new String[] {"threshold", "temperature"}) {
            Path copy = copyOfSaved();
            JsonObject json = manifest(copy);
            json.addProperty(field, 0.005);
            Files.writeString(copy.resolve("bundle.json"), json.toString());
            InvalidBundleException e = assertThrows(InvalidBundleException.class, () -> ModelBundle.load(copy, BACKBONE));
            assertTrue(e.getMessage().startsWith(copy.resolve("bundle.json") + ": was changed after training"), e.getMessage());
            assertTrue(e.getMessage().contains("tumorj model set-threshold"), e.getMessage());
            assertTrue(e.getMessage().contains("; changed: " + field + ")"), "names the edited field: " + e.getMessage());
        }
        Path copy = copyOfSaved();
        JsonObject json = manifest(copy);
        json.getAsJsonObject("head").addProperty("hiddenUnits", 65);
        Files.writeString(copy.resolve("bundle.json"), json.toString());
        InvalidBundleException e = assertThrows(InvalidBundleException.class, () -> ModelBundle.load(copy, BACKBONE));
        assertTrue(e.getMessage().contains("; changed: head)"), e.getMessage());
    }

    @Test
    void aDeliberateThresholdChangeLeavesAValidBundle() throws IOException {
        Path copy = copyOfSaved();
        ModelBundle before = ModelBundle.read(copy);
        before.withThreshold(0.42, "thresholdSetByUser", new JsonObject()).save(copy);
        ModelBundle after = ModelBundle.load(copy, BACKBONE);
        assertEquals(0.42, after.threshold());
        assertEquals(before.head().bias2(), after.head().bias2());
    }

    /** A bundle from before the digest (format 1): its fields are still checked one by one, by name. */
    private Path formatOneCopy(java.util.function.Consumer<JsonObject> edit) throws IOException {
        Path copy = copyOfSaved();
        JsonObject json = manifest(copy);
        json.addProperty("formatVersion", 1);
        json.remove(BundleManifest.DIGEST);
        edit.accept(json);
        Files.writeString(copy.resolve("bundle.json"), json.toString());
        return copy;
    }

    /**
     * Issue 13: writing formatVersion 1 and dropping the digest would skip the digest check; a
     * bundle holding what only format 2 writes (a per-pixel model) is refused as edited.
     */
    @Test
    void aFormatTwoBundleEditedBackToFormatOneIsRefused() throws IOException {
        JsonObject training = new JsonObject();
        training.addProperty("mode", "HEAD_ONLY");
        JsonObject pixelFeatures = new JsonObject();
        pixelFeatures.addProperty("kind", "filters");
        training.add("pixelFeatures", pixelFeatures);
        ModelBundle perPixel = ModelBundle.of(BACKBONE, bundle.preprocessing(), 224, bundle.classes(), bundle.metrics(), 42,
                training, bundle.trainingLogCsv(), bundle.head());
        Path copy = Files.createTempDirectory(tmp, "perpixel").resolve("model");
        perPixel.save(copy);
        assertEquals(perPixel.threshold(), ModelBundle.read(copy).threshold(), "as saved, it reads");
        JsonObject json = manifest(copy);
        json.addProperty("formatVersion", 1);
        json.remove(BundleManifest.DIGEST);
        json.addProperty("threshold", 0.005);
        Files.writeString(copy.resolve("bundle.json"), json.toString());
        InvalidBundleException e = assertThrows(InvalidBundleException.class, () -> ModelBundle.load(copy, BACKBONE));
        assertTrue(e.getMessage().startsWith(copy.resolve("bundle.json") + ": says format 1 but holds a per-pixel model"),
                e.getMessage());
        assertTrue(e.getMessage().contains("edited after training"), e.getMessage());
    }

    @Test
    void missingRequiredFieldIsRefusedByName() throws IOException {
        Path copy = formatOneCopy(json -> json.remove("threshold"));
        InvalidBundleException e = assertThrows(InvalidBundleException.class, () -> ModelBundle.load(copy, BACKBONE));
        assertTrue(e.getMessage().contains("'threshold'"), e.getMessage());
    }

    @Test
    void unusableClassNamesGetASentence() throws IOException {
        Path copy = formatOneCopy(json -> json.getAsJsonObject("classes").addProperty("negative", ""));
        InvalidBundleException e = assertThrows(InvalidBundleException.class, () -> ModelBundle.load(copy, BACKBONE));
        assertTrue(e.getMessage().contains("class names are unusable"), e.getMessage());
        assertTrue(!e.getMessage().contains("constructor"), e.getMessage());
    }

    @Test
    void folderWithoutManifestIsNotABundle() throws IOException {
        Files.createDirectories(tmp.resolve("empty"));
        InvalidBundleException e = assertThrows(InvalidBundleException.class,
                () -> ModelBundle.load(tmp.resolve("empty"), BACKBONE));
        assertTrue(e.getMessage().contains("no bundle.json"), e.getMessage());
    }

    @Test
    void foreignFolderIsNeverReplaced() throws IOException {
        Path documents = tmp.resolve("documents");
        Files.createDirectories(documents);
        Files.writeString(documents.resolve("thesis.txt"), "precious");
        assertThrows(InvalidBundleException.class, () -> bundle.save(documents));
        assertEquals("precious", Files.readString(documents.resolve("thesis.txt")));
    }

    @Test
    void cancelDuringSaveWritesNothing() throws IOException {
        Path out = tmp.resolve("cancelled");
        Progress cancelled = new Progress() {
            @Override public void update(String step, long done, long total) {}
            @Override public void log(String message) {}
            @Override public boolean isCancelled() { return true; }
        };
        assertThrows(CancelledException.class, () -> bundle.save(out, cancelled));
        assertFalse(Files.exists(out));
        try (Stream<Path> left = Files.list(tmp)) {
            assertEquals(0, left.count(), "no temporary folder may be left behind");
        }
    }

    @Test
    void preprocessingMayBeGivenAsJsonText() {
        ModelBundle b = ModelBundle.of(BACKBONE, "{\"window\": [40, 400], \"channels\": \"grey\"}", 224,
                bundle.classes(), bundle.metrics(), 1, new JsonObject(), "", bundle.head());
        assertEquals(400, b.preprocessing().getAsJsonArray("window").get(1).getAsInt());
        assertThrows(IllegalArgumentException.class, () -> ModelBundle.of(BACKBONE, "[1, 2]", 224,
                bundle.classes(), bundle.metrics(), 1, new JsonObject(), "", bundle.head()));
    }

    private Path copyOfSaved() throws IOException {
        Path copy = Files.createTempDirectory(tmp, "copy");
        try (Stream<Path> walk = Files.walk(saved)) {
            for (Path p : walk.toList()) {
                Path target = copy.resolve(saved.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return copy;
    }

    private static JsonObject manifest(Path dir) throws IOException {
        return JsonParser.parseString(Files.readString(dir.resolve("bundle.json"), StandardCharsets.UTF_8)).getAsJsonObject();
    }

    static ModelBundle sampleBundle() {
        double[] logits = new double[40];
        boolean[] positive = new boolean[40];
        String[] studies = new String[40];
        for (int i = 0; i < 40; i++) {
            positive[i] = i % 4 == 0;
            logits[i] = (positive[i] ? 2 : -2) + 3 * Math.sin(i);
            studies[i] = "study" + i / 8;
        }
        ValidationReport report = ValidationReport.evaluate(logits, positive, studies, EvaluationOptions.defaults(1));
        JsonObject preprocessing = new JsonObject();
        preprocessing.addProperty("windowCenter", 40);
        preprocessing.addProperty("windowWidth", 400);
        JsonObject training = new JsonObject();
        training.addProperty("mode", "HEAD_ONLY");
        return ModelBundle.of(BACKBONE, preprocessing, 224, new ClassNames("tumor", "normal"), report, 42, training,
                "epoch,train_loss,validation_loss,validation_auc,best\n1,0.5,0.6,0.7,true\n",
                DenseHeadTest.randomHead(1280, 64, 77));
    }
}
