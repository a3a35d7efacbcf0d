package org.tumorj.annotation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.tumorj.nifti.LabelNames;
import org.tumorj.nifti.NiftiGeometry;
import org.tumorj.nifti.NiftiImage;
import org.tumorj.volume.VolumeInfo;

/**
 * A NIfTI label map as annotations on its image's volume, exactly like ROI Manager regions: each
 * label value's name ({@link LabelNames}) is the label (mapped to classes by the same rules as ROI
 * names); values of the same name are merged, and each 8-connected component of a name on a slice
 * becomes one region ({@link MaskOutlines}). The label map must lie on the image's voxel grid.
 */
public final class LabelMapAnnotations {
    /** How far (in voxels) a label map's corners may lie from the image's: float rounding, not a shift. */
    private static final double TOLERANCE_VOXELS = 0.1;

    private LabelMapAnnotations() {}

    /**
     * @param image the image file, named when the geometries differ
     * @param info the image's volume (read by {@code NiftiVolumes}), whose slice order the label map follows
     * @throws IOException naming both files when the label map's geometry is not the image's
     */
    public static List<Annotation> read(Path labels, Path image, VolumeInfo info, LabelNames names) throws IOException {
        return read(labels, image.toString(), info, names);
    }

    /**
     * As {@link #read(Path, Path, VolumeInfo, LabelNames)} for a volume that is not a file (a
     * series open in Fiji), named {@code image} in the error.
     */
    public static List<Annotation> read(Path labels, String image, VolumeInfo info, LabelNames names)
            throws IOException {
        NiftiImage map = NiftiImage.read(labels);
        checkSameGrid(labels, map.geometry(), image, info);
        List<Annotation> out = new ArrayList<>();
        for (int z = 0; z < info.sopInstanceUids().size(); z++) {
            int slice = z;
            masks(map.slices().get(z), names).forEach((name, mask) -> out.addAll(MaskOutlines.of(name, slice,
                    info.sopInstanceUids().get(slice), mask, info.width(), info.height())));
        }
        return out;
    }

    /** Each name's mask on one slice; 0 (background) has none. */
    private static Map<String, boolean[]> masks(float[] slice, LabelNames names) {
        Map<String, boolean[]> masks = new TreeMap<>();
        for (int i = 0; i < slice.length; i++) {
            int v = Math.round(slice[i]);
            if (v != 0) {
                masks.computeIfAbsent(names.of(v), n -> new boolean[slice.length])[i] = true;
            }
        }
        return masks;
    }

    private static void checkSameGrid(Path labels, NiftiGeometry g, String image, VolumeInfo info) throws IOException {
        boolean same = g.width() == info.width() && g.height() == info.height()
                && g.depth() == info.sopInstanceUids().size();
        double[] first = g.originLps(), last = corner(g);
        double[] imageFirst = info.origin(), imageLast = info.toPatient(info.width() - 1, info.height() - 1,
                info.sopInstanceUids().size() - 1);
        double tolerance = TOLERANCE_VOXELS * Math.min(info.spacingX(), Math.min(info.spacingY(), info.spacingZ()));
        if (!same || distance(first, imageFirst) > tolerance || distance(last, imageLast) > tolerance) {
            throw new IOException(String.format(Locale.ROOT, "%s: its geometry (%d x %d x %d voxels, first voxel at"
                    + " %s mm, last at %s mm) does not match its image %s (%d x %d x %d, %s to %s mm); resample the label"
                    + " map onto the image's grid, or pair it with the image it was drawn on", labels, g.width(),
                    g.height(), g.depth(), mm(first), mm(last), image, info.width(), info.height(),
                    info.sopInstanceUids().size(), mm(imageFirst), mm(imageLast)));
        }
    }

    /** Position of the last voxel (LPS mm) of a NIfTI grid in TumorJ's order. */
    private static double[] corner(NiftiGeometry g) {
        double[] n = {g.rowLps()[1] * g.columnLps()[2] - g.rowLps()[2] * g.columnLps()[1],
            g.rowLps()[2] * g.columnLps()[0] - g.rowLps()[0] * g.columnLps()[2],
            g.rowLps()[0] * g.columnLps()[1] - g.rowLps()[1] * g.columnLps()[0]};
        double[] p = new double[3];
        for (int i = 0; i < 3; i++) {
            p[i] = g.originLps()[i] + g.rowLps()[i] * (g.width() - 1) * g.spacingX()
                    + g.columnLps()[i] * (g.height() - 1) * g.spacingY() + n[i] * (g.depth() - 1) * g.spacingZ();
        }
        return p;
    }

    private static double distance(double[] a, double[] b) {
        return Math.sqrt((a[0] - b[0]) * (a[0] - b[0]) + (a[1] - b[1]) * (a[1] - b[1]) + (a[2] - b[2]) * (a[2] - b[2]));
    }

    private static String mm(double[] p) {
        return String.format(Locale.ROOT, "(%.2f, %.2f, %.2f)", p[0], p[1], p[2]);
    }
}
