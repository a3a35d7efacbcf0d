package org.tumorj.detect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.tumorj.util.Progress;
import org.tumorj.volume.Volume;
import org.tumorj.volume.VolumeInfo;

/**
 * An ensemble's findings: each member's candidates (its own peaks, scored by its own finding
 * scorer) fused by location. Candidates of different members on the same object are one finding,
 * outlined as its highest-scoring member outlined it, scored by the mean over the members of each
 * member's best score there (0 for a member that has no candidate there). A lesion all members
 * see keeps its score; a peak only one member raises falls to a third of it with three members.
 *
 * <p>Why fuse findings rather than maps: members trained on different splits rank their own
 * candidates with their own scorers, and the averaged map loses that. Measured before this class
 * existed, by fusing three seeds' {@code candidates.csv} after the fact (docs/detection-quality.md,
 * 2026-12-07): 35 instead of 26 of 114 radiograph nodules at 1 FP/study on three fresh sets, where
 * one head's logits averaged over three initialisations found 27.
 */
public final class EnsembleFindings {
    /**
     * Candidates whose centroids lie within this distance in the slice plane (or within the larger
     * one's equivalent radius), on the same or adjacent slices, are one object.
     */
    public static final double SAME_OBJECT_MM = 3;

    private EnsembleFindings() {}

    /**
     * The members' mean maps and their own, masked as {@code params} asks (body, lung fields,
     * shutter), each slice's masks computed once for all of them. The members' findings are then
     * searched in their masked maps with the masks off.
     */
    public static ProbabilityMaps masked(Volume volume, ProbabilityMaps meanMaps, DetectionParams params,
            Progress progress) {
        return CellVolume.masked(volume, meanMaps, params, progress);
    }

    /**
     * The fused findings at {@code params}' threshold.
     *
     * @param shown the members' mean maps as {@link #masked} gave them
     * @param memberCandidates each member's findings down to the candidate floor, in member order
     */
    public static Detections fuse(Volume volume, ProbabilityMaps shown, List<Detections> memberCandidates,
            DetectionParams params, String study) {
        float[] sliceScores = CellVolume.of(shown).sliceMaxima();
        List<List<Finding>> each = memberCandidates.stream().map(Detections::findings).toList();
        float threshold = (float) params.threshold();
        List<Finding> kept = fuse(each, volume.info()).stream().filter(f -> f.score() >= threshold).toList();
        return new Detections(study, volume.info(), params, shown, FindingExtractor.numbered(kept), sliceScores);
    }

    /** The members' candidates fused by location, each with its fused score; in no particular order. */
    static List<Finding> fuse(List<List<Finding>> memberCandidates, VolumeInfo info) {
        record Candidate(Finding finding, int member) {}
        List<Candidate> all = new ArrayList<>();
        for (int m = 0; m < memberCandidates.size(); m++) {
            for (Finding f : memberCandidates.get(m)) {
                all.add(new Candidate(f, m));
            }
        }
        // Highest score first; equal scores by member, then by the member's own order (its ids).
        all.sort(Comparator.comparingDouble((Candidate c) -> -c.finding().score())
                .thenComparingInt(Candidate::member).thenComparingInt(c -> c.finding().id()));
        List<Finding> heads = new ArrayList<>();
        List<float[]> best = new ArrayList<>();
        for (Candidate c : all) {
            int k = 0;
            while (k < heads.size() && !sameObject(heads.get(k), c.finding(), info)) {
                k++;
            }
            if (k == heads.size()) {
                heads.add(c.finding());
                best.add(new float[memberCandidates.size()]);
            }
            float[] scores = best.get(k);
            scores[c.member()] = Math.max(scores[c.member()], c.finding().score());
        }
        List<Finding> fused = new ArrayList<>(heads.size());
        for (int k = 0; k < heads.size(); k++) {
            double sum = 0;
            for (float s : best.get(k)) {
                sum += s;
            }
            fused.add(heads.get(k).withScore((float) (sum / memberCandidates.size())));
        }
        return fused;
    }

    /** Same or adjacent slices, centroids within {@link #SAME_OBJECT_MM} or the larger one's radius in the plane. */
    static boolean sameObject(Finding a, Finding b, VolumeInfo info) {
        if (b.sliceFirst() > a.sliceLast() + 1 || a.sliceFirst() > b.sliceLast() + 1) {
            return false;
        }
        double dx = (a.centroidPx().x() - b.centroidPx().x()) * info.spacingX();
        double dy = (a.centroidPx().y() - b.centroidPx().y()) * info.spacingY();
        double reach = Math.max(SAME_OBJECT_MM, Math.max(a.equivalentDiameterMm(), b.equivalentDiameterMm()) / 2);
        return dx * dx + dy * dy <= reach * reach;
    }
}
