package org.tumorj.pipeline;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.tumorj.annotation.AnnotationClasses;
import org.tumorj.dataset.LoadedStudy;
import org.tumorj.detect.Detections;
import org.tumorj.detect.Finding;
import org.tumorj.detect.FindingFeatures;
import org.tumorj.detect.PeakFindingExtractor;
import org.tumorj.detect.ProbabilityMaps;
import org.tumorj.evaluation.GroundTruth;
import org.tumorj.evaluation.HitRule;
import org.tumorj.evaluation.Lesion;
import org.tumorj.model.FindingScorer;
import org.tumorj.util.Progress;

/**
 * Fits a {@link FindingScorer} on the candidate findings of all the training and validation
 * studies, each labelled by whether it hits an annotated lesion (the evaluation's
 * {@link HitRule}). On the studies the pixel head was fitted to its probabilities on lesions are
 * higher than an unseen study will give; the scorer's other measurements (size, surroundings,
 * intensity) are not, and the candidates of all studies are three times those of the validation
 * studies alone, which matters when a lab has few studies. On a development CT set (seeds
 * 8001/8002) both gave 0.63 sensitivity at 1 FP/study, CPM 0.58 (without a scorer 0.54, 0.54);
 * results on the benchmark sets are in docs/detection-quality.md.
 *
 * <p>Maps of the training studies are predicted one study at a time and dropped once measured:
 * a series' maps are as large as the series.
 */
final class FindingScorerTraining {
    /** Fewer candidates on lesions than this and the scorer is not fitted: the pixel probability ranks. */
    static final int MIN_LESION_CANDIDATES = 4;
    static final int MIN_OTHER_CANDIDATES = 10;

    private FindingScorerTraining() {}

    /** The scorer and its record for the bundle, or null scorer when the studies hold too few lesions. */
    record Fit(FindingScorer scorer, JsonObject record) {}

    /**
     * @param validationMaps the maps of {@code validation}, already predicted for the threshold
     *     choice; those of {@code train} are predicted here
     */
    static Fit fit(TrainedDetector plain, List<LoadedStudy> train, List<LoadedStudy> validation,
            List<ProbabilityMaps> validationMaps, AnnotationClasses classes, Progress progress) {
        List<double[]> features = new ArrayList<>();
        List<Boolean> lesion = new ArrayList<>();
        for (int i = 0; i < train.size(); i++) {
            LoadedStudy s = train.get(i);
            ProbabilityMaps maps = plain.predict(s.volume(), plain.defaultParams(s.volume()), progress.about(s.id()));
            measure(plain, s, maps, classes, features, lesion, progress);
            progress.update("finding scorer", i + 1, train.size());
        }
        for (int i = 0; i < validation.size(); i++) {
            measure(plain, validation.get(i), validationMaps.get(i), classes, features, lesion, progress);
        }
        long onLesions = lesion.stream().filter(b -> b).count(), others = lesion.size() - onLesions;
        JsonObject record = new JsonObject();
        record.addProperty("candidates", lesion.size());
        record.addProperty("onLesions", onLesions);
        if (onLesions < MIN_LESION_CANDIDATES || others < MIN_OTHER_CANDIDATES) {
            record.addProperty("fitted", false);
            record.addProperty("why", "the studies gave " + onLesions + " candidate(s) on lesions and " + others
                    + " elsewhere; at least " + MIN_LESION_CANDIDATES + " and " + MIN_OTHER_CANDIDATES
                    + " are needed: findings are ranked by their highest pixel probability");
            return new Fit(null, record);
        }
        FindingScorer scorer = FindingScorer.fit(FindingFeatures.NAMES, features, lesion)
                .withRankPenalty(rankPenalty(train));
        record.addProperty("fitted", true);
        return new Fit(scorer, record);
    }

    /**
     * How strongly a radiograph's findings are ranked together ({@link FindingScorer#inSeries}): a
     * radiograph's k-th candidate has its odds divided by k. A radiograph is one image holding one
     * to four nodules, and the scorer's probabilities do not compare between radiographs (an
     * image's largest nodule can score below another's rib crossing) while the order within one
     * does: on four radiograph sets 27 instead of 22 of 160 nodules at 1 FP/study. CT and MR
     * phantom series hold about five lesions each: there the same rule lost 1 of 183 CT lesions
     * (2 clear ones) and moved no MR lesion (docs/detection-quality.md), so they get none.
     */
    static final double RADIOGRAPH_RANK_PENALTY = 1;

    static double rankPenalty(List<LoadedStudy> studies) {
        return !studies.isEmpty() && studies.get(0).volume().info().isProjection() ? RADIOGRAPH_RANK_PENALTY : 0;
    }

    /** Adds the features of the candidates of {@code s} and whether each hits one of its lesions ({@link #labelled}). */
    private static void measure(TrainedDetector plain, LoadedStudy s, ProbabilityMaps maps, AnnotationClasses classes,
            List<double[]> features, List<Boolean> lesion, Progress progress) {
        progress.checkCancelled();
        Detections candidates = plain.findings(s.volume(), maps, s.id(),
                plain.defaultParams(s.volume()).withThreshold(PeakFindingExtractor.CANDIDATE_FLOOR), progress);
        List<Lesion> lesions = GroundTruth.fromAnnotations(s.volume().info(), s.annotations(),
                label -> classes.role(label) == AnnotationClasses.Role.POSITIVE).lesions();
        FindingFeatures measure = FindingFeatures.of(s.volume(), candidates.maps()); // masked as detection measures
        for (Labelled l : labelled(candidates.findings(), lesions)) {
            features.add(measure.of(l.finding()));
            lesion.add(l.onLesion());
        }
    }

    /** A candidate the scorer is fitted on, and whether it hits a lesion. */
    record Labelled(Finding finding, boolean onLesion) {}

    /**
     * The candidates labelled by whether they hit a lesion, highest peak first. Each lesion has one
     * positive, its highest-peaked candidate; further candidates on lesions already hit are left
     * out, as the evaluation counts each lesion once and a duplicate as no false positive.
     * Labelled positive, the pieces along a glioma's rim (low mean probability, low contrast)
     * taught the scorer to rank a whole tumour of probability 0.99998 81st of 100 (BraTS FLAIR,
     * leave-one-out, pat0005, once peak regions grew downhill).
     */
    static List<Labelled> labelled(List<Finding> candidates, List<Lesion> lesions) {
        List<Finding> byPeak = new ArrayList<>(candidates);
        byPeak.sort(Comparator.comparingDouble(Finding::probabilityMax).reversed());
        Set<Lesion> hit = new HashSet<>();
        List<Labelled> out = new ArrayList<>();
        for (Finding f : byPeak) {
            List<Lesion> on = lesions.stream().filter(l -> HitRule.hits(f, l)).toList();
            if (!on.isEmpty() && hit.containsAll(on)) {
                continue; // a duplicate on a lesion already hit
            }
            hit.addAll(on);
            out.add(new Labelled(f, !on.isEmpty()));
        }
        return out;
    }
}
