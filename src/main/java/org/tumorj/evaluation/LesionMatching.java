package org.tumorj.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tumorj.annotation.Annotation;
import org.tumorj.annotation.AnnotationClasses;
import org.tumorj.detect.Detections;
import org.tumorj.detect.Finding;
import org.tumorj.volume.VolumeInfo;

/**
 * Which lesions of one series its findings hit and which findings hit none, by {@link HitRule}:
 * the one matching the evaluation counts and the preview pictures colour (hit, missed, false
 * positive), so that what a reader sees is what the report scored.
 */
public final class LesionMatching {
    private final GroundTruth truth;
    private final double[] bestScore;
    private final List<Finding> falsePositives;

    private LesionMatching(GroundTruth truth, double[] bestScore, List<Finding> falsePositives) {
        this.truth = truth;
        this.bestScore = bestScore;
        this.falsePositives = List.copyOf(falsePositives);
    }

    /** Every finding against every lesion; a finding hitting several lesions counts for each. */
    public static LesionMatching of(Detections d, GroundTruth truth) {
        List<Lesion> lesions = truth.lesions();
        double[] best = new double[lesions.size()];
        Arrays.fill(best, Double.NaN);
        List<Finding> falsePositives = new ArrayList<>();
        for (Finding f : d.findings()) {
            boolean hitAny = false;
            for (int l = 0; l < lesions.size(); l++) {
                if (HitRule.hits(f, lesions.get(l))) {
                    hitAny = true;
                    best[l] = Double.isNaN(best[l]) ? f.score() : Math.max(best[l], f.score());
                }
            }
            if (!hitAny) {
                falsePositives.add(f);
            }
        }
        return new LesionMatching(truth, best, falsePositives);
    }

    /**
     * The findings matched to a study's annotations, lesions being the {@code classes}' positive
     * labels; null when no annotation is a lesion (nothing to match, nothing to draw).
     *
     * @param info the series the annotations were attached to (its SOPInstanceUIDs place them)
     */
    public static LesionMatching ofAnnotations(Detections d, VolumeInfo info, List<Annotation> regions,
            AnnotationClasses classes) {
        if (regions.stream().noneMatch(classes::isPositive)) {
            return null;
        }
        return of(d, GroundTruth.fromAnnotations(info, regions, label -> classes.role(label) == AnnotationClasses.Role.POSITIVE));
    }

    public GroundTruth truth() {
        return truth;
    }

    /** The highest score among the findings that hit lesion {@code index} (0-based), NaN when it was missed. */
    public double bestScore(int index) {
        return bestScore[index];
    }

    /** Whether a finding hit the lesion of this {@link Lesion#id()}. */
    public boolean isHit(int lesionId) {
        return !Double.isNaN(bestScore[lesionId - 1]);
    }

    public int hitLesions() {
        return (int) Arrays.stream(bestScore).filter(s -> !Double.isNaN(s)).count();
    }

    /** The findings that hit no lesion, in the detections' order. */
    public List<Finding> falsePositives() {
        return falsePositives;
    }
}
