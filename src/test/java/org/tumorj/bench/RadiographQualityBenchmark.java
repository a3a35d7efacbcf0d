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
import org.tumorj.detect.Detections;
import org.tumorj.detect.FindingExtractor;
import org.tumorj.detect.ProbabilityMaps;
import org.tumorj.evaluation.DetectionEvaluation;
import org.tumorj.evaluation.EvaluationCase;
import org.tumorj.evaluation.EvaluationReport;
import org.tumorj.evaluation.GroundTruth;
import org.tumorj.metrics.FrocCurve;
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
 * the detection threshold training chose, the evaluation at that threshold, and a threshold sweep: the probability maps of each test study are
 * computed once and findings extracted at every threshold of {@link #SWEEP}; each threshold gives
 * its own FROC (findings' scores), and the sweep reports the best sensitivity at <= 1 FP/study over
 * all of them. (One low threshold is not enough: regions then merge into large findings whose
 * centroids miss the nodules.) Also how much the sweep's figure moves between disjoint test subsets
 * of 2 and 4 studies, which is what a small held-out set would show.
 *
 * <pre>
 *   scripts/bench RadiographQualityBenchmark [--train 12] [--test 8] [--spacing 0.8[,0.6,1.0]]
 *       [--scale 2[,3]] [--epochs 0 (train's default)] [--seed 42]
 * </pre>
 */
public final class RadiographQualityBenchmark {
    private static final long DATA_SEED = 2026;
    private static final int TRAIN_FIRST = 2001;
    private static final int TEST_FIRST = 3001;
    private static final AnnotationClasses CLASSES = AnnotationClasses.defaults();
    private static final double[] SWEEP = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.98};

    private final int trainCount;
    private final int testCount;
    private final double[] spacings;
    private final int[] scales;
    private final int epochs;
    private final long seed;

    private RadiographQualityBenchmark(String[] args) {
        trainCount = Integer.parseInt(arg(args, "--train", "12"));
        testCount = Integer.parseInt(arg(args, "--test", "8"));
        spacings = Arrays.stream(arg(args, "--spacing", "0.8").split(",")).mapToDouble(Double::parseDouble).toArray();
        scales = Arrays.stream(arg(args, "--scale", "2").split(",")).mapToInt(Integer::parseInt).toArray();
        epochs = Integer.parseInt(arg(args, "--epochs", "0"));
        seed = Long.parseLong(arg(args, "--seed", "42"));
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
        System.out.printf(Locale.ROOT, "%nspacing %.1f mm, input scale %d: trained %.0f s; cell validation AUC %.3f,"
                + " detection threshold %.2f%n", spacing, scale, trainSeconds, bundle.metrics().auc().estimate(),
                bundle.threshold());
        long t1 = System.nanoTime();
        EvaluationReport operating = StudyEvaluation.evaluate(detector, test, CLASSES, 0, Progress.none()).report();
        List<List<EvaluationCase>> sweep = sweep(detector, test);
        FrocCurve froc = operating.froc();
        System.out.printf(Locale.ROOT, "  evaluated in %.0f s%n", seconds(t1));
        System.out.println("  at the threshold: " + StudyEvaluation.summary(operating));
        double best = bestAtOneFp(sweep, 0, test.size());
        System.out.printf(Locale.ROOT, "  threshold sweep: best sensitivity at <= 1 FP/study %.2f%n", best);
        subsets(sweep, 2);
        subsets(sweep, 4);
        System.out.printf(Locale.ROOT, "  | %.1f | %d | %.3f | %.2f | %d/%d | %.2f | %.2f | %.2f |%n", spacing, scale,
                bundle.metrics().auc().estimate(), bundle.threshold(), operating.detectedLesions(), operating.lesions(),
                operating.falsePositivesPerStudy(), froc.sensitivityAt(1), best);
    }

    /** Per sweep threshold, the test studies' findings (from maps computed once per study) with their truth. */
    private static List<List<EvaluationCase>> sweep(TrainedDetector detector, List<LoadedStudy> test) {
        List<List<EvaluationCase>> out = new ArrayList<>();
        for (int k = 0; k < SWEEP.length; k++) {
            out.add(new ArrayList<>());
        }
        StringBuilder line = new StringBuilder("  peak probability per test study, inside the nodules / elsewhere:");
        for (LoadedStudy s : test) {
            ProbabilityMaps maps = detector.predict(s.volume(), detector.params(s.volume(), 0.5), Progress.none());
            GroundTruth truth = truth(s);
            line.append(peaks(maps, truth));
            for (int k = 0; k < SWEEP.length; k++) {
                Detections d = new FindingExtractor(detector.params(s.volume(), SWEEP[k])).extract(s.volume(), maps, s.id(),
                        Progress.none());
                out.get(k).add(new EvaluationCase(d, truth));
            }
        }
        line.append("\n  sweep (threshold: detected/lesions, FP per study):");
        for (int k = 0; k < SWEEP.length; k++) {
            EvaluationReport r = DetectionEvaluation.evaluate(out.get(k), Progress.none());
            line.append(String.format(Locale.ROOT, " %.2f: %d/%d, %.2f;", SWEEP[k], r.detectedLesions(), r.lesions(),
                    r.falsePositivesPerStudy()));
        }
        System.out.println(line);
        return out;
    }

    /**
     * The highest probability on a nodule's pixels and elsewhere (where the map is computed): does
     * the map rank the nodules first at all, whatever the finding extraction does with it.
     */
    private static String peaks(ProbabilityMaps maps, GroundTruth truth) {
        float[] p = maps.map(0).upsample(maps.width(), maps.height());
        float inside = 0, outside = 0;
        for (int y = 0; y < maps.height(); y++) {
            for (int x = 0; x < maps.width(); x++) {
                float v = p[y * maps.width() + x];
                if (truth.mask(0).contains(x, y)) {
                    inside = Math.max(inside, v);
                } else if (!Float.isNaN(v)) {
                    outside = Math.max(outside, v);
                }
            }
        }
        return String.format(Locale.ROOT, " %.2f/%.2f", inside, outside);
    }

    /** Over the sweep's thresholds, the highest FROC sensitivity at 1 FP/study of studies [from, to). */
    private static double bestAtOneFp(List<List<EvaluationCase>> sweep, int from, int to) {
        double best = 0;
        for (List<EvaluationCase> cases : sweep) {
            best = Math.max(best, DetectionEvaluation.evaluate(cases.subList(from, to), Progress.none()).froc().sensitivityAt(1));
        }
        return best;
    }

    private static GroundTruth truth(LoadedStudy s) {
        return GroundTruth.fromAnnotations(s.volume().info(), s.annotations(),
                label -> CLASSES.role(label) == AnnotationClasses.Role.POSITIVE);
    }

    /** The sweep's sensitivity at 1 FP/study on disjoint subsets of {@code size} test studies. */
    private static void subsets(List<List<EvaluationCase>> sweep, int size) {
        List<String> values = new ArrayList<>();
        int studies = sweep.get(0).size();
        for (int start = 0; start + size <= studies; start += size) {
            int lesions = sweep.get(0).subList(start, start + size).stream().mapToInt(c -> c.truth().lesions().size()).sum();
            values.add(String.format(Locale.ROOT, "%.2f (%d lesions)", bestAtOneFp(sweep, start, start + size), lesions));
        }
        System.out.printf(Locale.ROOT, "  sweep sensitivity at 1 FP/study on disjoint sets of %d test studies: %s%n", size,
                String.join(", ", values));
    }

    private static Path write(Path dir, int first, int count) throws IOException {
        Files.createDirectories(dir);
        for (int n = first; n < first + count; n++) {
            PhantomStudy study = PhantomGenerator.generate(PhantomConfig.of(PhantomModality.XR, DATA_SEED, n));
            PhantomStudyWriter.write(study, dir.resolve(study.studyId()));
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
