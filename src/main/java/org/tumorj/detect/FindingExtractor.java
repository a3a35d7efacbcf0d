package org.tumorj.detect;

import org.tumorj.volume.BoundingBox;
import org.tumorj.volume.Contour;
import org.tumorj.volume.LabelImage;
import org.tumorj.volume.SliceRegion;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import org.tumorj.util.Progress;
import org.tumorj.volume.Volume;
import org.tumorj.volume.VolumeInfo;

/**
 * From probability maps to findings. Slice by slice at full resolution: upsample the map, zero it
 * outside the body (CT, when asked) and outside a radiograph's collimator shutter, keep pixels with probability {@code >= threshold}, label
 * 8-connected components, trace their contours and link them to the previous slice's components
 * ({@link RegionLinker}). Then each linked object becomes a {@link Finding}, objects smaller than
 * the minimum size are dropped, and the rest are ordered by score (descending), then centroid
 * slice, row and column, then size, and numbered 1..n. Every step is sequential and uses exact
 * integer sums for positions, so equal inputs give identical findings.
 */
public final class FindingExtractor {
    private final DetectionParams params;

    public FindingExtractor(DetectionParams params) {
        this.params = params;
    }

    /** Findings of {@code volume} from its maps; checks for cancellation between slices. */
    public Detections extract(Volume volume, ProbabilityMaps maps, String study, Progress progress) {
        VolumeInfo info = volume.info();
        maps.checkCovers(volume);
        boolean masked = params.bodyMask() && "CT".equalsIgnoreCase(info.modality());
        if (params.bodyMask() && !masked) {
            progress.log("Body mask skipped: it needs CT values in HU, series modality is " + info.modality());
        }
        boolean[] exposed = ShutterMask.exposed(info.shutter(), volume.width(), volume.height());
        List<Component> components = new ArrayList<>();
        RegionLinker linker = new RegionLinker();
        float[] sliceScores = new float[volume.depth()];
        for (int z = 0; z < volume.depth(); z++) {
            progress.checkCancelled();
            float[] p = maps.slice(z);
            if (masked) {
                applyMask(p, BodyMask.compute(volume.slice(z), volume.width(), volume.height(), params.airHu()));
            }
            if (exposed != null) {
                applyMask(p, exposed);
            }
            sliceScores[z] = max(p);
            addSlice(z, p, volume.width(), volume.height(), info, linker, components);
            progress.update("Finding regions", z + 1, volume.depth());
        }
        List<Finding> findings = assemble(linker.groups(), components, info);
        return new Detections(study, info, params, maps, findings, sliceScores);
    }

    private void addSlice(int z, float[] p, int w, int h, VolumeInfo info, RegionLinker linker, List<Component> out) {
        if (max(p) < params.threshold()) {
            linker.addEmpty(z); // most slices: nothing to label
            return;
        }
        boolean[] fg = new boolean[p.length];
        for (int i = 0; i < p.length; i++) {
            fg[i] = p[i] >= params.threshold();
        }
        LabelImage labels = LabelImage.label8(fg, w, h);
        List<SliceRegion> regions = labels.regions();
        linker.add(z, labels, regions);
        for (int l = 1; l <= labels.count(); l++) {
            out.add(Component.of(z, regions.get(l - 1), labels.contour(l), p, w, info));
        }
    }

    private List<Finding> assemble(List<int[]> groups, List<Component> components, VolumeInfo info) {
        List<Finding> findings = new ArrayList<>();
        for (int[] group : groups) {
            Finding f = finding(java.util.Arrays.stream(group).mapToObj(components::get).toList(), info);
            if (f.equivalentDiameterMm() >= params.minSizeMm()) {
                findings.add(f);
            }
        }
        return numbered(findings);
    }

    /** The findings in {@link #ORDER}, numbered 1..n. */
    static List<Finding> numbered(List<Finding> unordered) {
        List<Finding> findings = new ArrayList<>(unordered);
        findings.sort(ORDER);
        List<Finding> numbered = new ArrayList<>(findings.size());
        for (int i = 0; i < findings.size(); i++) {
            numbered.add(findings.get(i).withId(i + 1));
        }
        return numbered;
    }

    /**
     * Score descending, then mean score, then size, then position: a total order on distinct
     * findings in which equal peak scores are decided by the evidence, not by the slice.
     */
    static final Comparator<Finding> ORDER = Comparator
            .comparing((Finding f) -> -f.score())
            .thenComparing((Finding f) -> -f.probabilityMax())
            .thenComparing((Finding f) -> -f.probabilityMean())
            .thenComparingLong(f -> -f.voxelCount())
            .thenComparingDouble(f -> f.centroidPx().z())
            .thenComparingDouble(f -> f.centroidPx().y())
            .thenComparingDouble(f -> f.centroidPx().x());

    /** One finding of its slice components (at least one). */
    static Finding finding(List<Component> group, VolumeInfo info) {
        long n = 0, sumX = 0, sumY = 0, sumZ = 0;
        double sumP = 0;
        float max = 0;
        BoundingBox box = null;
        TreeMap<Integer, Double> areaByZ = new TreeMap<>();
        List<FindingSlice> slices = new ArrayList<>(group.size());
        for (Component c : group) {
            n += c.count;
            sumX += c.sumX;
            sumY += c.sumY;
            sumZ += (long) c.slice.z() * c.count;
            sumP += c.sumP;
            max = Math.max(max, c.slice.probabilityMax());
            box = box == null ? c.slice.region().bounds() : box.union(c.slice.region().bounds());
            areaByZ.merge(c.slice.z(), c.slice.areaMm2(), Double::sum);
            slices.add(c.slice);
        }
        Point3 centroid = new Point3((double) sumX / n, (double) sumY / n, (double) sumZ / n);
        double maxArea = areaByZ.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        return new Finding(0, max, max, (float) (sumP / n), areaByZ.firstKey(), areaByZ.lastKey(), box, n, maxArea,
                n * info.voxelVolumeMm3(), centroid,
                Point3.of(info.toPatient(centroid.x(), centroid.y(), centroid.z())), slices);
    }

    private static void applyMask(float[] p, boolean[] body) {
        for (int i = 0; i < p.length; i++) {
            if (!body[i]) {
                p[i] = 0;
            }
        }
    }

    private static float max(float[] p) {
        float m = 0;
        for (float v : p) {
            m = Math.max(m, v);
        }
        return m;
    }

    /** A 2D component with the sums its finding needs. */
    record Component(FindingSlice slice, long count, long sumX, long sumY, double sumP) {
        static Component of(int z, SliceRegion region, Contour contour, float[] p, int w, VolumeInfo info) {
            return of(z, region, contour, p, 0, 0, w, info);
        }

        /** As above, {@code p} a window of the slice's probabilities, {@code w} wide, from pixel {@code (left, top)}. */
        static Component of(int z, SliceRegion region, Contour contour, float[] p, int left, int top, int w,
                VolumeInfo info) {
            long sumX = 0, sumY = 0;
            double sumP = 0;
            float max = 0;
            for (int r = 0; r < region.runCount(); r++) {
                int y = region.runY(r);
                for (int x = region.runStart(r); x < region.runEnd(r); x++) {
                    float v = p[(y - top) * w + x - left];
                    sumX += x;
                    sumY += y;
                    sumP += v;
                    max = Math.max(max, v);
                }
            }
            double area = region.pixelCount() * info.spacingX() * info.spacingY();
            return new Component(new FindingSlice(z, region, contour, area, max), region.pixelCount(), sumX, sumY, sumP);
        }
    }
}
