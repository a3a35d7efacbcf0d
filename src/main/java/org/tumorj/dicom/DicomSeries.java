package org.tumorj.dicom;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * One series found by {@link DicomReader#scan}: its slices in patient order (frames of
 * multi-frame files included) and the geometry measured from them. Pixels are read only when
 * the caller asks ({@link DicomReader#readVolume}).
 */
public final class DicomSeries {
    /** One slice: a frame of an image file. */
    record Slice(DicomImage image, FrameInfo frame) {}

    private final List<Slice> slices;
    private final Geometry geometry;
    private final SeriesSummary summary;

    DicomSeries(List<Slice> slices, Geometry geometry) {
        this.slices = List.copyOf(slices);
        this.geometry = geometry;
        this.summary = summarise();
    }

    /**
     * How the warning about a gap in the slice positions starts (slices missing from the series:
     * a file deleted or never sent); it ends with the positions the missing slices would have.
     */
    public static final String GAP_WARNING = "gap of ";
    /** How the warning starts when images of a series were left out for having another size. */
    public static final String MIXED_SIZES_WARNING = "mixed image sizes in one series";

    /** Whether a reader warning says that the volume lacks slices of its series (a gap, images left out). */
    public static boolean saysSlicesAreMissing(String warning) {
        return warning.startsWith(GAP_WARNING) || warning.startsWith(MIXED_SIZES_WARNING);
    }

    /** Positions measured from the sorted slices. */
    record Geometry(double spacingZ, double[] origin, double[] rowDirection, double[] columnDirection,
                    List<String> warnings) {}

    public SeriesSummary summary() { return summary; }

    public boolean isColor() { return first().format.color(); }

    /**
     * What objects derived from this series must repeat of it (SOP Class, Frame of Reference,
     * patient and study attributes), from its first image's header; no pixel is read.
     */
    public org.tumorj.volume.SourceHeader sourceHeader() {
        return SourceHeaders.of(first().dataset);
    }

    /** The files of the series, in slice order (a multi-frame file once). */
    public List<Path> files() {
        LinkedHashSet<Path> files = new LinkedHashSet<>();
        slices.forEach(s -> files.add(s.image().path));
        return new ArrayList<>(files);
    }

    /** The lowest and highest modality value a series' header allows. */
    public record ValueRange(double min, double max) {}

    /**
     * The modality values the header allows: every value BitsStored can hold (per the pixel
     * representation), through each slice's rescale. Present only when every slope and intercept
     * is an integer (then so is every value) and small enough for floats to carry exactly.
     */
    public java.util.Optional<ValueRange> integerValueRange() {
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        for (Slice s : slices) {
            PixelFormat f = s.image().format;
            double slope = s.frame().slope(), intercept = s.frame().intercept();
            if (f.color() || !isExactInteger(slope) || !isExactInteger(intercept) || f.bitsStored() > 16) {
                return java.util.Optional.empty();
            }
            double low = f.signed() ? -(1L << (f.bitsStored() - 1)) : 0;
            double high = f.signed() ? (1L << (f.bitsStored() - 1)) - 1 : (1L << f.bitsStored()) - 1;
            min = Math.min(min, Math.min(low * slope, high * slope) + intercept);
            max = Math.max(max, Math.max(low * slope, high * slope) + intercept);
        }
        return java.util.Optional.of(new ValueRange(min, max));
    }

    /** An integer small enough (below 2^23) that values within a 16-bit span of it stay exact in float, as decoded. */
    private static boolean isExactInteger(double v) {
        return v == Math.rint(v) && Math.abs(v) < (1 << 23);
    }

    /**
     * InstanceNumber (0020,0013) by SOPInstanceUID, for the slices whose file has one (the frames
     * of a multi-frame file share theirs): what a radiologist calls a slice besides its position.
     */
    public java.util.Map<String, Integer> instanceNumbers() {
        java.util.Map<String, Integer> numbers = new java.util.HashMap<>();
        for (Slice s : slices) {
            if (s.image().instanceNumber != Integer.MAX_VALUE) {
                numbers.putIfAbsent(s.image().sopInstanceUid, s.image().instanceNumber);
            }
        }
        return numbers;
    }

    List<Slice> slices() { return slices; }
    Geometry geometry() { return geometry; }
    DicomImage first() { return slices.get(0).image(); }

    private SeriesSummary summarise() {
        DicomImage img = first();
        PixelFormat f = img.format;
        FrameInfo fr = slices.get(0).frame();
        Window w = fr.windows().isEmpty() ? null : fr.windows().get(0);
        return new SeriesSummary(img.seriesInstanceUid, img.modality(),
                img.dataset.string(Tags.SERIES_DESCRIPTION, ""), img.syntax.uid, f.rows(), f.columns(),
                slices.size(), files().size(), f.bitsAllocated(), f.bitsStored(), f.signed() ? 1 : 0,
                f.photometric(), fr.slope(), fr.intercept(), w == null ? null : w.center(),
                w == null ? null : w.width(), fr.windows(), fr.pixelSpacing(), geometry.spacingZ(),
                f.color(), geometry.warnings());
    }
}
