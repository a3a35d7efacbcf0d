package org.tumorj.detect;

import java.util.Arrays;
import java.util.List;
import org.tumorj.volume.Volume;

/**
 * What a finding scorer reads of a candidate finding: its pixel probabilities, size and extent
 * through the slices, the probability map around it, and the image's intensity in it and around
 * it (on its centroid slice, in a ring {@value #RING_GAP_MM}-{@value #RING_OUTER_MM} mm outside
 * its equivalent radius). The ring's SD is what tells a nodule in quiet tissue from a noise spot
 * in noisy lung; the ring's probabilities tell a lone peak from one of many.
 *
 * <p>{@code slices_to_series_end} counts the slices between the finding and the series' nearer end,
 * capped at {@value #END_DISTANCE_CAP}. At the ends the 2.5D input is reflected and the peak
 * smoothing cut short, so noise and vessel cross-sections there pass for the ends of lesions; the
 * scorer learns from the lab's own candidates how far to trust them. It took sensitivity at 1 FP
 * per study from 0.73 to 0.78 and from 0.54 to 0.59 on two of three CT phantom sets, the third and
 * the MR sets unchanged (docs/detection-quality.md). On a radiograph it is 0 for every finding, so
 * its weight is 0.
 *
 * <p>{@code continuation_max} and {@code continuation_min} look at the slices just above and
 * below the finding (reflected at the series' ends): on each, the strongest 3 x 3 mean within
 * {@value #CONTINUATION_REACH_MM} mm of the centroid, against that slice's ring median and with the
 * sign of the finding's own contrast, over the finding's own contrast; the larger and the smaller
 * of the two. A vessel seen end-on runs on into both slices, shifted a little (about 1 and more);
 * a small lesion ends (about 0.5 and less). Estimated before it was built on every candidate of
 * four CT ensembles' test sets: a logistic scorer fitted on three sets' candidates and scored on
 * the fourth found 0.56 instead of 0.52 of the lesions at 1 FP/study with them, 57 instead of 52
 * of 77 clear ones (docs/detection-quality.md, 2026-12-08, fifteenth session). 0 on a radiograph.
 *
 * <p>Intensities are in HU / 100 on CT; on MR and radiographs, whose values have no fixed scale,
 * in SDs of the series' foreground (voxels above its 20th percentile) from its median, so that
 * one scorer serves series from different scanners.
 */
public final class FindingFeatures {
    /** The names, in order, as a bundle records them. */
    public static final List<String> NAMES = List.of("logit_probability_max", "logit_probability_mean", "log_voxels",
            "slice_count", "logit_ring_probability_p90", "logit_ring_probability_p99", "intensity_inside",
            "intensity_contrast", "intensity_ring_sd", "slices_to_series_end", "continuation_max", "continuation_min");
    static final double RING_GAP_MM = 3;
    static final double RING_OUTER_MM = 10;
    static final int END_DISTANCE_CAP = 3;
    /** How far in-plane the slices just above and below the finding are searched for its continuation. */
    static final double CONTINUATION_REACH_MM = 2.5;
    /** The smallest own contrast a continuation is measured against (HU / 100 on CT, SDs elsewhere). */
    static final double CONTINUATION_FLOOR = 0.1;
    /** Continuations are kept within +-3: a bright vessel beside a faint dot must not outweigh the rest. */
    static final double CONTINUATION_CAP = 3;

    private final Volume volume;
    private final ProbabilityMaps maps;
    private final double offset;
    private final double unit;

    private FindingFeatures(Volume volume, ProbabilityMaps maps, double offset, double unit) {
        this.volume = volume;
        this.maps = maps;
        this.offset = offset;
        this.unit = unit;
    }

    /** Measures findings of {@code volume} on its maps; fixes the intensity scale once per series. */
    public static FindingFeatures of(Volume volume, ProbabilityMaps maps) {
        if ("CT".equalsIgnoreCase(volume.info().modality())) {
            return new FindingFeatures(volume, maps, 0, 100);
        }
        float[] sample = sample(volume);
        Arrays.sort(sample);
        float[] foreground = Arrays.copyOfRange(sample, sample.length / 5, sample.length);
        double median = foreground.length == 0 ? 0 : foreground[foreground.length / 2];
        double sd = 0;
        for (float v : foreground) {
            sd += (v - median) * (v - median);
        }
        sd = Math.sqrt(sd / Math.max(1, foreground.length));
        return new FindingFeatures(volume, maps, median, sd > 0 ? sd : 1);
    }

    /** Every 7th voxel at most about a million: the scale needs a percentile, not every voxel. */
    private static float[] sample(Volume volume) {
        long voxels = (long) volume.width() * volume.height() * volume.depth();
        int step = (int) Math.max(7, voxels / 1_000_000);
        float[] out = new float[(int) (voxels / step) + 1];
        int n = 0, plane = volume.width() * volume.height();
        for (long k = 0; k < voxels; k += step) {
            out[n++] = volume.slice((int) (k / plane))[(int) (k % plane)];
        }
        return Arrays.copyOf(out, n);
    }

    /**
     * Fails, naming the first feature this version does not measure, when a model's scorer was
     * fitted on features of another TumorJ; a model fitted on fewer of them works unchanged.
     */
    public static void requireKnown(List<String> names) {
        for (String n : names) {
            if (!NAMES.contains(n)) {
                throw new IllegalArgumentException("the model's finding scorer uses the feature '" + n
                        + "', which this TumorJ does not measure (it measures " + NAMES + "); retrain the model"
                        + " with this TumorJ or use the version that trained it");
            }
        }
    }

    /** Where each of {@code names} (a subset of {@link #NAMES}, in any order) lies in {@link #NAMES}: once per model. */
    public static int[] columns(List<String> names) {
        requireKnown(names);
        return names.stream().mapToInt(NAMES::indexOf).toArray();
    }

    /** The features of {@code f} at {@code columns} ({@link #columns}), in that order. */
    public double[] of(Finding f, int[] columns) {
        double[] all = of(f);
        return Arrays.stream(columns).mapToDouble(c -> all[c]).toArray();
    }

    /** The features of {@code f}, in the order of {@link #NAMES}. */
    public double[] of(Finding f) {
        int slices = f.sliceLast() - f.sliceFirst() + 1;
        int z = (int) Math.max(f.sliceFirst(), Math.min(f.sliceLast(), Math.round(f.centroidPx().z())));
        double spacing = Math.max(1e-6, Math.min(volume.info().spacingX(), volume.info().spacingY()));
        double radius = Math.sqrt(f.voxelCount() / (double) slices / Math.PI);
        double inner = radius + RING_GAP_MM / spacing, outer = radius + RING_OUTER_MM / spacing;
        int w = volume.width(), h = volume.height();
        double cx = f.centroidPx().x(), cy = f.centroidPx().y();
        float[] image = volume.slice(z), p = maps.slice(z);
        float[] ringP = new float[(int) Math.min((long) w * h, (long) Math.ceil(4 * (outer + 1) * (outer + 1)))];
        float[] ringI = new float[ringP.length];
        int n = 0, insideCount = 0;
        double insideSum = 0;
        for (int y = (int) Math.max(0, Math.floor(cy - outer)); y <= Math.min(h - 1, Math.ceil(cy + outer)); y++) {
            for (int x = (int) Math.max(0, Math.floor(cx - outer)); x <= Math.min(w - 1, Math.ceil(cx + outer)); x++) {
                double d = Math.hypot(x - cx, y - cy);
                int k = y * w + x;
                if (d <= Math.max(radius, 1)) {
                    insideSum += image[k];
                    insideCount++;
                } else if (d > inner && d <= outer && n < ringP.length) {
                    ringP[n] = p[k];
                    ringI[n++] = image[k];
                }
            }
        }
        double insideMean = insideCount == 0 ? image[clamp((int) Math.round(cy), h) * w + clamp((int) Math.round(cx), w)]
                : insideSum / insideCount;
        float[] probabilities = Arrays.copyOf(ringP, n), intensities = Arrays.copyOf(ringI, n);
        Arrays.sort(probabilities);
        Arrays.sort(intensities);
        double ringMedian = n == 0 ? insideMean : intensities[n / 2];
        double ringSd = 0;
        for (float v : intensities) {
            ringSd += (v - ringMedian) * (v - ringMedian);
        }
        ringSd = Math.sqrt(ringSd / Math.max(1, n));
        double own = insideMean - ringMedian;
        double above = continuation(f.sliceLast() + 1, cx, cy, inner, outer, own);
        double below = continuation(f.sliceFirst() - 1, cx, cy, inner, outer, own);
        return new double[] {
            logit(f.probabilityMax()), logit(f.probabilityMean()), Math.log(Math.max(1, f.voxelCount())), slices,
            logit(percentile(probabilities, 0.90)), logit(percentile(probabilities, 0.99)),
            (insideMean - offset) / unit, (insideMean - ringMedian) / unit, ringSd / unit,
            Math.min(END_DISTANCE_CAP, Math.min(f.sliceFirst(), volume.depth() - 1 - f.sliceLast())),
            Math.max(above, below), Math.min(above, below)};
    }

    /**
     * The finding's continuation on slice {@code z} (reflected into the series): the strongest 3 x 3
     * mean within {@link #CONTINUATION_REACH_MM} of the centroid, less the median of the ring
     * between {@code inner} and {@code outer} px, signed as {@code own} contrast and divided by it.
     */
    private double continuation(int z, double cx, double cy, double inner, double outer, double own) {
        int depth = volume.depth();
        if (depth == 1) {
            return 0;
        }
        int period = 2 * (depth - 1), m = Math.floorMod(z, period);
        float[] image = volume.slice(m < depth ? m : period - m);
        int w = volume.width(), h = volume.height();
        float[] ring = new float[(int) Math.min((long) w * h, (long) Math.ceil(4 * (outer + 1) * (outer + 1)))];
        int n = 0;
        for (int y = (int) Math.max(0, Math.floor(cy - outer)); y <= Math.min(h - 1, Math.ceil(cy + outer)); y++) {
            for (int x = (int) Math.max(0, Math.floor(cx - outer)); x <= Math.min(w - 1, Math.ceil(cx + outer)); x++) {
                double d = Math.hypot(x - cx, y - cy);
                if (d > inner && d <= outer && n < ring.length) {
                    ring[n++] = image[y * w + x];
                }
            }
        }
        float[] sorted = Arrays.copyOf(ring, n);
        Arrays.sort(sorted);
        double median = n == 0 ? 0 : sorted[n / 2];
        double sign = own < 0 ? -1 : 1;
        double spacing = Math.max(1e-6, Math.min(volume.info().spacingX(), volume.info().spacingY()));
        int reach = (int) Math.max(1, Math.round(CONTINUATION_REACH_MM / spacing));
        int x0 = (int) Math.round(cx), y0 = (int) Math.round(cy);
        double best = Double.NEGATIVE_INFINITY;
        for (int y = Math.max(1, y0 - reach); y <= Math.min(h - 2, y0 + reach); y++) {
            for (int x = Math.max(1, x0 - reach); x <= Math.min(w - 2, x0 + reach); x++) {
                double sum = 0;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        sum += image[(y + dy) * w + x + dx];
                    }
                }
                best = Math.max(best, sign * (sum / 9 - median));
            }
        }
        if (best == Double.NEGATIVE_INFINITY) {
            return 0;
        }
        double ratio = best / Math.max(Math.abs(own), CONTINUATION_FLOOR * unit);
        return Math.max(-CONTINUATION_CAP, Math.min(CONTINUATION_CAP, ratio));
    }

    private static int clamp(int v, int size) {
        return Math.max(0, Math.min(size - 1, v));
    }

    private static double percentile(float[] sorted, double q) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
    }

    /** Log-odds, clamped so that 0 and 1 stay finite. */
    static double logit(double p) {
        double c = Math.max(1e-7, Math.min(1 - 1e-7, p));
        return Math.log(c / (1 - c));
    }
}
