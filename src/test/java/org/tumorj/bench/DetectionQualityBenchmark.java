package org.tumorj.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tumorj.annotation.AnnotationClasses;
import org.tumorj.backbone.Backbone;
import org.tumorj.backbone.Backbones;
import org.tumorj.dataset.LoadedStudy;
import org.tumorj.dataset.Study;
import org.tumorj.detect.FindingExtractor;
import org.tumorj.detect.ProbabilityMaps;
import org.tumorj.evaluation.DetectionEvaluation;
import org.tumorj.evaluation.EvaluationCase;
import org.tumorj.evaluation.EvaluationReport;
import org.tumorj.evaluation.GroundTruth;
import org.tumorj.model.ModelBundle;
import org.tumorj.phantom.MrSeries;
import org.tumorj.phantom.PhantomConfig;
import org.tumorj.phantom.PhantomGenerator;
import org.tumorj.phantom.PhantomModality;
import org.tumorj.phantom.PhantomStudy;
import org.tumorj.pipeline.CellSampling;
import org.tumorj.pipeline.DetectorTraining;
import org.tumorj.pipeline.StudyEvaluation;
import org.tumorj.pipeline.TrainSettings;
import org.tumorj.pipeline.TrainedDetector;
import org.tumorj.train.TrainingListener;
import org.tumorj.util.Progress;

/**
 * Lesion-level detection quality on more held-out data than the demo's two studies. For each
 * training set (phantoms of the demo's size, 192 x 192 x 24, {@code trainStudies} per set, each set
 * its own seed) it trains through {@link DetectorTraining} exactly as {@code ./tumorj train} and the
 * demo do, then evaluates with {@link StudyEvaluation} on {@code heldOut} fresh studies of another
 * seed (the same for every set and variant). Prints, per set and pooled: lesions hit at the
 * model's threshold, false positives per study, FROC sensitivity at 1 FP/study and the average FROC.
 * <pre>scripts/bench DetectionQualityBenchmark [modality=ct|mr] [variants=baseline,hard30]
 *     [trainSets=2] [trainStudies=4] [heldOut=6]</pre>
 * Variants: {@code baseline} (60 random negatives per slice, one round), {@code hardN} (one round
 * of hard negative mining, N per slice), {@code negN} (N random negatives), {@code edge} (body-edge
 * negatives), {@code unannotK} (negatives also from every K-th unannotated slice), {@code wdX},
 * {@code lrX}, {@code dropX} (head weight decay, learning rate, dropout); joined by '-'.
 */
public final class DetectionQualityBenchmark {
    private static final long HELD_OUT_SEED = 9001;
    private static final long MODEL_SEED = 42;
    /** FROC is computed from the findings that exist at a threshold, so it is also reported at these. */
    private static final double[] FIXED = {0.5, 0.8, 0.9, 0.95};

    public static void main(String[] args) throws java.io.IOException {
        String modality = args.length > 0 ? args[0] : "ct";
        String[] variants = (args.length > 1 ? args[1] : "baseline,hard30").split(",");
        int sets = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        int trainStudies = args.length > 3 ? Integer.parseInt(args[3]) : 4;
        int heldOut = args.length > 4 ? Integer.parseInt(args[4]) : 6;
        long t0 = System.nanoTime();
        List<LoadedStudy> test = studies(modality, HELD_OUT_SEED, heldOut);
        System.out.printf(Locale.ROOT, "%s: %d training set(s) of %d studies, %d held-out studies, cores %d%n",
                modality, sets, trainStudies, heldOut, Runtime.getRuntime().availableProcessors());
        try (Backbone backbone = Backbones.openDefault()) {
            for (String variant : variants) {
                double froc1 = 0, avg = 0, fp = 0;
                double[] bestFixed = new double[FIXED.length];
                int hit = 0, total = 0;
                for (int set = 0; set < sets; set++) {
                    long t1 = System.nanoTime();
                    List<LoadedStudy> train = studies(modality, 2026 + 1000L * set, trainStudies);
                    ModelBundle bundle = new DetectorTraining(backbone, settings(modality, variant)).withCellSampling(sampling(variant))
                            .train(train, Progress.none(), TrainingListener.none());
                    TrainedDetector detector = new TrainedDetector(backbone, bundle);
                    List<ProbabilityMaps> maps = test.stream().map(s -> detector.predict(s.volume(),
                            detector.defaultParams(s.volume()), Progress.none())).toList();
                    EvaluationReport r = evaluate(detector, test, maps, bundle.threshold());
                    System.out.printf(Locale.ROOT, "  %-12s set %d: cell AUC %.3f, threshold %.3f | %s (%.0f s)%n", variant, set,
                            bundle.metrics().auc().estimate(), bundle.threshold(), StudyEvaluation.summary(r), seconds(t1));
                    StringBuilder fixed = new StringBuilder("    FROC sens@1FP (average) at fixed thresholds:");
                    for (int k = 0; k < FIXED.length; k++) {
                        EvaluationReport f = evaluate(detector, test, maps, FIXED[k]);
                        fixed.append(String.format(Locale.ROOT, " %.2f: %.2f (%.2f), %d hit, %.1f FP;", FIXED[k],
                                f.froc().sensitivityAt(1), f.froc().averageSensitivity(), f.detectedLesions(),
                                f.falsePositivesPerStudy()));
                        bestFixed[k] += f.froc().sensitivityAt(1);
                    }
                    System.out.println(fixed);
                    froc1 += r.froc().sensitivityAt(1);
                    avg += r.froc().averageSensitivity();
                    fp += r.falsePositivesPerStudy();
                    hit += r.detectedLesions();
                    total += r.lesions();
                }
                StringBuilder fixedMean = new StringBuilder();
                for (int k = 0; k < FIXED.length; k++) {
                    fixedMean.append(String.format(Locale.ROOT, " %.3f |", bestFixed[k] / sets));
                }
                System.out.printf(Locale.ROOT, "| %s | %d x %d | %d/%d | %.1f | %.3f | %.3f |%s%n", variant, sets, heldOut, hit,
                        total, fp / sets, froc1 / sets, avg / sets, fixedMean);
            }
        }
        System.out.printf(Locale.ROOT, "total %.0f s%n", seconds(t0));
    }

    /** What the demo and {@code ./tumorj train} use without options: the modality's default input. */
    private static TrainSettings settings(String modality, String variant) {
        TrainSettings d = TrainSettings.defaults(MODEL_SEED);
        TrainSettings s = TrainSettings.of(MODEL_SEED, d.training().maxEpochs(), d.adjacentSlices(), "modality", d.inputScale(), "", "",
                d.validationFraction(), modality.equals("mr") ? "T2" : "");
        var t = s.training();
        for (String part : variant.split("-")) {
            if (part.startsWith("wd")) { // head weight decay, e.g. wd0.01
                t = t.withOptimizer(t.learningRate(), Double.parseDouble(part.substring(2)), t.batchSize());
            } else if (part.startsWith("lr")) {
                t = t.withOptimizer(Double.parseDouble(part.substring(2)), t.weightDecay(), t.batchSize());
            } else if (part.startsWith("drop")) {
                t = t.withHead(t.hiddenUnits(), Double.parseDouble(part.substring(4)));
            }
        }
        return new TrainSettings(s.preprocessing(), s.adjacentSlices(), s.sampling(), t, s.classes(), s.validationFraction(),
                s.seriesDescription(), s.inputScale());
    }

    static CellSampling sampling(String variant) {
        CellSampling s = CellSampling.randomOnly();
        for (String part : variant.split("-")) {
            if (part.startsWith("hard")) {
                s = s.withHardNegatives(Integer.parseInt(part.substring(4)));
            } else if (part.startsWith("neg")) {
                s = s.withNegatives(Integer.parseInt(part.substring(3)), s.marginCells());
            } else if (part.equals("edge")) {
                s = s.withBodyEdgeNegatives(true);
            } else if (part.startsWith("unannot")) {
                s = s.withUnannotatedSlices(Integer.parseInt(part.substring(7)));
            } else if (!part.equals("baseline") && !part.matches("(wd|lr|drop)[0-9.eE-]+")) {
                throw new IllegalArgumentException("unknown variant part " + part);
            }
        }
        return s;
    }

    private static List<LoadedStudy> studies(String modality, long seed, int n) {
        List<LoadedStudy> out = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            PhantomConfig c = PhantomConfig.of(modality.equals("mr") ? PhantomModality.MR : PhantomModality.CT, seed, i)
                    .withSize(192).withSlices(24);
            PhantomStudy s = modality.equals("mr") ? PhantomGenerator.generate(c, List.of(MrSeries.T2))
                    : PhantomGenerator.generate(c);
            var volume = modality.equals("mr") ? s.mrSeries().get(MrSeries.T2) : s.volume();
            out.add(new LoadedStudy(new Study(s.studyId(), Path.of(s.studyId()), s.patientId()), volume, s.annotations()));
        }
        return out;
    }

    /** Findings at {@code threshold} from maps computed once, scored as StudyEvaluation scores them. */
    private static EvaluationReport evaluate(TrainedDetector detector, List<LoadedStudy> test, List<ProbabilityMaps> maps,
            double threshold) {
        List<EvaluationCase> cases = new ArrayList<>();
        for (int i = 0; i < test.size(); i++) {
            LoadedStudy s = test.get(i);
            var params = detector.defaultParams(s.volume()).withThreshold(threshold);
            cases.add(new EvaluationCase(new FindingExtractor(params).extract(s.volume(), maps.get(i), s.id(), Progress.none()),
                    GroundTruth.fromAnnotations(s.volume().info(), s.annotations(),
                            label -> AnnotationClasses.defaults().role(label) == AnnotationClasses.Role.POSITIVE)));
        }
        return DetectionEvaluation.evaluate(cases, Progress.none());
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private DetectionQualityBenchmark() {}
}
