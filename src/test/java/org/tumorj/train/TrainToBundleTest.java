package org.tumorj.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tumorj.backbone.BackboneInfo;
import org.tumorj.backbone.FloatTensor;
import org.tumorj.metrics.EvaluationOptions;
import org.tumorj.metrics.ValidationReport;
import org.tumorj.model.ClassNames;
import org.tumorj.model.ModelBundle;
import org.tumorj.util.Progress;

/** The path the CLI and Fiji take: train, evaluate, save the bundle, load it, predict. */
class TrainToBundleTest {
    @TempDir
    Path tmp;

    @Test
    void trainedHeadSurvivesTheBundleAndMeetsItsOperatingPoint() throws IOException {
        SyntheticFeatures data = new SyntheticFeatures(3, 3.5, 0.3);
        FeatureSet train = data.studies("t", 8, 25, 0.3);
        FeatureSet validation = data.studies("v", 4, 25, 0.3);
        TrainingOptions options = TrainingOptions.defaults();
        TrainingResult result = new HeadTrainer(options).train(train, validation, Progress.none(), TrainingListener.none());
        ValidationReport report = HeadEvaluation.evaluate(result.weights(), validation, EvaluationOptions.defaults(options.seed()));
        assertTrue(report.auc().estimate() >= 0.95, "AUC " + report.auc());
        assertTrue(report.sensitivity() >= 0.9);
        assertEquals(4, report.groups());

        BackboneInfo backbone = new BackboneInfo("synthetic", "00".repeat(32), 224, 32, SyntheticFeatures.CHANNELS);
        ModelBundle.of(backbone, new JsonObject(), 224, new ClassNames("tumor", "normal"), report, options.seed(),
                options.toJson(), TrainingLog.toCsv(result.log()), result.weights()).save(tmp.resolve("model"));
        ModelBundle loaded = ModelBundle.load(tmp.resolve("model"), backbone);

        assertEquals(options, TrainingOptions.fromJson(loaded.training()));
        var log = TrainingLog.parseCsv(loaded.trainingLogCsv(), "training-log.csv");
        assertEquals(result.log().size(), log.size());
        for (int i = 0; i < log.size(); i++) {
            assertEquals(result.log().get(i).validationLoss(), log.get(i).validationLoss(), 1e-6);   // CSV keeps 6 decimals
            assertEquals(result.log().get(i).best(), log.get(i).best());
        }
        float[] flat = new float[validation.size() * SyntheticFeatures.CHANNELS];
        for (int i = 0; i < validation.size(); i++) {
            System.arraycopy(validation.features()[i], 0, flat, i * SyntheticFeatures.CHANNELS, SyntheticFeatures.CHANNELS);
        }
        FloatTensor asMaps = new FloatTensor(flat, validation.size(), 1, 1, SyntheticFeatures.CHANNELS);
        float[] p = loaded.denseHead().probabilities(asMaps).data();
        long found = 0;
        for (int i = 0; i < p.length; i++) {
            if (validation.labels()[i] == 1 && p[i] >= loaded.threshold()) {
                found++;
            }
        }
        assertEquals(report.sensitivity(), found / (double) validation.positives(), 1e-9);
        try (var tf = ModelBundle.tensorFlowHead(tmp.resolve("model"), SyntheticFeatures.CHANNELS)) {
            assertArrayEquals(p, tf.probabilities(asMaps).data(), 1e-5f);
        }
    }
}
