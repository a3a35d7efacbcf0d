package org.tumorj.bench;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.tumorj.backbone.BackboneInfo;
import org.tumorj.backbone.FloatTensor;
import org.tumorj.metrics.EvaluationOptions;
import org.tumorj.metrics.ValidationReport;
import org.tumorj.model.ClassNames;
import org.tumorj.model.DenseHead;
import org.tumorj.model.ModelBundle;
import org.tumorj.backbone.TensorFlowRuntime;
import org.tumorj.train.FeatureSet;
import org.tumorj.train.HeadEvaluation;
import org.tumorj.train.HeadTrainer;
import org.tumorj.train.SyntheticFeatures;
import org.tumorj.train.TrainingListener;
import org.tumorj.train.TrainingLog;
import org.tumorj.train.TrainingOptions;
import org.tumorj.train.TrainingResult;
import org.tumorj.util.AtomicFiles;
import org.tumorj.util.Progress;

/**
 * Time to train the head on the cached features of 200 patches (synthetic 1280-d features; the
 * backbone's feature extraction time comes on top and is measured with the backbone), plus the
 * evaluation, the bundle save and dense prediction with the plain-Java head.
 * <pre>scripts/bench HeadTrainingBenchmark [repeats]</pre>
 */
public final class HeadTrainingBenchmark {
    private static final int TRAIN_PATCHES = 200;

    private HeadTrainingBenchmark() {}

    public static void main(String[] args) throws IOException {
        int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        SyntheticFeatures data = new SyntheticFeatures(1, 3.5, 0.3);
        FeatureSet train = data.studies("train", 8, TRAIN_PATCHES / 8, 0.3);
        FeatureSet validation = data.studies("val", 4, 25, 0.3);
        TrainingOptions options = TrainingOptions.defaults();

        long t0 = System.nanoTime();
        TensorFlowRuntime.ensureLoaded();
        print("TensorFlow natives via DJL (once per JVM)", seconds(t0));

        double[] trainSeconds = new double[repeats];
        TrainingResult result = null;
        for (int r = 0; r < repeats; r++) {
            long start = System.nanoTime();
            result = new HeadTrainer(options).train(train, validation, Progress.none(), TrainingListener.none());
            trainSeconds[r] = seconds(start);
        }
        print("train head, first run (JIT warm-up included)", trainSeconds[0]);
        print("train head, median of " + repeats, median(trainSeconds));
        System.out.printf(Locale.ROOT, "  epochs run %d, best epoch %d, early stop %b, %d training / %d validation patches%n",
                result.log().size(), result.bestEpoch(), result.stoppedEarly(), train.size(), validation.size());

        long evalStart = System.nanoTime();
        ValidationReport report = HeadEvaluation.evaluate(result.weights(), validation, EvaluationOptions.defaults(1));
        print("evaluate (1000 bootstrap replicates, temperature, threshold)", seconds(evalStart));
        System.out.printf(Locale.ROOT, "  validation AUC %.4f [%.4f, %.4f], T %.3f, threshold %.3f, sens %.3f, spec %.3f,"
                        + " ECE %.3f -> %.3f%n", report.auc().estimate(), report.auc().lower(), report.auc().upper(),
                report.temperature(), report.threshold(), report.sensitivity(), report.specificity(),
                report.eceUncalibrated(), report.eceCalibrated());

        Path dir = Files.createTempDirectory("tumorj-bench-");
        try {
            long saveStart = System.nanoTime();
            BackboneInfo backbone = new BackboneInfo("synthetic", "00".repeat(32), 224, 32, SyntheticFeatures.CHANNELS);
            ModelBundle.of(backbone, new JsonObject(), 224, new ClassNames("tumor", "normal"), report, options.seed(),
                    options.toJson(), TrainingLog.toCsv(result.log()), result.weights()).save(dir.resolve("model"));
            print("save bundle (head.bin, SavedModel, checksums)", seconds(saveStart));
            long loadStart = System.nanoTime();
            ModelBundle.load(dir.resolve("model"), backbone);
            print("load and verify bundle", seconds(loadStart));
        } finally {
            AtomicFiles.deleteRecursively(dir);
        }
        denseHead(new DenseHead(result.weights(), report.temperature()));
    }

    /** A 512 x 512 slice gives a 16 x 16 feature map at stride 32. */
    private static void denseHead(DenseHead head) {
        float[] map = new float[16 * 16 * SyntheticFeatures.CHANNELS];
        for (int i = 0; i < map.length; i++) {
            map[i] = (i * 2654435761L % 1000) / 250f;
        }
        FloatTensor features = new FloatTensor(map, 1, 16, 16, SyntheticFeatures.CHANNELS);
        for (int warm = 0; warm < 20; warm++) {
            head.probabilities(features);
        }
        int runs = 100;
        long start = System.nanoTime();
        for (int r = 0; r < runs; r++) {
            head.probabilities(features);
        }
        print("DenseHead on a 16x16x1280 map (one 512x512 slice), per slice", seconds(start) / runs);
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static void print(String what, double secs) {
        System.out.printf(Locale.ROOT, "%-62s %9.4f s%n", what, secs);
    }
}
