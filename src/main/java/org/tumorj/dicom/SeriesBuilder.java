package org.tumorj.dicom;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.tumorj.volume.VolumeInfo;

/**
 * Groups image headers by SeriesInstanceUID and orders each series' slices along the slice
 * normal (InstanceNumber only when positions are missing), measuring the spacing from the
 * positions and saying what it noticed: gaps, uneven spacing, tilt, mixed sizes or orientations.
 * Projection radiographs ({@link VolumeInfo#isProjectionModality}) are 2D studies, not slices: each
 * image is a series of its own (its frames, in order), even when a PA and a lateral view share one
 * SeriesInstanceUID, so they are never sorted, measured or warned about as a stack.
 */
final class SeriesBuilder {
    /** Relative deviation from the median spacing still counted as even. */
    private static final double SPACING_TOLERANCE = 0.1;

    private SeriesBuilder() {}

    static List<DicomSeries> build(List<DicomImage> images) {
        Map<String, List<DicomImage>> bySeries = new LinkedHashMap<>();
        List<DicomSeries> out = new ArrayList<>();
        images.stream().sorted(Comparator.comparing(i -> i.path.toString())).forEach(i -> {
            if (VolumeInfo.isProjectionModality(i.modality())) {
                out.add(radiograph(i));
            } else {
                bySeries.computeIfAbsent(i.seriesInstanceUid, k -> new ArrayList<>()).add(i);
            }
        });
        bySeries.values().forEach(group -> out.add(series(group)));
        return out;
    }

    /** One radiograph: its frames in file order, spacing between them 1, only its own notes. */
    private static DicomSeries radiograph(DicomImage image) {
        List<DicomSeries.Slice> slices = new ArrayList<>();
        image.frames.forEach(f -> slices.add(new DicomSeries.Slice(image, f)));
        FrameInfo first = image.frames.get(0);
        double[] o = first.orientation();
        return new DicomSeries(slices, new DicomSeries.Geometry(1.0,
                first.position() != null ? first.position() : new double[3],
                o != null ? Arrays.copyOfRange(o, 0, 3) : new double[] {1, 0, 0},
                o != null ? Arrays.copyOfRange(o, 3, 6) : new double[] {0, 1, 0}, image.notes));
    }

    private static DicomSeries series(List<DicomImage> group) {
        List<String> warnings = new ArrayList<>();
        List<DicomImage> kept = keepCommonSize(group, warnings);
        List<DicomSeries.Slice> slices = new ArrayList<>();
        for (DicomImage img : kept) {
            img.frames.forEach(f -> slices.add(new DicomSeries.Slice(img, f)));
        }
        DicomSeries.Geometry geometry = hasPositions(slices) ? byPosition(slices, warnings) : byInstance(slices, warnings);
        double tilt = kept.get(0).dataset.decimal(Tags.GANTRY_TILT, 0);
        if (Math.abs(tilt) > 0.01 && warnings.stream().noneMatch(w -> w.startsWith("gantry tilt"))) {
            warnings.add(String.format(Locale.ROOT, "gantry tilt of %.2f degrees (GantryDetectorTilt); slices are sheared in patient space", tilt));
        }
        Set<String> notes = new LinkedHashSet<>();
        kept.forEach(i -> notes.addAll(i.notes));
        warnings.addAll(notes);
        return new DicomSeries(slices, new DicomSeries.Geometry(geometry.spacingZ(), geometry.origin(),
                geometry.rowDirection(), geometry.columnDirection(), List.copyOf(warnings)));
    }

    /** A volume needs one size; the most common one is kept and the others reported. */
    private static List<DicomImage> keepCommonSize(List<DicomImage> group, List<String> warnings) {
        Map<String, List<DicomImage>> bySize = new LinkedHashMap<>();
        group.forEach(i -> bySize.computeIfAbsent(i.format.columns() + "x" + i.format.rows()
                + (i.format.color() ? " colour" : ""), k -> new ArrayList<>()).add(i));
        if (bySize.size() == 1) {
            return group;
        }
        List<DicomImage> largest = bySize.values().stream().max(Comparator.comparingInt(List::size)).orElseThrow();
        StringBuilder sizes = new StringBuilder();
        bySize.forEach((k, v) -> sizes.append(sizes.length() == 0 ? "" : ", ").append(v.size()).append(" of ").append(k));
        warnings.add(DicomSeries.MIXED_SIZES_WARNING + " (" + sizes + "); only the "
                + largest.size() + " images of the most common size are used");
        return largest;
    }

    private static boolean hasPositions(List<DicomSeries.Slice> slices) {
        if (slices.stream().anyMatch(s -> s.frame().position() == null || s.frame().orientation() == null)) {
            return false;
        }
        if (slices.size() == 1) {
            return true;
        }
        double[] normal = normal(slices.get(0).frame().orientation());
        double first = dot(slices.get(0).frame().position(), normal);
        return slices.stream().anyMatch(s -> Math.abs(dot(s.frame().position(), normal) - first) > 1e-4);
    }

    private static DicomSeries.Geometry byPosition(List<DicomSeries.Slice> slices, List<String> warnings) {
        double[] orientation = slices.get(0).frame().orientation();
        double[] normal = normal(orientation);
        if (slices.stream().anyMatch(s -> !close(s.frame().orientation(), orientation, 1e-3))) {
            warnings.add("mixed slice orientations in one series; slices are sorted along the first slice's normal");
        }
        slices.sort(Comparator.comparingDouble((DicomSeries.Slice s) -> dot(s.frame().position(), normal))
                .thenComparingInt(s -> s.image().instanceNumber).thenComparingInt(s -> s.frame().frame()));
        double spacing = slices.size() == 1 ? 1.0 : measureSpacing(slices, normal, warnings);
        checkTilt(slices, normal, warnings);
        return new DicomSeries.Geometry(spacing, slices.get(0).frame().position(),
                Arrays.copyOfRange(orientation, 0, 3), Arrays.copyOfRange(orientation, 3, 6), warnings);
    }

    private static double measureSpacing(List<DicomSeries.Slice> slices, double[] normal, List<String> warnings) {
        int n = slices.size();
        double[] gaps = new double[n - 1];
        for (int i = 0; i + 1 < n; i++) {
            gaps[i] = dot(slices.get(i + 1).frame().position(), normal) - dot(slices.get(i).frame().position(), normal);
        }
        double median = median(gaps);
        int duplicates = 0;
        double evenSum = 0;
        int evenCount = 0;
        for (int i = 0; i < gaps.length; i++) {
            if (Math.abs(gaps[i] - median) <= median * SPACING_TOLERANCE + 0.01) {
                evenSum += gaps[i];
                evenCount++;
            }
            if (gaps[i] < 1e-3) {
                duplicates++;
            } else if (gaps[i] > median * (1 + SPACING_TOLERANCE) + 0.01 && gaps[i] > 1.5 * median) {
                double from = dot(slices.get(i).frame().position(), normal);
                warnings.add(String.format(Locale.ROOT, DicomSeries.GAP_WARNING + "%.3f mm between slices %d and %d (spacing elsewhere %.3f mm): about %d slice(s) missing",
                        gaps[i], i + 1, i + 2, median, missing(gaps[i], median)) + ", at " + missingPositions(from, gaps[i], median)
                        + " mm along the slice normal");
            } else if (Math.abs(gaps[i] - median) > median * SPACING_TOLERANCE + 0.01) {
                warnings.add(String.format(Locale.ROOT, "uneven slice spacing: %.3f mm between slices %d and %d, %.3f mm elsewhere",
                        gaps[i], i + 1, i + 2, median));
            }
        }
        if (duplicates > 0) {
            warnings.add(duplicates + " slice(s) share a position with their neighbour (duplicates or several acquisitions in one series)");
        }
        // The mean of the regular steps: positions are often rounded to 0.1 mm, so single steps jitter.
        double spacing = evenCount > 0 ? evenSum / evenCount : median;
        return spacing > 1e-3 ? spacing : 1.0;
    }

    private static long missing(double gap, double median) {
        return Math.max(1, Math.round(gap / median) - 1);
    }

    /** Where the slices missing in a gap would lie (position along the normal), the first and last few when many. */
    private static String missingPositions(double from, double gap, double median) {
        long n = missing(gap, median); // may be huge when the spacing elsewhere is near zero: never loop to it
        List<String> at = new ArrayList<>();
        for (long k = 1; k <= Math.min(n, 3); k++) {
            at.add(String.format(Locale.ROOT, "%.3f", from + k * gap / (n + 1)));
        }
        if (n > 4) {
            at.add("...");
        }
        if (n > 3) {
            at.add(String.format(Locale.ROOT, "%.3f", from + n * gap / (n + 1)));
        }
        return String.join(", ", at);
    }

    /** Slices whose positions do not run along the normal: gantry tilt or a sheared stack. */
    private static void checkTilt(List<DicomSeries.Slice> slices, double[] normal, List<String> warnings) {
        double[] a = slices.get(0).frame().position();
        double[] b = slices.get(slices.size() - 1).frame().position();
        double[] d = {b[0] - a[0], b[1] - a[1], b[2] - a[2]};
        double len = Math.sqrt(dot(d, d));
        if (len < 1e-3) {
            return;
        }
        double angle = Math.toDegrees(Math.acos(Math.min(1, Math.abs(dot(d, normal)) / len)));
        if (angle > 0.5) {
            warnings.add(String.format(Locale.ROOT, "gantry tilt: slice positions run %.2f degrees off the slice normal; "
                    + "spacing is measured along the normal and the stack is sheared in patient space", angle));
        }
    }

    private static DicomSeries.Geometry byInstance(List<DicomSeries.Slice> slices, List<String> warnings) {
        slices.sort(Comparator.comparingInt((DicomSeries.Slice s) -> s.image().instanceNumber)
                .thenComparing(s -> s.image().path.toString()).thenComparingInt(s -> s.frame().frame()));
        DicomImage first = slices.get(0).image();
        double spacing = first.dataset.decimal(Tags.SPACING_BETWEEN_SLICES, Double.NaN);
        if (!(spacing > 0)) {
            spacing = first.dataset.decimal(Tags.SLICE_THICKNESS, Double.NaN);
        }
        if (slices.size() > 1) {
            warnings.add("no distinct ImagePositionPatient per slice: slices kept in InstanceNumber/frame order, "
                    + (spacing > 0 ? "spacing taken from the nominal SpacingBetweenSlices/SliceThickness" : "slice spacing unknown (1 mm assumed)"));
        }
        double[] orientation = slices.get(0).frame().orientation();
        double[] position = slices.get(0).frame().position();
        return new DicomSeries.Geometry(spacing > 0 && slices.size() > 1 ? spacing : 1.0,
                position != null ? position : new double[3],
                orientation != null ? Arrays.copyOfRange(orientation, 0, 3) : new double[] {1, 0, 0},
                orientation != null ? Arrays.copyOfRange(orientation, 3, 6) : new double[] {0, 1, 0}, warnings);
    }

    static double[] normal(double[] o) {
        double[] n = {o[1] * o[5] - o[2] * o[4], o[2] * o[3] - o[0] * o[5], o[0] * o[4] - o[1] * o[3]};
        double len = Math.sqrt(dot(n, n));
        return len < 1e-9 ? new double[] {0, 0, 1} : new double[] {n[0] / len, n[1] / len, n[2] / len};
    }

    private static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    private static boolean close(double[] a, double[] b, double eps) {
        // a header may carry extra values (7 for an orientation): compare the ones both have
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            if (Math.abs(a[i] - b[i]) > eps) {
                return false;
            }
        }
        return true;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
