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

    /** Positions measured from the sorted slices. */
    record Geometry(double spacingZ, double[] origin, double[] rowDirection, double[] columnDirection,
                    List<String> warnings) {}

    public SeriesSummary summary() { return summary; }

    public boolean isColor() { return first().format.color(); }

    /** The files of the series, in slice order (a multi-frame file once). */
    public List<Path> files() {
        LinkedHashSet<Path> files = new LinkedHashSet<>();
        slices.forEach(s -> files.add(s.image().path));
        return new ArrayList<>(files);
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
