package org.tumorj.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.tumorj.annotation.AnnotationClasses;
import org.tumorj.dataset.AnnotationReader;
import org.tumorj.dataset.LoadedStudy;
import org.tumorj.dataset.Study;
import org.tumorj.dataset.StudySet;
import org.tumorj.dataset.TrainingData;
import org.tumorj.dataset.VolumeLoader;
import org.tumorj.detect.Detections;
import org.tumorj.evaluation.DetectionEvaluation;
import org.tumorj.evaluation.EvaluationCase;
import org.tumorj.evaluation.EvaluationReport;
import org.tumorj.evaluation.GroundTruth;
import org.tumorj.privacy.Deidentifier;
import org.tumorj.util.Progress;

/**
 * Runs a trained detector over annotated studies and scores it: lesion-level FROC (LUNA16 hit
 * rule), slice-level ROC AUC and Dice, through {@link DetectionEvaluation}.
 */
public final class StudyEvaluation {
    private StudyEvaluation() {}

    /** The evaluation in one line, as the command line and the Fiji command print it. */
    public static String summary(EvaluationReport r) {
        // one-image studies (radiographs) have no negative slices: no slice-level AUC to report
        String sliceAuc = Double.isNaN(r.sliceAuc()) ? "n/a" : String.format(java.util.Locale.ROOT, "%.3f", r.sliceAuc());
        return String.format(java.util.Locale.ROOT, "%d studies, %d lesions, %d detected (sensitivity %.2f),"
                        + " %.2f false positives per study; FROC sensitivity at 1 FP/study %.2f, CPM %.2f;"
                        + " slice AUC %s; Dice %.3f",
                r.studies(), r.lesions(), r.detectedLesions(), r.sensitivity(), r.falsePositivesPerStudy(),
                r.froc().sensitivityAt(1), r.froc().averageSensitivity(), sliceAuc, r.dicePooled());
    }

    /** The evaluation and, per study, the detections it was computed from. */
    public record Result(EvaluationReport report, List<Detections> detections) {}

    public static Result evaluate(TrainedDetector detector, Path studies, VolumeLoader volumes,
            AnnotationReader annotations, AnnotationClasses classes, double threshold, Progress progress)
            throws IOException {
        List<LoadedStudy> loaded = TrainingData.load(StudySet.open(studies), volumes, annotations, progress);
        return evaluate(detector, loaded, classes, threshold, progress);
    }

    /**
     * As {@link #evaluate(TrainedDetector, Path, VolumeLoader, AnnotationReader, AnnotationClasses,
     * double, Progress)}, with every study's label and UIDs replaced by pseudonyms in the report.
     */
    public static Result evaluate(TrainedDetector detector, Path studies, VolumeLoader volumes,
            AnnotationReader annotations, AnnotationClasses classes, double threshold, Deidentifier deidentifier,
            Progress progress) throws IOException {
        StudySet set = StudySet.open(studies);
        List<LoadedStudy> loaded = TrainingData.load(set, volumes, annotations,
                deidentifier == null ? progress : pseudonymous(progress, set, deidentifier));
        if (deidentifier != null) {
            loaded = loaded.stream().map(s -> deidentified(s, deidentifier)).toList();
        }
        return evaluate(detector, loaded, classes, threshold, progress);
    }

    /**
     * {@code progress} with every study's folder name, in step names and lines, replaced by its
     * pseudonym: the reader names its steps after the folder it reads, often a patient's name.
     */
    private static Progress pseudonymous(Progress progress, StudySet set, Deidentifier deidentifier) {
        Map<String, String> names = new LinkedHashMap<>();
        set.studies().stream().map(Study::id).sorted(Comparator.comparingInt(String::length).reversed())
                .forEach(id -> names.put(id, deidentifier.studyLabel(id)));
        UnaryOperator<String> hide = text -> {
            String out = text;
            for (Map.Entry<String, String> e : names.entrySet()) {
                out = out.replace(e.getKey(), e.getValue());
            }
            return out;
        };
        return new Progress() {
            @Override public void update(String step, long done, long total) { progress.update(hide.apply(step), done, total); }
            @Override public void log(String message) { progress.log(hide.apply(message)); }
            @Override public void detail(String message) { progress.detail(hide.apply(message)); }
            @Override public boolean isCancelled() { return progress.isCancelled(); }
        };
    }

    /** A study with its label and UIDs replaced by pseudonyms. */
    public static LoadedStudy deidentified(LoadedStudy s, Deidentifier deidentifier) {
        return new LoadedStudy(new Study(deidentifier.studyLabel(s.id()), s.study().dir(), ""),
                deidentifier.apply(s.volume()), s.annotations());
    }

    /** One study detected and paired with its annotations' ground truth, as {@link #evaluate} pairs each. */
    public static EvaluationCase evaluationCase(TrainedDetector detector, LoadedStudy s, AnnotationClasses classes,
            double threshold, Progress progress) {
        Detections d = detector.detect(s.volume(), s.id(), detector.params(s.volume(), threshold), progress);
        return new EvaluationCase(d, GroundTruth.fromAnnotations(s.volume().info(), s.annotations(),
                label -> classes.role(label) == AnnotationClasses.Role.POSITIVE));
    }

    /** At the model's own threshold. */
    public static Result evaluate(TrainedDetector detector, Path studies, VolumeLoader volumes,
            AnnotationReader annotations, AnnotationClasses classes, Progress progress) throws IOException {
        return evaluate(detector, studies, volumes, annotations, classes, 0, progress);
    }

    /** @param threshold in (0, 1) to override the model's; anything else keeps it */
    public static Result evaluate(TrainedDetector detector, List<LoadedStudy> studies, AnnotationClasses classes,
            double threshold, Progress progress) {
        List<EvaluationCase> cases = new ArrayList<>();
        List<Detections> all = new ArrayList<>();
        for (LoadedStudy s : studies) {
            progress.checkCancelled();
            EvaluationCase c = evaluationCase(detector, s, classes, threshold, progress);
            all.add(c.detections());
            cases.add(c);
        }
        return new Result(DetectionEvaluation.evaluate(cases, progress), all);
    }
}
