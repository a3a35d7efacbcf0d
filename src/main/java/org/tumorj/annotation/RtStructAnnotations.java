package org.tumorj.annotation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tumorj.dicom.DicomException;
import org.tumorj.dicom.RtStructFile;
import org.tumorj.volume.VolumeInfo;

/**
 * An RT Structure Set's contours as annotations on a volume, exactly like ROI Manager regions:
 * label = ROI name (mapped to classes by the same rules as ROI names), slice = the image the
 * contour names by SOP Instance UID, else the slice whose plane the contour lies in, polygon in
 * ROI coordinates (pixel {@code (x, y)} spans {@code [x, x+1]}), so a pixel centre {@code i}
 * is at {@code i + 0.5}).
 */
public final class RtStructAnnotations {
    private RtStructAnnotations() {}

    /**
     * The file's closed contours on {@code info}'s slices.
     *
     * @throws IOException naming the file when it cannot be read or a contour lies off every slice
     */
    public static List<Annotation> read(Path file, VolumeInfo info) throws IOException {
        List<RtStructFile.Contour> contours;
        try {
            contours = RtStructFile.read(file);
        } catch (DicomException e) {
            throw new IOException(e.getMessage(), e);
        }
        List<Annotation> out = new ArrayList<>();
        for (RtStructFile.Contour c : contours) {
            int z = slice(file, c, info);
            out.add(polygon(c, z, info));
        }
        return out;
    }

    /** By the image the contour names; else by position along the slice normal, within half a slice. */
    private static int slice(Path file, RtStructFile.Contour c, VolumeInfo info) throws IOException {
        int byUid = info.sopInstanceUids().indexOf(c.referencedSopInstanceUid());
        if (byUid >= 0) {
            return byUid;
        }
        double along = dot(minus(c.pointsMm(), 0, info.origin()), info.sliceNormal()) / info.spacingZ();
        int z = (int) Math.round(along);
        if (z < 0 || z >= info.sopInstanceUids().size() || Math.abs(along - z) > 0.5) {
            throw new IOException(String.format(Locale.ROOT, "%s: a contour of ROI '%s' lies off every slice of the"
                    + " series (%.1f mm along the slice normal from the first slice, %d slices %.2f mm apart);"
                    + " is the structure set for another series?", file, c.roiName(), along * info.spacingZ(),
                    info.sopInstanceUids().size(), info.spacingZ()));
        }
        return z;
    }

    private static Annotation polygon(RtStructFile.Contour c, int z, VolumeInfo info) {
        int n = c.pointCount();
        float[] xs = new float[n], ys = new float[n];
        for (int i = 0; i < n; i++) {
            double[] d = minus(c.pointsMm(), i, info.origin());
            xs[i] = (float) (dot(d, info.rowDirection()) / info.spacingX() + 0.5);
            ys[i] = (float) (dot(d, info.columnDirection()) / info.spacingY() + 0.5);
        }
        return new Annotation(c.roiName(), z, info.sopInstanceUids().get(z), xs, ys);
    }

    /** Point {@code i} of a flat x, y, z array less {@code origin}. */
    private static double[] minus(double[] points, int i, double[] origin) {
        return new double[] {points[3 * i] - origin[0], points[3 * i + 1] - origin[1], points[3 * i + 2] - origin[2]};
    }

    private static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }
}
