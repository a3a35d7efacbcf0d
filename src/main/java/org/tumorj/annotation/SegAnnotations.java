package org.tumorj.annotation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.tumorj.dicom.DicomException;
import org.tumorj.dicom.SegmentationFile;
import org.tumorj.volume.VolumeInfo;

/**
 * A DICOM Segmentation's frames as annotations on a volume, exactly like ROI Manager regions:
 * label = Segment Label (mapped to classes by the same rules as ROI names), slice = the image the
 * frame derives from (Source Image Sequence of its Derivation Image), else the slice its Plane
 * Position lies on; each 8-connected component of a segment on a slice becomes one region
 * ({@link MaskOutlines}). Frames of one segment on one slice are merged first.
 */
public final class SegAnnotations {
    /**
     * How far (in slices) a frame may lie from a slice's plane: a frame is a slice's own pixel grid,
     * so a quarter slice off means another series, not rounding (half a slice would accept anything).
     */
    private static final double PLANE_TOLERANCE = 0.25;

    private SegAnnotations() {}

    /**
     * The segments of {@code file} on {@code info}'s slices, segment by segment, slice by slice.
     *
     * @throws IOException naming the file when it cannot be read, its frames are not on the
     *     series' pixel grid, or a frame lies off every slice (a SEG of another series)
     */
    public static List<Annotation> read(Path file, VolumeInfo info) throws IOException {
        SegmentationFile.Contents seg;
        try {
            seg = SegmentationFile.read(file);
        } catch (DicomException e) {
            throw new IOException(e.getMessage(), e);
        }
        if (seg.rows() != info.height() || seg.columns() != info.width()) {
            throw new IOException(String.format(Locale.ROOT, "%s: its frames are %d x %d pixels but the series' images"
                    + " are %d x %d; is the segmentation for another series?", file, seg.columns(), seg.rows(),
                    info.width(), info.height()));
        }
        Map<String, TreeMap<Integer, boolean[]>> masks = new LinkedHashMap<>();
        for (SegmentationFile.Frame f : seg.frames()) {
            int z = slice(file, seg, f, info);
            boolean[] into = masks.computeIfAbsent(f.segmentLabel(), l -> new TreeMap<>())
                    .computeIfAbsent(z, k -> new boolean[info.width() * info.height()]);
            for (int i = 0; i < into.length; i++) {
                into[i] |= f.mask()[i];
            }
        }
        List<Annotation> out = new ArrayList<>();
        masks.forEach((label, bySlice) -> bySlice.forEach((z, mask) -> out.addAll(MaskOutlines.of(label, z,
                info.sopInstanceUids().get(z), mask, info.width(), info.height()))));
        return out;
    }

    /** By the image the frame derives from; else by its position: in a slice's plane and on its pixel grid. */
    private static int slice(Path file, SegmentationFile.Contents seg, SegmentationFile.Frame f, VolumeInfo info)
            throws IOException {
        int byUid = f.sourceImage().isEmpty() ? -1 : info.sopInstanceUids().indexOf(f.sourceImage());
        if (byUid >= 0) {
            return byUid;
        }
        if (f.positionMm() == null || f.positionMm().length < 3) {
            throw new IOException(file + ": frame " + f.index() + " (segment '" + f.segmentLabel() + "') names no image"
                    + " of this series and has no Plane Position (0020,9113), so it cannot be placed;"
                    + anotherSeries(seg, info));
        }
        double[] d = {f.positionMm()[0] - info.origin()[0], f.positionMm()[1] - info.origin()[1],
                f.positionMm()[2] - info.origin()[2]};
        double along = dot(d, info.sliceNormal()) / info.spacingZ();
        int z = (int) Math.round(along);
        if (z < 0 || z >= info.sopInstanceUids().size() || Math.abs(along - z) > PLANE_TOLERANCE) {
            throw new IOException(String.format(Locale.ROOT, "%s: frame %d (segment '%s') lies off every slice of the"
                    + " series (%.1f mm along the slice normal from the first slice, %d slices %.2f mm apart);%s",
                    file, f.index(), f.segmentLabel(), along * info.spacingZ(), info.sopInstanceUids().size(),
                    info.spacingZ(), anotherSeries(seg, info)));
        }
        double dx = dot(d, info.rowDirection()) / info.spacingX(), dy = dot(d, info.columnDirection()) / info.spacingY();
        if (Math.abs(dx) > 0.5 || Math.abs(dy) > 0.5) {
            throw new IOException(String.format(Locale.ROOT, "%s: frame %d (segment '%s') starts %.1f, %.1f pixels away"
                    + " from its slice's first pixel; TumorJ reads segmentations on the source images' own pixel grid"
                    + " (export the SEG on the images it segments)", file, f.index(), f.segmentLabel(), dx, dy));
        }
        return z;
    }

    /** What the user should check: the series the file says it segments, when that is not this one. */
    private static String anotherSeries(SegmentationFile.Contents seg, VolumeInfo info) {
        if (!seg.referencedSeries().isEmpty() && !seg.referencedSeries().contains(info.seriesInstanceUid())) {
            return " the segmentation references series " + String.join(", ", seg.referencedSeries())
                    + ", not this study's series " + info.seriesInstanceUid() + ": put it beside the images it segments";
        }
        return " is the segmentation for another series?";
    }

    private static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }
}
