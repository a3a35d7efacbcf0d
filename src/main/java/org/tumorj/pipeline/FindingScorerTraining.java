package org.tumorj.pipeline;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.tumorj.annotation.AnnotationClasses;
import org.tumorj.dataset.LoadedStudy;
import org.tumorj.detect.Detections;
import org.tumorj.detect.Finding;
import org.tumorj.detect.FindingFeatures;
import org.tumorj.detect.ProbabilityMaps;
import org.tumorj.evaluation.GroundTruth;
import org.tumorj.evaluation.HitRule;
import org.tumorj.evaluation.Lesion;
import org.tumorj.model.FindingScorer;
import org.tumorj.util.Progress;

/**
 * Fits a {@link FindingScorer} on the validation studies' candidate findings, each labelled by
 * whether it hits an annotated lesion (the evaluation's {@link HitRule}). The validation studies,
 * not the training ones: on the studies the pixel head was fitted to, its probabilities on
 * lesions are higher than an unseen study will give, and the scorer would learn to trust them.
 *
 * <p>Measured before it was built (candidate lists of six held-out phantom sets, a scorer fitted
 * on one set and applied to another): sensitivity at 1 FP/study rose on every set, CT 0.54 to
 * 0.59-0.62, MR 0.47 to 0.62 and 0.69 to 0.74, radiographs 0.11 to 0.19 (docs/detection-quality.md).
 */
final class FindingScorerTraining {
    /** Fewer candidates on lesions than this and the scorer is not fitted: the pixel probability ranks. */
    static final int MIN_LESION_CANDIDATES = 4;
    static final int MIN_OTHER_CANDIDATES = 10;

    private FindingScorerTraining() {}

    /** The scorer and its record for the bundle, or null scorer when the validation studies hold too few lesions. */
    record Fit(FindingScorer scorer, JsonObject record) {}

    static Fit fit(TrainedDetector plain, List<LoadedStudy> validation, List<ProbabilityMaps> maps,
            AnnotationClasses classes, Progress progress) {
        List<double[]> features = new ArrayList<>();
        List<Boolean> lesion = new ArrayList<>();
        for (int i = 0; i < validation.size(); i++) {
            progress.checkCancelled();
            LoadedStudy s = validation.get(i);
            Detections candidates = plain.findings(s.volume(), maps.get(i), s.id(),
                    plain.defaultParams(s.volume()).withThreshold(TrainedDetector.CANDIDATE_FLOOR), progress);
            List<Lesion> lesions = GroundTruth.fromAnnotations(s.volume().info(), s.annotations(),
                    label -> classes.role(label) == AnnotationClasses.Role.POSITIVE).lesions();
            FindingFeatures measure = FindingFeatures.of(s.volume(), maps.get(i));
            for (Finding f : candidates.findings()) {
                features.add(measure.of(f));
                lesion.add(lesions.stream().anyMatch(l -> HitRule.hits(f, l)));
            }
        }
        long onLesions = lesion.stream().filter(b -> b).count(), others = lesion.size() - onLesions;
        JsonObject record = new JsonObject();
        record.addProperty("candidates", lesion.size());
        record.addProperty("onLesions", onLesions);
        if (onLesions < MIN_LESION_CANDIDATES || others < MIN_OTHER_CANDIDATES) {
            record.addProperty("fitted", false);
            record.addProperty("why", "the validation studies gave " + onLesions + " candidate(s) on lesions and " + others
                    + " elsewhere; at least " + MIN_LESION_CANDIDATES + " and " + MIN_OTHER_CANDIDATES
                    + " are needed: findings are ranked by their highest pixel probability");
            return new Fit(null, record);
        }
        FindingScorer scorer = FindingScorer.fit(FindingFeatures.NAMES, features, lesion);
        record.addProperty("fitted", true);
        return new Fit(scorer, record);
    }
}
