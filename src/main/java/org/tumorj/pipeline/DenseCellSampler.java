package org.tumorj.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.tumorj.annotation.Annotation;
import org.tumorj.annotation.AnnotationClasses;
import org.tumorj.backbone.Backbone;
import org.tumorj.backbone.FloatTensor;
import org.tumorj.dataset.LoadedStudy;
import org.tumorj.model.DenseHead;
import org.tumorj.train.FeatureSet;
import org.tumorj.util.Progress;
import org.tumorj.volume.Volume;

/**
 * Training examples taken the way detection sees a slice: the backbone runs over each annotated
 * slice whole, and every feature cell becomes an example, labelled by where its centre falls.
 *
 * <p>Why not patches: detection applies the head to single cells of a whole-slice feature map, so
 * training on exactly those cells removes any mismatch between what the head learns from and what
 * it is applied to, and it shows the head every cell of the organ a lesion sits in as a negative
 * (hard negatives), instead of a few random patches. A cell is positive when its centre lies inside
 * a positive region or within half a cell of its centre (so small lesions are not lost between
 * cells); negative when it is at least {@code marginCells} cells from every positive region and not
 * air; otherwise ignored. Shifted passes (half a cell) double the sampling in each direction, and a
 * horizontal flip augments training studies.
 *
 * <p>Hard negatives ({@link #withHardNegatives}): given a first head, each slice also keeps its
 * {@code hardPerSlice} negative cells that head scores highest (vessel cross-sections, organ edges:
 * what detection would report as false positives), besides the random ones. One such round is
 * what {@link DetectorTraining} does; docs/detection-quality.md has the measurements.
 */
public final class DenseCellSampler {
    private final Backbone backbone;
    private final AnnotationClasses classes;
    private final int negativesPerSlice;
    private final double marginCells;
    private final boolean bodyEdgeNegatives;
    private final int unannotatedSliceStep;
    private final long seed;
    /** Scores negatives for hard-negative selection; null: random negatives only. */
    private final DenseHead scorer;
    private final int hardPerSlice;

    public DenseCellSampler(Backbone backbone, AnnotationClasses classes, int negativesPerSlice, double marginCells,
            long seed) {
        this(backbone, classes, new CellSampling(Math.max(1, negativesPerSlice), marginCells, 0, false, 0), seed);
    }

    /** Random negatives, body-edge and unannotated-slice negatives as {@code sampling} says (not its hard negatives). */
    public DenseCellSampler(Backbone backbone, AnnotationClasses classes, CellSampling sampling, long seed) {
        this(backbone, classes, sampling.negativesPerSlice(), sampling.marginCells(), sampling.bodyEdgeNegatives(),
                sampling.unannotatedSliceStep(), seed, null, 0);
    }

    private DenseCellSampler(Backbone backbone, AnnotationClasses classes, int negativesPerSlice, double marginCells,
            boolean bodyEdgeNegatives, int unannotatedSliceStep, long seed, DenseHead scorer, int hardPerSlice) {
        if (negativesPerSlice < 0 || hardPerSlice < 0) {
            throw new IllegalArgumentException("negatives per slice must be >= 0, got " + negativesPerSlice
                    + " random and " + hardPerSlice + " hard");
        }
        this.backbone = backbone;
        this.classes = classes;
        this.negativesPerSlice = negativesPerSlice;
        this.marginCells = marginCells;
        this.bodyEdgeNegatives = bodyEdgeNegatives;
        this.unannotatedSliceStep = unannotatedSliceStep;
        this.seed = seed;
        this.scorer = scorer;
        this.hardPerSlice = hardPerSlice;
    }

    /**
     * This sampler keeping, per slice and pass, also the {@code hardPerSlice} negative cells that
     * {@code head} scores highest (ties: scan order), then {@code negativesPerSlice} random ones of the rest.
     */
    public DenseCellSampler withHardNegatives(DenseHead head, int hardPerSlice) {
        return new DenseCellSampler(backbone, classes, negativesPerSlice, marginCells, bodyEdgeNegatives,
                unannotatedSliceStep, seed, head, hardPerSlice);
    }

    /** Cell features and labels of every annotated slice of the studies. */
    public FeatureSet sample(List<LoadedStudy> studies, ModelInput input, boolean augment, Progress progress) {
        List<float[]> features = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        for (int i = 0; i < studies.size(); i++) {
            progress.checkCancelled();
            LoadedStudy study = studies.get(i);
            Random random = new Random(seed ^ study.id().hashCode());
            // windows resolved on the whole series, as detection resolves them (not per slice)
            ModelInput perSeries = input.forVolume(study.volume());
            for (int z : slices(study)) {
                for (boolean flip : augment ? new boolean[] {false, true} : new boolean[] {false}) {
                    sampleSlice(study, z, perSeries, flip, random, features, labels, groups);
                }
            }
            progress.update("cell features", i + 1, studies.size());
        }
        return new FeatureSet(features.toArray(float[][]::new), labels.stream().mapToInt(Integer::intValue).toArray(),
                groups.toArray(String[]::new));
    }

    /** The annotated slices, and every {@code unannotatedSliceStep}-th of the others when asked. */
    List<Integer> slices(LoadedStudy study) {
        List<Integer> annotated = study.annotations().stream().map(Annotation::sliceIndex).distinct().sorted().toList();
        if (unannotatedSliceStep == 0) {
            return annotated;
        }
        List<Integer> out = new ArrayList<>();
        int unannotated = 0;
        for (int z = 0; z < study.volume().depth(); z++) {
            if (annotated.contains(z) || unannotated++ % unannotatedSliceStep == 0) {
                out.add(z);
            }
        }
        return out;
    }

    private void sampleSlice(LoadedStudy study, int z, ModelInput input, boolean flip, Random random,
            List<float[]> features, List<Integer> labels, List<String> groups) {
        Volume volume = study.volume();
        List<Annotation> positives = study.annotations().stream()
                .filter(a -> a.sliceIndex() == z && classes.role(a.label()) == AnnotationClasses.Role.POSITIVE).toList();
        FloatTensor encoded = input.encode(volume, z);
        int stride = backbone.info().stride();
        int half = stride / 2;
        List<float[]> negatives = new ArrayList<>();
        for (int shift = 0; shift <= half; shift += half) {
            FloatTensor shifted = shifted(encoded, shift, flip);
            FloatTensor map = backbone.featureMap(shifted);
            for (int cy = 0; cy < map.h(); cy++) {
                for (int cx = 0; cx < map.w(); cx++) {
                    double mapX = (cx + 0.5) * stride + shift;
                    double x = flip ? encoded.w() - mapX : mapX; // polygon coordinates (pixel corners)
                    double y = (cy + 0.5) * stride + shift;
                    if (x >= volume.width() || y >= volume.height()) {
                        continue;
                    }
                    float[] f = new float[map.c()];
                    System.arraycopy(map.data(), map.index(0, cy, cx, 0), f, 0, map.c());
                    int label = label(positives, volume, z, x, y, stride);
                    if (label == 1) {
                        features.add(f);
                        labels.add(1);
                        groups.add(study.id());
                    } else if (label == 0) {
                        negatives.add(f);
                    }
                }
            }
        }
        for (float[] f : chooseNegatives(negatives, random)) {
            features.add(f);
            labels.add(0);
            groups.add(study.id());
        }
    }

    /** The hard negatives first (highest score, stable), then random ones of the rest. */
    List<float[]> chooseNegatives(List<float[]> negatives, Random random) {
        List<float[]> rest = new ArrayList<>(negatives);
        List<float[]> chosen = new ArrayList<>();
        if (scorer != null && hardPerSlice > 0) {
            double[] score = new double[rest.size()];
            Integer[] order = new Integer[rest.size()];
            for (int i = 0; i < order.length; i++) {
                score[i] = scorer.logit(rest.get(i), 0);
                order[i] = i;
            }
            java.util.Arrays.sort(order, (a, b) -> Double.compare(score[b], score[a])); // stable: ties keep scan order
            boolean[] taken = new boolean[order.length];
            for (int k = 0; k < Math.min(hardPerSlice, order.length); k++) {
                chosen.add(rest.get(order[k]));
                taken[order[k]] = true;
            }
            List<float[]> left = new ArrayList<>();
            for (int i = 0; i < taken.length; i++) {
                if (!taken[i]) {
                    left.add(rest.get(i));
                }
            }
            rest = left;
        }
        java.util.Collections.shuffle(rest, random);
        chosen.addAll(rest.subList(0, Math.min(negativesPerSlice, rest.size())));
        return chosen;
    }

    /** 1 positive, 0 negative, -1 ignored (near a positive region's edge, air, or outside a shutter). */
    private int label(List<Annotation> positives, Volume volume, int z, double x, double y, int stride) {
        double nearest = Double.MAX_VALUE;
        for (Annotation a : positives) {
            if (Polygons.contains(a.xs(), a.ys(), x, y) || Polygons.distanceToCentroid(a.xs(), a.ys(), x, y) <= stride / 2.0) {
                return 1;
            }
            nearest = Math.min(nearest, Polygons.distanceToEdge(a.xs(), a.ys(), x, y));
        }
        if (nearest < marginCells * stride) {
            return -1;
        }
        if (!volume.info().shutter().exposes(x - 0.5, y - 0.5)) {
            return -1; // collimated: detection never looks there either
        }
        if (!"CT".equalsIgnoreCase(volume.info().modality()) || !isAir(volume, z, x, y)) {
            return 0;
        }
        return bodyEdgeNegatives && reachesBody(volume, z, x, y, stride / 2.0) ? 0 : -1;
    }

    private static boolean isAir(Volume volume, int z, double x, double y) {
        int px = Math.max(0, Math.min(volume.width() - 1, (int) x));
        int py = Math.max(0, Math.min(volume.height() - 1, (int) y));
        return volume.slice(z)[py * volume.width() + px] < AIR_HU;
    }

    /** Whether any corner or edge midpoint of the cell around (x, y) is body (not air). */
    private static boolean reachesBody(Volume volume, int z, double x, double y, double half) {
        for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
                if ((dx != 0 || dy != 0) && !isAir(volume, z, x + dx * half, y + dy * half)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The air threshold of detection's body mask, in HU. */
    private static final double AIR_HU = org.tumorj.detect.DetectionParams.DEFAULT_AIR_HU;

    /** The slice moved left/up by {@code shift} pixels (edge repeated), mirrored when {@code flip}. */
    private static FloatTensor shifted(FloatTensor in, int shift, boolean flip) {
        FloatTensor out = FloatTensor.zeros(1, in.h(), in.w(), in.c());
        for (int y = 0; y < in.h(); y++) {
            int sy = Math.min(in.h() - 1, y + shift);
            for (int x = 0; x < in.w(); x++) {
                int sx = Math.min(in.w() - 1, x + shift);
                int src = flip ? in.w() - 1 - sx : sx;
                System.arraycopy(in.data(), in.index(0, sy, src, 0), out.data(), out.index(0, y, x, 0), in.c());
            }
        }
        return out;
    }
}
