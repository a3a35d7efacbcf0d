package org.tumorj.pipeline;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tumorj.annotation.AnnotationClasses;
import org.tumorj.dataset.LoadedStudy;
import org.tumorj.detect.Detections;
import org.tumorj.detect.Finding;
import org.tumorj.detect.PeakFindingExtractor;
import org.tumorj.detect.ProbabilityMaps;
import org.tumorj.evaluation.DetectionEvaluation;
import org.tumorj.evaluation.EvaluationCase;
import org.tumorj.evaluation.EvaluationReport;
import org.tumorj.evaluation.GroundTruth;
import org.tumorj.util.Progress;

/**
 * Chooses the detection threshold on the validation studies' lesions, and logs what it rests on.
 *
 * <p>Why not the cell classifier's threshold: that one is picked for a sensitivity over single
 * feature cells, where negatives outnumber positives a hundredfold; used for detection it turns
 * whole organs into one huge finding whose centroid hits no lesion. Here the validation studies
 * are run through the real detector once, findings are extracted at each candidate threshold, and
 * the threshold with the best lesion sensitivity minus {@value #FP_PENALTY} per false positive per
 * study wins (ties: the higher threshold, fewer findings to review). For peak findings the
 * candidates are the validation findings' own scores, and the lowest threshold with the best
 * sensitivity at no more than {@value #FP_BUDGET} false positives per study wins.
 */
final class DetectionThreshold {
    static final double FP_PENALTY = 0.05;
    /**
     * Peak detectors: false positives per study a reader reviews at the operating point; two is
     * in the middle of the range LUNA16 scores (1/8 to 8 per scan).
     */
    static final double FP_BUDGET = 2;
    static final double[] CANDIDATES = {0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 0.97, 0.98, 0.99, 0.995};

    private DetectionThreshold() {}

    /**
     * Fewer validation lesions than this, or a single validation study, and training's log says
     * the threshold may not hold on new studies. On the BraTS folds (one validation patient each)
     * the chosen thresholds spread from 0.014 to 0.14 and gave a new patient 2 to 20 findings.
     * A single study warns whatever it holds: a lab may outline each of its few lesions as
     * several, and one patient's findings say little about the next one's.
     */
    static final int FEW_LESIONS = 5;

    /**
     * The chosen threshold and how each candidate did, for the bundle's training record.
     *
     * @param lesions the validation studies' lesions it was chosen on
     * @param studies the validation studies
     */
    record Choice(double threshold, JsonObject record, int lesions, int studies) {
        /** The log line {@link #choose} writes: the threshold, what it rests on and, when that is little, what to do. */
        String logLine() {
            String line = String.format(Locale.ROOT, "detection threshold %.3g (chosen on %d held-out lesion(s) in %d"
                    + " stud%s)", threshold, lesions, studies, studies == 1 ? "y" : "ies");
            boolean little = lesions < FEW_LESIONS || studies < 2;
            return !little ? line : line + "; with so little, new studies may get many more or fewer"
                    + " findings: try it on a few (Detect Tumors' threshold, or ./tumorj detect --candidates, whose"
                    + " candidates.csv scores every finding) and keep what suits with ./tumorj model set-threshold MODEL VALUE";
        }
    }

    static Choice choose(TrainedDetector detector, List<LoadedStudy> validation, AnnotationClasses classes,
            Progress progress) {
        return choose(detector, validation, predict(detector, validation, progress), classes, progress);
    }

    /** The validation studies' maps, computed once for everything chosen on them. */
    static List<ProbabilityMaps> predict(TrainedDetector detector, List<LoadedStudy> validation, Progress progress) {
        List<ProbabilityMaps> maps = new ArrayList<>();
        for (LoadedStudy s : validation) {
            progress.checkCancelled();
            maps.add(detector.predict(s.volume(), detector.defaultParams(s.volume()), progress.about(s.id())));
        }
        return maps;
    }

    /** As above, on maps already predicted for {@code validation} (the same head: a finding scorer does not change them). */
    static Choice choose(TrainedDetector detector, List<LoadedStudy> validation, List<ProbabilityMaps> maps,
            AnnotationClasses classes, Progress progress) {
        boolean peaks = detector.findsPeaks();
        JsonObject record = new JsonObject();
        record.addProperty("rule", peaks
                ? "max lesion sensitivity with at most " + FP_BUDGET + " false positives per study (ties: the lower"
                        + " threshold), on the validation studies, LUNA16 hit rule"
                : "max lesion sensitivity - " + FP_PENALTY + " x false positives per study, on the validation studies,"
                        + " LUNA16 hit rule");
        List<GroundTruth> truths = validation.stream().map(s -> GroundTruth.fromAnnotations(s.volume().info(),
                s.annotations(), label -> classes.role(label) == AnnotationClasses.Role.POSITIVE)).toList();
        List<Detections> floor = peaks ? atFloor(detector, validation, maps, progress) : List.of();
        double[] candidates = peaks ? peakCandidates(floor) : CANDIDATES;
        double best = Double.NEGATIVE_INFINITY;
        double chosen = candidates[candidates.length / 2];
        for (double t : candidates) {
            EvaluationReport r = evaluateAt(t, detector, validation, maps, truths, floor, progress);
            double score = r.lesions() == 0 ? Double.NaN : peaks
                    ? (r.falsePositivesPerStudy() <= FP_BUDGET ? r.sensitivity() : Double.NEGATIVE_INFINITY)
                    : r.sensitivity() - FP_PENALTY * r.falsePositivesPerStudy();
            record.addProperty(String.valueOf(t), String.format(Locale.ROOT,
                    "sensitivity %.3f, FP/study %.2f", r.sensitivity(), r.falsePositivesPerStudy()));
            // cells: ties go to the higher threshold (fewer findings); peaks: to the lower one,
            // the margin an unseen study's lesions need within the same false-positive budget
            if (peaks ? score > best : score >= best) {
                best = score;
                chosen = t;
            }
        }
        if (peaks && best == Double.NEGATIVE_INFINITY) {
            // no candidate within the budget (or no validation lesion): the fewest findings, not a median
            chosen = candidates[candidates.length - 1];
            record.addProperty("fallback", "no threshold kept false positives within " + FP_BUDGET
                    + " per study on the validation studies; the highest candidate is used");
        }
        int lesions = truths.stream().mapToInt(t -> t.lesions().size()).sum();
        record.addProperty("chosen", chosen);
        record.addProperty("validationLesions", lesions);
        Choice choice = new Choice(chosen, record, lesions, validation.size());
        progress.log(choice.logLine());
        return choice;
    }

    /** Each validation study's findings down to {@link PeakFindingExtractor#CANDIDATE_FLOOR}, extracted once. */
    private static List<Detections> atFloor(TrainedDetector detector, List<LoadedStudy> validation,
            List<ProbabilityMaps> maps, Progress progress) {
        List<Detections> out = new ArrayList<>();
        for (int i = 0; i < validation.size(); i++) {
            LoadedStudy s = validation.get(i);
            out.add(detector.findings(s.volume(), maps.get(i), s.id(),
                    detector.defaultParams(s.volume()).withThreshold(PeakFindingExtractor.CANDIDATE_FLOOR), progress));
        }
        return out;
    }

    /**
     * For peak findings, whose scores are prior-corrected probabilities with no fixed scale: the
     * scores of the validation findings at the lowest threshold, at most {@value #MAX_CANDIDATES}
     * of them spread evenly through the ranking; the lowest threshold itself when none is found.
     */
    private static double[] peakCandidates(List<Detections> floor) {
        double[] sorted = floor.stream().flatMap(d -> d.findings().stream()).mapToDouble(Finding::score)
                .sorted().distinct().toArray();
        if (sorted.length == 0) {
            return new double[] {PeakFindingExtractor.CANDIDATE_FLOOR};
        }
        int n = Math.min(MAX_CANDIDATES, sorted.length);
        double[] out = new double[n];
        for (int k = 0; k < n; k++) {
            out[k] = sorted[(int) ((long) k * (sorted.length - 1) / Math.max(1, n - 1))];
        }
        return java.util.Arrays.stream(out).distinct().toArray();
    }

    static final int MAX_CANDIDATES = 60;

    /**
     * Lesion results at threshold {@code t}. For peak findings, detection at {@code t} keeps
     * exactly the floor's findings scored {@code >= t} (peaks are always taken down to the floor,
     * regions grown highest first), so those are filtered rather than extracted again for each of
     * up to {@value #MAX_CANDIDATES} thresholds (extracting again took 75 s of a 190 s training
     * round on a 512 x 512 x 120 CT); for thresholded components the findings depend on {@code t}.
     */
    private static EvaluationReport evaluateAt(double t, TrainedDetector detector, List<LoadedStudy> validation,
            List<ProbabilityMaps> maps, List<GroundTruth> truths, List<Detections> floor, Progress progress) {
        List<EvaluationCase> cases = new ArrayList<>();
        for (int i = 0; i < validation.size(); i++) {
            LoadedStudy s = validation.get(i);
            Detections d;
            if (detector.findsPeaks()) {
                Detections all = floor.get(i);
                d = new Detections(all.study(), all.info(), all.params().withThreshold(t), all.maps(),
                        all.findings().stream().filter(f -> f.score() >= t).toList(), all.sliceScores());
            } else {
                d = detector.findings(s.volume(), maps.get(i), s.id(), detector.defaultParams(s.volume()).withThreshold(t),
                        progress);
            }
            cases.add(new EvaluationCase(d, truths.get(i)));
        }
        return DetectionEvaluation.evaluate(cases, Progress.none());
    }
}
