package org.tumorj.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.tumorj.annotation.Annotation;
import org.tumorj.volume.LabelImage;
import org.tumorj.detect.Point3;
import org.tumorj.detect.RegionLinker;
import org.tumorj.volume.SliceRegion;
import org.tumorj.volume.VolumeInfo;

/**
 * The reference standard of one series: the voxels inside positive annotations and the 3D
 * lesions they form. Built from per-slice polygons: the positive polygons of a slice are filled
 * (pixel centres inside, as ImageJ fills ROIs) and merged, split into 8-connected components, and
 * components overlapping on consecutive slices are linked into one lesion, exactly as findings are.
 * Slices between annotated slices are not interpolated: what was not outlined is not lesion.
 *
 * <p>Labs often outline a large tumour on every second or third slice only. When a study's
 * tumour outlines are mostly that far apart ({@link #outlineStep}), components overlapping across
 * such a step are one lesion too, as long as no slice between carries an annotation of any kind
 * (a slice someone annotated without this lesion is a slice where it was looked for and not
 * there). Without this, a glioma outlined on every second slice counted as 27-29 lesions, and
 * training chose its detection threshold to find 29 pieces.
 */
public final class GroundTruth {
    /** The widest outlining step recognised: every third slice (farther apart is a gap, not a step). */
    static final int MAX_OUTLINE_STEP = 3;

    private final VolumeInfo info;
    private final List<SliceRegion> masks;
    private final List<Lesion> lesions;
    private final List<Outline> outlines;

    /**
     * One positive polygon as it was drawn, with the lesion it belongs to: what a picture of the
     * reference standard draws (the filled masks are for counting, the drawn outlines for people).
     *
     * @param lesionId the {@link Lesion#id()} whose voxels the polygon's pixels are part of
     * @param z its slice, 0-based
     */
    public record Outline(int lesionId, int z, float[] xs, float[] ys) {}

    private GroundTruth(VolumeInfo info, List<SliceRegion> masks, List<Lesion> lesions, List<Outline> outlines) {
        this.info = info;
        this.masks = List.copyOf(masks);
        this.lesions = List.copyOf(lesions);
        this.outlines = List.copyOf(outlines);
    }

    /**
     * @param info the annotated series (slice count from its SOPInstanceUIDs)
     * @param annotations polygons on any slices; an annotation's SOPInstanceUID decides its slice
     *     when the series has it, otherwise its slice index
     * @param isLesion which labels are lesions (e.g. {@code "tumor"::equalsIgnoreCase}); others are ignored
     */
    public static GroundTruth fromAnnotations(VolumeInfo info, List<Annotation> annotations, Predicate<String> isLesion) {
        int w = info.width(), h = info.height(), depth = info.sopInstanceUids().size();
        boolean[][] fill = new boolean[depth][];
        boolean[] annotated = new boolean[depth];
        List<Annotation> drawn = new ArrayList<>();
        List<Integer> drawnZ = new ArrayList<>();
        for (Annotation a : annotations) {
            boolean lesion = isLesion.test(a.label());
            int z = lesion ? sliceOf(a, info) : sliceOrNone(a, info);
            if (z < 0) {
                continue;
            }
            annotated[z] = true;
            if (lesion) {
                drawn.add(a);
                drawnZ.add(z);
                if (fill[z] == null) {
                    fill[z] = new boolean[w * h];
                }
                PolygonMask.fill(a.xs(), a.ys(), fill[z], w, h);
            }
        }
        List<SliceRegion> masks = new ArrayList<>(depth);
        List<Part> parts = new ArrayList<>();
        RegionLinker linker = new RegionLinker(outlineStep(drawnZ));
        for (int z = 0; z < depth; z++) {
            if (fill[z] == null) {
                masks.add(SliceRegion.of(new boolean[w * h], w));
                if (annotated[z]) {
                    linker.addEmpty(z);
                }
                continue;
            }
            masks.add(SliceRegion.of(fill[z], w));
            LabelImage labels = LabelImage.label8(fill[z], w, h);
            List<SliceRegion> regions = labels.regions();
            linker.add(z, labels, regions);
            for (SliceRegion r : regions) {
                parts.add(new Part(z, r));
            }
            fill[z] = null;
        }
        List<Lesion> lesions = new ArrayList<>();
        int[] lesionOfPart = new int[parts.size()];
        for (int[] group : linker.groups()) {
            Lesion l = lesion(lesions.size() + 1, group, parts, info);
            lesions.add(l);
            for (int g : group) {
                lesionOfPart[g] = l.id();
            }
        }
        List<Outline> outlines = new ArrayList<>();
        for (int i = 0; i < drawn.size(); i++) {
            int lesionId = lesionOf(drawn.get(i), drawnZ.get(i), parts, lesionOfPart, w, h);
            if (lesionId > 0) { // a polygon too thin to cover a pixel centre is in no lesion: nothing to colour
                outlines.add(new Outline(lesionId, drawnZ.get(i), drawn.get(i).xs(), drawn.get(i).ys()));
            }
        }
        return new GroundTruth(info, masks, lesions, outlines);
    }

    /** The lesion of the first pixel the polygon covers (its pixels all lie in one 8-connected part), or 0. */
    private static int lesionOf(Annotation a, int z, List<Part> parts, int[] lesionOfPart, int w, int h) {
        boolean[] own = new boolean[w * h];
        PolygonMask.fill(a.xs(), a.ys(), own, w, h);
        for (int i = 0; i < own.length; i++) {
            if (own[i]) {
                for (int p = 0; p < parts.size(); p++) {
                    if (parts.get(p).z() == z && parts.get(p).region().contains(i % w, i / w)) {
                        return lesionOfPart[p];
                    }
                }
            }
        }
        return 0;
    }

    /**
     * How many slices apart the lab drew its tumour outlines: the most common distance between
     * consecutive outlined slices (the smaller on a tie), at most {@link #MAX_OUTLINE_STEP}; 1 for
     * outlines on every slice, and when there are fewer than two outlined slices.
     */
    static int outlineStep(List<Integer> outlinedSlices) {
        int[] slices = outlinedSlices.stream().mapToInt(Integer::intValue).distinct().sorted().toArray();
        int[] count = new int[MAX_OUTLINE_STEP + 1];
        for (int i = 1; i < slices.length; i++) {
            int gap = slices[i] - slices[i - 1];
            if (gap <= MAX_OUTLINE_STEP) {
                count[gap]++;
            }
        }
        int step = 1;
        for (int gap = 2; gap <= MAX_OUTLINE_STEP; gap++) {
            if (count[gap] > count[step]) {
                step = gap;
            }
        }
        return step;
    }

    /** The slice of a non-lesion annotation, or -1 when it is off the series (it is ignored then). */
    private static int sliceOrNone(Annotation a, VolumeInfo info) {
        try {
            return sliceOf(a, info);
        } catch (IllegalArgumentException offTheSeries) {
            return -1;
        }
    }

    private static int sliceOf(Annotation a, VolumeInfo info) {
        int z = a.sopInstanceUid() == null ? -1 : info.sopInstanceUids().indexOf(a.sopInstanceUid());
        if (z < 0) {
            z = a.sliceIndex();
        }
        if (z < 0 || z >= info.sopInstanceUids().size()) {
            throw new IllegalArgumentException("annotation '" + a.label() + "' is on slice " + (a.sliceIndex() + 1)
                    + " but series " + info.seriesInstanceUid() + " has " + info.sopInstanceUids().size()
                    + " slices: was it drawn on another series?");
        }
        return z;
    }

    private record Part(int z, SliceRegion region) {}

    private static Lesion lesion(int id, int[] group, List<Part> parts, VolumeInfo info) {
        long n = 0, sx = 0, sy = 0, sz = 0;
        TreeMap<Integer, Long> pixelsByZ = new TreeMap<>();
        for (int g : group) {
            Part p = parts.get(g);
            SliceRegion r = p.region();
            for (int i = 0; i < r.runCount(); i++) {
                long len = r.runEnd(i) - r.runStart(i);
                sx += (r.runStart(i) + r.runEnd(i) - 1) * len / 2; // exact: sum of an arithmetic run
                sy += (long) r.runY(i) * len;
            }
            n += r.pixelCount();
            sz += (long) p.z() * r.pixelCount();
            pixelsByZ.merge(p.z(), r.pixelCount(), Long::sum);
        }
        double pixelArea = info.spacingX() * info.spacingY();
        double maxArea = pixelsByZ.values().stream().mapToLong(Long::longValue).max().orElse(0) * pixelArea;
        Point3 c = new Point3((double) sx / n, (double) sy / n, (double) sz / n);
        return new Lesion(id, pixelsByZ.firstKey(), pixelsByZ.lastKey(), n, n * info.voxelVolumeMm3(), maxArea,
                Math.sqrt(maxArea / Math.PI), c, Point3.of(info.toPatient(c.x(), c.y(), c.z())));
    }

    public VolumeInfo info() { return info; }
    public List<Lesion> lesions() { return lesions; }
    /** The positive polygons as drawn, each with its lesion, in the order of the annotations. */
    public List<Outline> outlines() { return outlines; }
    public int depth() { return masks.size(); }

    /** Annotated lesion pixels on slice {@code z}. */
    public SliceRegion mask(int z) { return masks.get(z); }

    /** True when slice {@code z} holds part of a positive annotation. */
    public boolean sliceHasLesion(int z) { return !masks.get(z).isEmpty(); }
}
