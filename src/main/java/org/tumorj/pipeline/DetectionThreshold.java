package org.tumorj.pipeline;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.tumorj.annotation.AnnotationClasses;
import org.tumorj.dataset.LoadedStudy;
import org.tumorj.detect.DetectionParams;
import org.tumorj.detect.FindingExtractor;
import org.tumorj.detect.ProbabilityMaps;
import org.tumorj.metrics.DetectionEvaluation;
import org.tumorj.metrics.EvaluationCase;
import org.tumorj.metrics.EvaluationReport;
import org.tumorj.metrics.GroundTruth;
import org.tumorj.util.Progress;

/**
 * Chooses the detection threshold on the validation studies' lesions.
 *
 * <p>Why not the cell classifier's threshold: that one is picked for a sensitivity over single
 * feature cells, where negatives outnumber positives a hundredfold; used for detection it turns
 * whole organs into one huge finding whose centroid hits no lesion. Here the validation studies
 * are run through the real detector once, findings are extracted at each candidate threshold, and
 * the threshold with the best lesion sensitivity minus {@value #FP_PENALTY} per false positive per
 * study wins (ties: the higher threshold, fewer findings to review).
 */
final class DetectionThreshold {
    static final double FP_PENALTY = 0.05;
    static final double[] CANDIDATES = {0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 0.97, 0.98, 0.99, 0.995};

    private DetectionThreshold() {}

    /** The chosen threshold and how each candidate did, for the bundle's training record. */
    record Choice(double threshold, JsonObject record) {}

    static Choice choose(TrainedDetector detector, List<LoadedStudy> validation, AnnotationClasses classes,
            Progress progress) {
        List<ProbabilityMaps> maps = new ArrayList<>();
        for (LoadedStudy s : validation) {
            progress.checkCancelled();
            maps.add(detector.predict(s.volume(), detector.defaultParams(s.volume()), progress));
        }
        JsonObject record = new JsonObject();
        record.addProperty("rule", "max lesion sensitivity - " + FP_PENALTY + " x false positives per study,"
                + " on the validation studies, LUNA16 hit rule");
        double best = Double.NEGATIVE_INFINITY;
        double chosen = CANDIDATES[CANDIDATES.length / 2];
        for (double t : CANDIDATES) {
            EvaluationReport r = evaluateAt(t, detector, validation, maps, classes, progress);
            double score = r.lesions() == 0 ? Double.NaN : r.sensitivity() - FP_PENALTY * r.falsePositivesPerStudy();
            record.addProperty(String.valueOf(t), String.format(java.util.Locale.ROOT,
                    "sensitivity %.3f, FP/study %.2f", r.sensitivity(), r.falsePositivesPerStudy()));
            if (score >= best) {
                best = score;
                chosen = t;
            }
        }
        record.addProperty("chosen", chosen);
        return new Choice(chosen, record);
    }

    private static EvaluationReport evaluateAt(double t, TrainedDetector detector, List<LoadedStudy> validation,
            List<ProbabilityMaps> maps, AnnotationClasses classes, Progress progress) {
        List<EvaluationCase> cases = new ArrayList<>();
        for (int i = 0; i < validation.size(); i++) {
            LoadedStudy s = validation.get(i);
            DetectionParams params = detector.defaultParams(s.volume()).withThreshold(t);
            cases.add(new EvaluationCase(new FindingExtractor(params).extract(s.volume(), maps.get(i), s.id(), progress),
                    GroundTruth.fromAnnotations(s.volume().info(), s.annotations(),
                            label -> classes.role(label) == AnnotationClasses.Role.POSITIVE)));
        }
        return DetectionEvaluation.evaluate(cases, Progress.none());
    }
}
