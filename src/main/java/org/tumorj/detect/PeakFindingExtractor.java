package org.tumorj.detect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.tumorj.model.FindingScorer;
import org.tumorj.util.Progress;
import org.tumorj.volume.LabelImage;
import org.tumorj.volume.SliceRegion;
import org.tumorj.volume.Volume;
import org.tumorj.volume.VolumeInfo;

/**
 * Findings at the peaks of the probability maps: 3D local maxima of the lightly smoothed map
 * (on the maps' own grid), taken from the highest down; each grows into the connected cells
 * whose probability is at least {@link #GROW_FRACTION} of its peak, no farther than
 * {@link #MAX_RADIUS_MM} from it, climbing only on its top ({@link #TOP_FRACTION}). A peak inside
 * a region already grown, or whose own region meets one from its top, is part of that object (a
 * large tumour with several maxima stays one finding), while a small lesion next to it keeps its
 * own as long as the map dips between them.
 *
 * <p>Why peaks rather than thresholded components: a component above a fixed threshold merges a
 * lesion with the bright tissue around it into one blob whose centroid misses the lesion, and its
 * size depends on the threshold; a peak sits on the lesion and its region scales with it. The
 * threshold only decides which peaks are reported. Everything is sequential and ordered, so equal
 * inputs give identical findings.
 */
public final class PeakFindingExtractor {
    /** A peak's region: connected cells at or above this fraction of the peak. */
    public static final double GROW_FRACTION = 0.5;
    /**
     * A peak's top: the cells at or above this fraction of it. A region climbs only while its way
     * has stayed on the top (noise on a saturated lesion's plateau), and a lower peak is a
     * shoulder of an earlier object only when it meets it from its top; one the map dips deeper
     * around is a finding of its own. Before (regions climbing anything above
     * {@link #GROW_FRACTION} of their peak), on radiographs, where the map is flat and faint,
     * nodules 2 cm from a brighter rib crossing were part of it.
     */
    public static final double TOP_FRACTION = 0.8;
    /** No region reaches farther from its peak (an 8 cm tumour fits). */
    public static final double MAX_RADIUS_MM = 45;
    /**
     * Findings per series at most, the highest: below the 100th peak a study holds nothing a
     * reader would review, and each finding costs a pass over its slices' pixels.
     */
    public static final int MAX_FINDINGS = 100;
    /**
     * Lowest peak probability a candidate finding may have: what training's threshold sweep and a
     * finding scorer see, and what {@code candidates.csv} lists. Prior-corrected probabilities of
     * faint lesions lie between 1e-4 and 1e-2, below any operating threshold worth reporting. A
     * finding scorer's rank penalty stops here: a candidate whose probability reached it is listed,
     * at this score if its rank would take it lower.
     */
    public static final double CANDIDATE_FLOOR = 1e-4;

    private final DetectionParams params;
    private final FindingScorer scorer;

    public PeakFindingExtractor(DetectionParams params) {
        this(params, null);
    }

    /**
     * @param scorer when not null, every peak down to {@link #CANDIDATE_FLOOR} becomes a candidate,
     *     the scorer gives each its score, and the threshold applies to that score
     */
    public PeakFindingExtractor(DetectionParams params, FindingScorer scorer) {
        this.params = params;
        this.scorer = scorer;
    }

    /** Findings of {@code volume} from its maps; checks for cancellation between steps. */
    public Detections extract(Volume volume, ProbabilityMaps maps, String study, Progress progress) {
        VolumeInfo info = volume.info();
        maps.checkCovers(volume);
        ProbabilityMaps shown = CellVolume.masked(volume, maps, params, progress);
        CellVolume cells = CellVolume.of(shown);
        float[] sliceScores = cells.sliceMaxima();
        int[] owner = new int[cells.size()];
        List<int[]> regions = grow(cells, owner, info);
        progress.checkCancelled();
        List<Finding> candidates = new ArrayList<>();
        for (int r = 0; r < regions.size(); r++) {
            Finding f = toFinding(regions.get(r), r + 1, owner, cells, volume, shown);
            if (f != null && f.equivalentDiameterMm() >= params.minSizeMm()) {
                candidates.add(f);
            }
        }
        if (scorer != null) {
            candidates = scored(candidates, FindingFeatures.of(volume, shown));
        }
        float threshold = (float) params.threshold(); // scores are floats: the floor itself, rounded alike, passes
        List<Finding> findings = candidates.stream().filter(f -> f.score() >= threshold).toList();
        return new Detections(study, info, params, shown, FindingExtractor.numbered(findings), sliceScores);
    }

    /** The candidates with the scorer's probabilities, ranked together within the series ({@link FindingScorer#inSeries}). */
    private List<Finding> scored(List<Finding> candidates, FindingFeatures measured) {
        int[] columns = FindingFeatures.columns(scorer.featureNames());
        double[] p = new double[candidates.size()];
        for (int i = 0; i < p.length; i++) {
            p[i] = scorer.probability(measured.of(candidates.get(i), columns));
        }
        double[] ranked = scorer.inSeries(p);
        List<Finding> out = new ArrayList<>(p.length);
        for (int i = 0; i < p.length; i++) {
            out.add(candidates.get(i).withScore((float) Math.max(ranked[i], Math.min(p[i], CANDIDATE_FLOOR))));
        }
        return out;
    }

    /**
     * Regions grown from the peaks, highest first; {@code owner} gets each cell's region (1-based).
     * A lower peak whose region meets an earlier one along cells above its own level is a shoulder
     * of that object: no finding of its own, and it does not widen the other.
     */
    private List<int[]> grow(CellVolume cells, int[] owner, VolumeInfo info) {
        float[] smooth = cells.smoothed();
        List<int[]> regions = new ArrayList<>();
        int[] joined = new int[1];
        float lowest = (float) Math.min(CANDIDATE_FLOOR, params.threshold());
        for (int peak : cells.peaks(smooth, lowest)) {
            if (regions.size() == MAX_FINDINGS) {
                break;
            }
            if (owner[peak] != 0) {
                continue; // inside a region already grown: the same object
            }
            int[] grown = cells.flood(peak, regions.size() + 1, owner, smooth, (float) (GROW_FRACTION * smooth[peak]),
                    (float) (TOP_FRACTION * smooth[peak]), MAX_RADIUS_MM, info, joined);
            if (joined[0] == 0) {
                regions.add(grown);
            }
        }
        return regions;
    }

    /**
     * The region's cells painted on the slices' pixels, each slice's pieces as components. Each
     * slice is painted, labelled and interpolated only in the window around the region's cells
     * there (a finding covers a few hundred of a slice's 262 144 pixels).
     */
    private static Finding toFinding(int[] region, int id, int[] owner, CellVolume cells, Volume volume,
            ProbabilityMaps maps) {
        int w = volume.width(), h = volume.height();
        Map<Integer, int[]> bySlice = Arrays.stream(region).boxed().collect(Collectors.groupingBy(cells::z, TreeMap::new,
                Collectors.collectingAndThen(Collectors.toList(), l -> l.stream().mapToInt(Integer::intValue).toArray())));
        List<FindingExtractor.Component> components = new ArrayList<>();
        for (Map.Entry<Integer, int[]> slice : bySlice.entrySet()) {
            int z = slice.getKey();
            CellVolume.Window window = cells.paintWindow(z, owner, id, slice.getValue(), w, h);
            LabelImage labels = LabelImage.label8(window.mask(), window.width(), window.height());
            List<SliceRegion> pieces = labels.regions();
            float[] p = maps.slice(z, window.x0(), window.y0(), window.width(), window.height());
            for (int l = 1; l <= labels.count(); l++) {
                components.add(FindingExtractor.Component.of(z, pieces.get(l - 1).translated(window.x0(), window.y0()),
                        labels.contour(l).translated(window.x0(), window.y0()), p, window.x0(), window.y0(),
                        window.width(), volume.info()));
            }
        }
        return components.isEmpty() ? null : FindingExtractor.finding(components, volume.info());
    }
}
