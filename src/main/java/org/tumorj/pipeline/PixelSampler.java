package org.tumorj.pipeline;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.tumorj.annotation.Annotation;
import org.tumorj.annotation.AnnotationClasses;
import org.tumorj.dataset.LoadedStudy;
import org.tumorj.detect.DetectionParams;
import org.tumorj.features.FeatureGrid;
import org.tumorj.features.FeatureSpec;
import org.tumorj.features.GridChannels;
import org.tumorj.features.SliceFeatures;
import org.tumorj.model.DenseHead;
import org.tumorj.train.FeatureSet;
import org.tumorj.util.Progress;
import org.tumorj.volume.Volume;

/**
 * Pixel-level training examples on the feature grid of every slice of each study.
 *
 * <ul>
 *   <li>Positives: grid points inside a tumour outline, at most {@link #PER_REGION} per outline,
 *       so that one large tumour does not outweigh ten small nodules. (Repeating a small
 *       outline's few points up to 12 was tried: CT fell from 0.59 to 0.43 sensitivity at 1 FP/study
 *       on the same sets, MR moved by less than 0.05.)
 *   <li>Ring negatives: points {@link #RING_MIN_PX}-{@link #RING_MAX_PX} px outside a tumour
 *       outline, what teaches the map to fall off beside a lesion; nearer points are ambiguous
 *       (outlines are drawn by hand) and left out.
 *   <li>Normal-region negatives: points inside outlines of the negative classes.
 *   <li>Random negatives from every slice, first and last included, annotated or not (body only
 *       on CT). On a slice without outlines, points near a tumour outlined within
 *       {@link #NEAR_SLICES} slices are skipped: labs outline every other slice, and the slices
 *       between hold the same tumour.
 *   <li>Hard negatives, given a first head: the negatives it scores highest on each slice
 *       (vessels, organ edges: what detection would report as false positives).
 * </ul>
 *
 * <p>These counts are per slice, set for series of 20-40 slices. A one-slice image (a radiograph)
 * takes {@link #ONE_SLICE_FACTOR} times each, positives and negatives alike: at the series' counts
 * 24 radiographs gave the head about 4,000 examples (15,000 now), where 16 CT studies give it
 * 33,000. Over thirteen radiograph benchmark sets four times the examples raised the ranked list's
 * CPM on ten, by 0.02 on average; on eight of them more negatives alone lost 12 of 310 nodules,
 * more positives alone 4, and eight times all gained less (docs/detection-quality.md).
 *
 * <p>The positive share among all labelled points of the sampled slices (before the caps) is
 * the prior detection corrects its probabilities to ({@link #priorLogit}).
 */
public final class PixelSampler {
    static final int PER_REGION = 24;
    static final int RING_MIN_PX = 2;
    static final int RING_MAX_PX = 10;
    static final int RANDOM_ANNOTATED = 64;
    static final int RANDOM_OTHER = 24;
    static final int NEAR_SLICES = 2;
    static final int HARD_PER_SLICE = 16;
    static final int ONE_SLICE_FACTOR = 4;

    private final FeatureSpec spec;
    private final AnnotationClasses classes;
    private final long seed;
    private final VolumeFeatures features;
    private final DenseHead scorer;
    private long positivePoints;
    private long labelledPoints;

    /** @param features how the features of a (working) volume are made */
    PixelSampler(VolumeFeatures features, AnnotationClasses classes, long seed) {
        this(features, classes, seed, null);
    }

    private PixelSampler(VolumeFeatures features, AnnotationClasses classes, long seed,
            DenseHead scorer) {
        this.classes = classes;
        this.seed = seed;
        this.features = features;
        this.spec = features.spec();
        this.scorer = scorer;
    }

    /** This sampler adding, per slice, the {@link #HARD_PER_SLICE} negatives {@code head} scores highest. */
    public PixelSampler withHardNegatives(DenseHead head) {
        return new PixelSampler(features, classes, seed, head);
    }

    /** The log-odds of a positive among the labelled points of the last {@link #sample} (for the prior correction). */
    public double priorLogit() {
        double p = Math.max(1, positivePoints) / (double) Math.max(2, labelledPoints);
        return Math.log(p / (1 - p));
    }

    public FeatureSet sample(List<LoadedStudy> studies, Progress progress) {
        Examples out = new Examples();
        positivePoints = 0;
        labelledPoints = 0;
        for (int s = 0; s < studies.size(); s++) {
            LoadedStudy study = studies.get(s);
            Volume volume = study.volume();
            SliceFeatures sliceFeatures = features.apply(volume);
            Random random = new Random(seed ^ study.id().hashCode());
            for (int z = 0; z < volume.depth(); z++) {
                progress.checkCancelled();
                sampleSlice(study, z, sliceFeatures.slice(z), random, out);
            }
            progress.update("pixel features", s + 1, studies.size());
        }
        return out.toFeatureSet();
    }

    private void sampleSlice(LoadedStudy study, int z, FeatureGrid grid, Random random, Examples out) {
        Volume volume = study.volume();
        int factor = volume.depth() == 1 ? ONE_SLICE_FACTOR : 1;
        List<Annotation> positives = on(study, z, AnnotationClasses.Role.POSITIVE);
        List<Annotation> negatives = on(study, z, AnnotationClasses.Role.NEGATIVE);
        List<Annotation> nearby = positives.isEmpty() ? nearbyPositives(study, z) : List.of();
        List<List<Integer>> inside = lists(positives.size()), ring = lists(positives.size()), normal = lists(negatives.size());
        List<Integer> pool = new ArrayList<>();
        for (int j = 0; j < grid.height(); j++) {
            for (int i = 0; i < grid.width(); i++) {
                int px = i * grid.stride(), py = j * grid.stride();
                double x = px + 0.5, y = py + 0.5; // outlines run along pixel edges
                if (!volume.info().shutter().exposes(px, py)) {
                    continue;
                }
                int point = j * grid.width() + i;
                Place place = place(positives, negatives, x, y);
                switch (place.kind()) {
                    case INSIDE -> inside.get(place.outline()).add(point);
                    case RING -> ring.get(place.outline()).add(point);
                    case NORMAL -> normal.get(place.outline()).add(point);
                    case ELSEWHERE -> {
                        if (!inBody(volume, z, px, py) || nearTumourElsewhere(nearby, x, y)) {
                            continue;
                        }
                        pool.add(point);
                    }
                    case EDGE -> {
                        continue; // the outline's own uncertainty
                    }
                }
                labelledPoints++;
                positivePoints += place.kind() == Place.Kind.INSIDE ? 1 : 0;
            }
        }
        int perRegion = PER_REGION * factor;
        inside.forEach(points -> out.add(grid, choose(points, perRegion, random), 1, study.id()));
        ring.forEach(points -> out.add(grid, choose(points, perRegion, random), 0, study.id()));
        normal.forEach(points -> out.add(grid, choose(points, perRegion, random), 0, study.id()));
        if (scorer != null) {
            pool = withHardFirst(grid, pool, HARD_PER_SLICE * factor, out, study.id());
        }
        boolean annotated = !positives.isEmpty() || !negatives.isEmpty();
        out.add(grid, choose(pool, (annotated ? RANDOM_ANNOTATED : RANDOM_OTHER) * factor, random), 0, study.id());
    }

    /** Where a grid point lies among one slice's outlines; {@code outline} indexes its list, -1 for none. */
    private record Place(Kind kind, int outline) {
        enum Kind { INSIDE, EDGE, RING, NORMAL, ELSEWHERE }
    }

    private static Place place(List<Annotation> positives, List<Annotation> negatives, double x, double y) {
        int region = containing(positives, x, y);
        if (region >= 0) {
            return new Place(Place.Kind.INSIDE, region);
        }
        int nearest = nearestWithin(positives, x, y, RING_MAX_PX);
        if (nearest >= 0) {
            Annotation a = positives.get(nearest);
            boolean edge = Polygons.distanceToEdge(a.xs(), a.ys(), x, y) < RING_MIN_PX;
            return new Place(edge ? Place.Kind.EDGE : Place.Kind.RING, nearest);
        }
        int normal = containing(negatives, x, y);
        return normal >= 0 ? new Place(Place.Kind.NORMAL, normal) : new Place(Place.Kind.ELSEWHERE, -1);
    }

    /** Not air outside the patient: on CT above the body mask's air level; every point elsewhere. */
    private static boolean inBody(Volume volume, int z, int px, int py) {
        return !"CT".equalsIgnoreCase(volume.info().modality())
                || volume.slice(z)[py * volume.width() + px] > DetectionParams.DEFAULT_AIR_HU;
    }

    /** Adds the {@code count} hardest negatives of {@code pool} to {@code out} and returns the rest. */
    private List<Integer> withHardFirst(FeatureGrid grid, List<Integer> pool, int count, Examples out, String study) {
        List<Integer> ranked = new ArrayList<>(pool);
        double[] score = new double[grid.width() * grid.height()];
        int[] points = ranked.stream().mapToInt(Integer::intValue).toArray();
        float[] logits = scorer.logitsAt(grid.values(), grid.channels(), points); // what logit gives, in parallel
        for (int k = 0; k < points.length; k++) {
            score[points[k]] = logits[k];
        }
        ranked.sort((a, b) -> Double.compare(score[b], score[a])); // stable: ties keep scan order
        int hard = Math.min(count, ranked.size());
        out.add(grid, ranked.subList(0, hard), 0, study);
        return new ArrayList<>(ranked.subList(hard, ranked.size()));
    }

    private List<Annotation> on(LoadedStudy study, int z, AnnotationClasses.Role role) {
        return study.annotations().stream().filter(a -> a.sliceIndex() == z && classes.role(a.label()) == role).toList();
    }

    private List<Annotation> nearbyPositives(LoadedStudy study, int z) {
        return study.annotations().stream().filter(a -> a.sliceIndex() != z && Math.abs(a.sliceIndex() - z) <= NEAR_SLICES
                && classes.role(a.label()) == AnnotationClasses.Role.POSITIVE).toList();
    }

    /** Within the outline's equivalent radius plus the ring's reach of its centroid. */
    private static boolean nearTumourElsewhere(List<Annotation> nearby, double x, double y) {
        for (Annotation a : nearby) {
            double radius = Math.sqrt(Polygons.area(a.xs(), a.ys()) / Math.PI);
            if (Polygons.distanceToCentroid(a.xs(), a.ys(), x, y) <= radius + RING_MAX_PX) {
                return true;
            }
        }
        return false;
    }

    private static int containing(List<Annotation> outlines, double x, double y) {
        for (int k = 0; k < outlines.size(); k++) {
            if (Polygons.contains(outlines.get(k).xs(), outlines.get(k).ys(), x, y)) {
                return k;
            }
        }
        return -1;
    }

    /** The outline whose edge is nearest, if within {@code reach} px; -1 otherwise. */
    private static int nearestWithin(List<Annotation> outlines, double x, double y, double reach) {
        int best = -1;
        double bestDistance = reach;
        for (int k = 0; k < outlines.size(); k++) {
            Annotation a = outlines.get(k);
            if (!Polygons.boundsReach(a.xs(), a.ys(), x, y, reach)) {
                continue;
            }
            double d = Polygons.distanceToEdge(a.xs(), a.ys(), x, y);
            if (d <= bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        return best;
    }

    private static List<Integer> choose(List<Integer> points, int max, Random random) {
        if (points.size() <= max) {
            return points;
        }
        List<Integer> shuffled = new ArrayList<>(points);
        Collections.shuffle(shuffled, random);
        return shuffled.subList(0, max);
    }

    private static List<List<Integer>> lists(int n) {
        List<List<Integer>> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new ArrayList<>());
        }
        return out;
    }

    /** The examples gathered so far. */
    private static final class Examples {
        private final List<float[]> features = new ArrayList<>();
        private final List<Integer> labels = new ArrayList<>();
        private final List<String> groups = new ArrayList<>();

        void add(FeatureGrid grid, List<Integer> points, int label, String group) {
            for (int p : points) {
                features.add(grid.at(p % grid.width(), p / grid.width()));
                labels.add(label);
                groups.add(group);
            }
        }

        FeatureSet toFeatureSet() {
            return new FeatureSet(features.toArray(float[][]::new), labels.stream().mapToInt(Integer::intValue).toArray(),
                    groups.toArray(String[]::new));
        }
    }
}
