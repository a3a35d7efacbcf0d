package org.tumorj.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.tumorj.annotation.AnnotationClasses;
import org.tumorj.backbone.Backbone;
import org.tumorj.backbone.Backbones;
import org.tumorj.dataset.AnnotationReader;
import org.tumorj.dataset.LoadedStudy;
import org.tumorj.dataset.Study;
import org.tumorj.dataset.StudySet;
import org.tumorj.metrics.DetectionEvaluation;
import org.tumorj.metrics.EvaluationCase;
import org.tumorj.metrics.EvaluationReport;
import org.tumorj.metrics.FrocCurve;
import org.tumorj.metrics.GroundTruth;
import org.tumorj.model.ModelBundle;
import org.tumorj.phantom.PhantomConfig;
import org.tumorj.phantom.PhantomGenerator;
import org.tumorj.phantom.PhantomModality;
import org.tumorj.phantom.PhantomStudy;
import org.tumorj.phantom.PhantomStudyWriter;
import org.tumorj.pipeline.DetectorTraining;
import org.tumorj.pipeline.DicomStudies;
import org.tumorj.pipeline.StudyEvaluation;
import org.tumorj.pipeline.TrainSettings;
import org.tumorj.pipeline.TrainedDetector;
import org.tumorj.pipeline.WorkingResolution;
import org.tumorj.train.TrainingListener;
import org.tumorj.util.Progress;

/**
 * Held-out lesion-level quality of radiograph detection on more data than the demo: XR phantoms
 * (seed 2026, training studies numbered from {@value #TRAIN_FIRST}, test studies from
 * {@value #TEST_FIRST}, none of them shipped) written as DICOM and read back as the product reads
 * them, trained as {@code ./tumorj train} trains (DetectorTraining, window {@code modality}) and
 * evaluated with StudyEvaluation. For each working spacing x input scale: the cell validation AUC,
 * the detection threshold training chose, the evaluation at that threshold and the FROC over all
 * findings (evaluated at a low threshold, so the curve is not cut at the operating point), and how
 * much the sensitivity at 1 FP/study moves between disjoint test subsets of 2 and 4 studies.
 *
 * <pre>
 *   scripts/bench RadiographQualityBenchmark [--train 12] [--test 8] [--spacing 0.8[,0.6,1.0]]
 *       [--scale 2[,3]] [--epochs 0 (train's default)] [--seed 42] [--froc-threshold 0.05]
 * </pre>
 */
public final class RadiographQualityBenchmark {
    private static final long DATA_SEED = 2026;
    private static final int TRAIN_FIRST = 2001;
    private static final int TEST_FIRST = 3001;
    private static final AnnotationClasses CLASSES = AnnotationClasses.defaults();

    private final int trainCount;
    private final int testCount;
    private final double[] spacings;
    private final int[] scales;
    private final int epochs;
    private final long seed;
    private final double frocThreshold;

    private RadiographQualityBenchmark(String[] args) {
        trainCount = Integer.parseInt(arg(args, "--train", "12"));
        testCount = Integer.parseInt(arg(args, "--test", "8"));
        spacings = Arrays.stream(arg(args, "--spacing", "0.8").split(",")).mapToDouble(Double::parseDouble).toArray();
        scales = Arrays.stream(arg(args, "--scale", "2").split(",")).mapToInt(Integer::parseInt).toArray();
        epochs = Integer.parseInt(arg(args, "--epochs", "0"));
        seed = Long.parseLong(arg(args, "--seed", "42"));
        frocThreshold = Double.parseDouble(arg(args, "--froc-threshold", "0.05"));
    }

    public static void main(String[] args) throws IOException {
        new RadiographQualityBenchmark(args).run();
    }

    private void run() throws IOException {
        long t0 = System.nanoTime();
        Path root = Files.createTempDirectory("tumorj-xr-quality");
        List<LoadedStudy> train = load(write(root.resolve("train"), TRAIN_FIRST, trainCount));
        List<LoadedStudy> test = load(write(root.resolve("test"), TEST_FIRST, testCount));
        System.out.printf(Locale.ROOT, "XR phantoms (seed %d): %d training studies (%d-%d, %d nodules), %d test studies"
                        + " (%d-%d, %d nodules), written as DICOM and read back, %.1f s%n",
                DATA_SEED, trainCount, TRAIN_FIRST, TRAIN_FIRST + trainCount - 1, lesions(train), testCount, TEST_FIRST,
                TEST_FIRST + testCount - 1, lesions(test), seconds(t0));
        try (Backbone backbone = Backbones.openDefault()) {
            for (double spacing : spacings) {
                for (int scale : scales) {
                    evaluate(backbone, train, test, spacing, scale);
                }
            }
        }
        System.out.printf(Locale.ROOT, "total %.1f s%n", seconds(t0));
    }

    private void evaluate(Backbone backbone, List<LoadedStudy> train, List<LoadedStudy> test, double spacing, int scale) {
        long t0 = System.nanoTime();
        TrainSettings d = TrainSettings.defaults(seed);
        TrainSettings settings = TrainSettings.of(seed, epochs > 0 ? epochs : d.training().maxEpochs(), d.adjacentSlices(),
                "modality", scale, "", "", d.validationFraction(), "");
        ModelBundle bundle = new DetectorTraining(backbone, settings, new WorkingResolution(spacing))
                .train(train, Progress.none(), TrainingListener.none());
        double trainSeconds = seconds(t0);
        TrainedDetector detector = new TrainedDetector(backbone, bundle);
        long t1 = System.nanoTime();
        EvaluationReport operating = StudyEvaluation.evaluate(detector, test, CLASSES, 0, Progress.none()).report();
        StudyEvaluation.Result low = StudyEvaluation.evaluate(detector, test, CLASSES, frocThreshold, Progress.none());
        double testSeconds = seconds(t1);
        FrocCurve froc = low.report().froc();
        System.out.printf(Locale.ROOT, "%nspacing %.1f mm, input scale %d: trained %.0f s, evaluated %.0f s%n", spacing, scale,
                trainSeconds, testSeconds);
        System.out.printf(Locale.ROOT, "  cell validation AUC %.3f, detection threshold %.2f%n",
                bundle.metrics().auc().estimate(), bundle.threshold());
        System.out.println("  at the threshold: " + StudyEvaluation.summary(operating));
        System.out.printf(Locale.ROOT, "  FROC (findings >= %.2f): sensitivity at 0.5 / 1 / 2 / 4 FP per study %.2f / %.2f /"
                        + " %.2f / %.2f, average (0.125-8) %.2f; %d lesions%n", frocThreshold, froc.sensitivityAt(0.5),
                froc.sensitivityAt(1), froc.sensitivityAt(2), froc.sensitivityAt(4), froc.averageSensitivity(),
                froc.lesions());
        subsets(low, test, 2);
        subsets(low, test, 4);
        System.out.printf(Locale.ROOT, "  | %.1f | %d | %.3f | %.2f | %d/%d | %.2f | %.2f | %.2f |%n", spacing, scale,
                bundle.metrics().auc().estimate(), bundle.threshold(), operating.detectedLesions(), operating.lesions(),
                operating.falsePositivesPerStudy(), froc.sensitivityAt(1), froc.averageSensitivity());
    }

    /** Sensitivity at 1 FP/study on disjoint subsets of {@code size} test studies: what a small held-out set shows. */
    private static void subsets(StudyEvaluation.Result all, List<LoadedStudy> test, int size) {
        List<String> values = new ArrayList<>();
        for (int start = 0; start + size <= test.size(); start += size) {
            List<EvaluationCase> cases = new ArrayList<>();
            for (int i = start; i < start + size; i++) {
                LoadedStudy s = test.get(i);
                cases.add(new EvaluationCase(all.detections().get(i), GroundTruth.fromAnnotations(s.volume().info(),
                        s.annotations(), label -> CLASSES.role(label) == AnnotationClasses.Role.POSITIVE)));
            }
            EvaluationReport r = DetectionEvaluation.evaluate(cases, Progress.none());
            values.add(String.format(Locale.ROOT, "%.2f (%d lesions)", r.froc().sensitivityAt(1), r.lesions()));
        }
        System.out.printf(Locale.ROOT, "  sensitivity at 1 FP/study on disjoint sets of %d test studies: %s%n", size,
                String.join(", ", values));
    }

    private static Path write(Path dir, int first, int count) throws IOException {
        Files.createDirectories(dir);
        for (int n = first; n < first + count; n++) {
            PhantomStudy study = PhantomGenerator.generate(PhantomConfig.of(PhantomModality.XR, DATA_SEED, n));
            PhantomStudyWriter.write(study, dir.resolve(study.studyId()), PhantomStudyWriter.ExtraFiles.none());
        }
        return dir;
    }

    private static List<LoadedStudy> load(Path dir) throws IOException {
        DicomStudies volumes = DicomStudies.standard(Progress.none());
        List<LoadedStudy> out = new ArrayList<>();
        for (Study s : StudySet.open(dir).studies()) {
            out.add(LoadedStudy.load(s, volumes, AnnotationReader.sidecar()));
        }
        return out;
    }

    private static int lesions(List<LoadedStudy> studies) {
        return (int) studies.stream().flatMap(s -> s.annotations().stream()).filter(CLASSES::isPositive).count();
    }

    private static String arg(String[] args, String key, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(key)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
