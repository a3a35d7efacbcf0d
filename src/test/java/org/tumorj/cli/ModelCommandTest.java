package org.tumorj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tumorj.backbone.BackboneInfo;
import org.tumorj.metrics.EvaluationOptions;
import org.tumorj.metrics.ValidationReport;
import org.tumorj.model.ClassNames;
import org.tumorj.model.HeadWeights;
import org.tumorj.model.InvalidBundleException;
import org.tumorj.model.ModelBundle;

/**
 * {@code ./tumorj model set-threshold}: a deliberate change leaves a bundle that loads, with the
 * change recorded; wrong use ends in one sentence saying what is expected.
 */
class ModelCommandTest {

    @Test
    void aThresholdOutsideZeroToOneIsRefused(@TempDir Path dir) {
        CliRun run = CliRun.of("model", "set-threshold", dir.toString(), "1.5");
        assertNotEquals(0, run.status());
        assertTrue(run.err().contains("threshold must be a number in (0, 1], got '1.5'"), run.err());
    }

    @Test
    void aFolderWithoutABundleIsNamed(@TempDir Path dir) {
        CliRun run = CliRun.of("model", "set-threshold", dir.toString(), "0.5");
        assertNotEquals(0, run.status());
        assertTrue(run.err().contains(dir + ": not a TumorJ model bundle"), run.err());
    }

    @Test
    void anUnknownSubcommandShowsTheUsage() {
        CliRun run = CliRun.of("model", "set-window", "x", "1");
        assertNotEquals(0, run.status());
        assertTrue(run.err().contains("usage: tumorj model set-threshold MODEL_DIR VALUE"), run.err());
    }

    /** Issue 13: the one deliberate edit, through the command line: the bundle loads after it, and says so. */
    @Test
    void setThresholdRewritesAVerifiedBundleWithTheChangeRecorded(@TempDir Path dir) throws IOException {
        Path model = dir.resolve("model");
        ModelBundle trained = smallBundle();
        trained.save(model);

        CliRun run = CliRun.of("model", "set-threshold", model.toString(), "0.42");

        assertEquals(0, run.status(), run.err() + run.out());
        assertTrue(run.out().contains(model + ": threshold " + trained.threshold() + " -> 0.42"), run.out());
        ModelBundle changed = ModelBundle.read(model);
        assertEquals(0.42, changed.threshold());
        JsonObject record = changed.training().getAsJsonObject("thresholdSetByUser");
        assertEquals(trained.threshold(), record.get("previous").getAsDouble());
        assertEquals(0.42, record.get("threshold").getAsDouble());
        assertTrue(record.has("at"), record.toString());
        assertEquals(trained.temperature(), changed.temperature(), "nothing else changes");
        assertEquals(trained.head().bias2(), changed.head().bias2());

        // the new digest covers the new value: a hand edit after the command is still refused
        Path manifest = model.resolve("bundle.json");
        JsonObject json = JsonParser.parseString(Files.readString(manifest)).getAsJsonObject();
        json.addProperty("threshold", 0.005);
        Files.writeString(manifest, json.toString());
        assertThrows(InvalidBundleException.class, () -> ModelBundle.read(model));
    }

    /** A small bundle as training writes one (head of 8 features x 4 hidden units). */
    private static ModelBundle smallBundle() {
        int n = 40;
        double[] logits = new double[n];
        boolean[] positive = new boolean[n];
        String[] studies = new String[n];
        for (int i = 0; i < n; i++) {
            positive[i] = i % 4 == 0;
            logits[i] = (positive[i] ? 2 : -2) + 3 * Math.sin(i);
            studies[i] = "study" + i / 8;
        }
        ValidationReport report = ValidationReport.evaluate(logits, positive, studies, EvaluationOptions.defaults(1));
        float[] kernel1 = new float[8 * 4];
        for (int i = 0; i < kernel1.length; i++) {
            kernel1[i] = (float) Math.sin(i) * 0.1f;
        }
        JsonObject training = new JsonObject();
        training.addProperty("mode", "HEAD_ONLY");
        return ModelBundle.of(new BackboneInfo("mobilenet_v2-test", "ab".repeat(32), 224, 32, 8),
                "{\"windowCenter\": 40, \"windowWidth\": 400}", 224, new ClassNames("tumor", "normal"), report, 42,
                training, "epoch,train_loss\n1,0.5\n", new HeadWeights(8, 4, kernel1, new float[4],
                        new float[] {0.1f, -0.2f, 0.3f, -0.4f}, 0.1f));
    }
}
