package org.tumorj.evaluation;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tumorj.detect.Detections;
import org.tumorj.volume.SliceRegion;
import org.tumorj.util.Progress;
import org.tumorj.metrics.Dice;
import org.tumorj.metrics.Froc;
import org.tumorj.metrics.FrocCurve;
import org.tumorj.metrics.Roc;
import org.tumorj.metrics.StudyResult;

/**
 * Evaluates detections against annotations: lesion level (hits by {@link HitRule}, FROC), slice
 * level (ROC AUC of the slice's highest probability) and voxel level (Dice). The entry point of
 * {@code tumorj evaluate} and the Evaluate command.
 */
public final class DetectionEvaluation {
    private DetectionEvaluation() {}

    public static EvaluationReport evaluate(List<EvaluationCase> cases, Progress progress) {
        List<StudyScores> scores = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            progress.checkCancelled();
            scores.add(score(cases.get(i)));
            progress.update("Evaluation", i + 1, cases.size());
        }
        return pool(scores);
    }

    /**
     * What one study contributes to a pooled evaluation, so that studies scored apart (one Spark
     * task each) pool into the very report {@link #evaluate} gives for them together.
     *
     * @param lesionScores each annotated lesion's best finding score, NaN when missed
     * @param falsePositiveScores each false positive's score
     * @param sliceScores each slice's highest probability
     * @param slicePositive whether each slice holds a positive annotation
     * @param threshold the detection threshold the findings were made at
     */
    public record StudyScores(StudyResult result, double[] lesionScores, double[] falsePositiveScores,
            double[] sliceScores, boolean[] slicePositive, double threshold) implements Serializable {}

    /** One study's matching, slice scores and voxel overlap. */
    public static StudyScores score(EvaluationCase c) {
        List<Double> lesionScores = new ArrayList<>(), fpScores = new ArrayList<>();
        List<Double> sliceScores = new ArrayList<>();
        List<Boolean> slicePositive = new ArrayList<>();
        StudyResult r = evaluateStudy(c, lesionScores, fpScores);
        collectSlices(c, sliceScores, slicePositive);
        boolean[] positive = new boolean[slicePositive.size()];
        for (int i = 0; i < positive.length; i++) {
            positive[i] = slicePositive.get(i);
        }
        return new StudyScores(r, toArray(lesionScores), toArray(fpScores), toArray(sliceScores), positive,
                c.detections().params().threshold());
    }

    /** The studies' scores pooled, in their order: FROC, slice ROC AUC, Dice, per-study rows. */
    public static EvaluationReport pool(List<StudyScores> studies) {
        List<Double> lesionScores = new ArrayList<>(), fpScores = new ArrayList<>();
        List<Double> sliceScores = new ArrayList<>();
        List<Boolean> slicePositive = new ArrayList<>();
        List<StudyResult> perStudy = new ArrayList<>();
        long overlap = 0, annotated = 0, detected = 0;
        for (StudyScores s : studies) {
            Arrays.stream(s.lesionScores()).forEach(lesionScores::add);
            Arrays.stream(s.falsePositiveScores()).forEach(fpScores::add);
            Arrays.stream(s.sliceScores()).forEach(sliceScores::add);
            for (boolean b : s.slicePositive()) {
                slicePositive.add(b);
            }
            StudyResult r = s.result();
            overlap += r.overlapVoxels();
            annotated += r.annotatedVoxels();
            detected += r.detectedVoxels();
            perStudy.add(r);
        }
        FrocCurve froc = Froc.curve(toArray(lesionScores), toArray(fpScores), Math.max(1, studies.size()));
        boolean[] positive = new boolean[slicePositive.size()];
        long nPos = 0;
        for (int i = 0; i < positive.length; i++) {
            positive[i] = slicePositive.get(i);
            nPos += positive[i] ? 1 : 0;
        }
        double threshold = studies.isEmpty() ? Double.NaN : studies.get(0).threshold();
        int nLesions = lesionScores.size();
        int hit = (int) lesionScores.stream().filter(s -> !Double.isNaN(s)).count();
        return new EvaluationReport(threshold, studies.size(), nLesions, hit, fpScores.size(), froc,
                Roc.auc(toArray(sliceScores), positive), nPos, positive.length - nPos,
                Dice.of(overlap, annotated, detected), meanDefined(perStudy), perStudy);
    }

    /** Matches findings to lesions; appends each lesion's score (NaN if missed) and each FP's score. */
    private static StudyResult evaluateStudy(EvaluationCase c, List<Double> lesionScores, List<Double> fpScores) {
        Detections d = c.detections();
        LesionMatching m = LesionMatching.of(d, c.truth());
        int lesions = c.truth().lesions().size();
        for (int l = 0; l < lesions; l++) {
            lesionScores.add(m.bestScore(l));
        }
        m.falsePositives().forEach(f -> fpScores.add((double) f.score()));
        long[] voxels = voxelOverlap(c);
        return new StudyResult(d.study(), d.info().seriesInstanceUid(), lesions, m.hitLesions(),
                m.falsePositives().size(), d.findings().size(), voxels[0], voxels[1], voxels[2],
                Dice.of(voxels[2], voxels[0], voxels[1]));
    }

    /** {annotated, detected, both} voxel counts, slice by slice. */
    private static long[] voxelOverlap(EvaluationCase c) {
        int w = c.truth().info().width(), h = c.truth().info().height();
        long annotated = 0, detected = 0, both = 0;
        for (int z = 0; z < c.truth().depth(); z++) {
            SliceRegion truth = c.truth().mask(z);
            boolean[] found = c.detections().findingMask(z);
            boolean[] gt = new boolean[w * h];
            truth.paint(gt, w);
            for (int i = 0; i < gt.length; i++) {
                annotated += gt[i] ? 1 : 0;
                detected += found[i] ? 1 : 0;
                both += gt[i] && found[i] ? 1 : 0;
            }
        }
        return new long[] {annotated, detected, both};
    }

    private static void collectSlices(EvaluationCase c, List<Double> scores, List<Boolean> positive) {
        float[] s = c.detections().sliceScores();
        for (int z = 0; z < s.length; z++) {
            scores.add((double) s[z]);
            positive.add(c.truth().sliceHasLesion(z));
        }
    }

    private static double meanDefined(List<StudyResult> perStudy) {
        return perStudy.stream().mapToDouble(StudyResult::dice).filter(d -> !Double.isNaN(d)).average().orElse(Double.NaN);
    }

    private static double[] toArray(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
