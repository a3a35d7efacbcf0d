package org.tumorj.nifti;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where a NIfTI image's voxels lie, in TumorJ's volume terms: the voxel-to-world affine from the
 * sform (when {@code sform_code > 0}), else the qform quaternion ({@code qform_code > 0}), else the
 * voxel sizes alone; NIfTI world coordinates are RAS, DICOM's and TumorJ's are LPS, so x and y
 * change sign. Voxel {@code (i, j)} is pixel {@code (x, y)}; slices run along {@code k}, reversed
 * when {@code k} points against the row x column normal, so that slices ascend along the normal as
 * the DICOM reader sorts them.
 *
 * @param originLps position of the first pixel of TumorJ's slice 0 (mm, LPS)
 * @param reversed TumorJ slice {@code z} is NIfTI slice {@code k = depth - 1 - z}
 * @param source which header fields gave the orientation ("sform", "qform" or "pixdim")
 * @param warnings what does not fit TumorJ's geometry exactly (shear, no orientation)
 */
public record NiftiGeometry(int width, int height, int depth, double spacingX, double spacingY, double spacingZ,
        double[] originLps, double[] rowLps, double[] columnLps, boolean reversed, String source, List<String> warnings) {

    /** The geometry of the first volume of {@code h}. */
    static NiftiGeometry of(NiftiHeader h) {
        double[][] m = affineRas(h);
        String source = h.sformCode() > 0 ? "sform" : h.qformCode() > 0 ? "qform" : "pixdim";
        List<String> warnings = new ArrayList<>();
        if (source.equals("pixdim")) {
            warnings.add("no sform or qform: axes taken as RAS with the pixdim voxel sizes, first voxel at 0");
        }
        for (int r = 0; r < 2; r++) { // RAS -> LPS
            for (int c = 0; c < 4; c++) {
                m[r][c] = -m[r][c];
            }
        }
        double[] ci = column(m, 0), cj = column(m, 1), ck = column(m, 2);
        double sx = norm(ci), sy = norm(cj), sk = norm(ck);
        double[] row = scale(ci, 1 / sx), col = scale(cj, 1 / sy);
        double[] normal = cross(row, col);
        int depth = (int) h.size(3);
        double along = sk == 0 ? sk : dot(ck, normal);
        boolean reversed = along < 0 && depth > 1;
        double[] origin = column(m, 3);
        if (reversed) {
            origin = plus(origin, scale(ck, depth - 1));
        }
        if (Math.abs(dot(row, col)) > 1e-3 || (sk > 0 && Math.abs(along) < 0.999 * sk)) {
            warnings.add(String.format(Locale.ROOT, "voxel axes are not orthogonal (%s sheared): slice positions are"
                    + " taken along the slice normal, %.3f mm apart", source, Math.abs(along)));
        }
        double sz = depth > 1 && Math.abs(along) > 0 ? Math.abs(along) : sk > 0 ? sk : 1;
        return new NiftiGeometry((int) h.size(1), (int) h.size(2), depth, sx, sy, sz, origin, row, col, reversed,
                source, warnings);
    }

    /** NIfTI slice index of TumorJ slice {@code z}. */
    public int niftiSlice(int z) {
        return reversed ? depth - 1 - z : z;
    }

    /** The 3 x 4 voxel-to-RAS affine, by the header's own precedence (sform, qform, pixdim). */
    static double[][] affineRas(NiftiHeader h) {
        if (h.sformCode() > 0) {
            double[][] m = new double[3][];
            for (int r = 0; r < 3; r++) {
                m[r] = h.srow()[r].clone();
            }
            return m;
        }
        double[] p = h.pixdim();
        double dx = Math.abs(p[1]) > 0 ? p[1] : 1, dy = Math.abs(p[2]) > 0 ? p[2] : 1, dz = Math.abs(p[3]) > 0 ? p[3] : 1;
        if (h.qformCode() <= 0) {
            return new double[][] {{dx, 0, 0, 0}, {0, dy, 0, 0}, {0, 0, dz, 0}};
        }
        double qfac = p[0] < 0 ? -1 : 1;
        double[][] r = quaternion(h.quatern()[0], h.quatern()[1], h.quatern()[2]);
        double[] o = h.qoffset();
        return new double[][] {
            {r[0][0] * dx, r[0][1] * dy, r[0][2] * dz * qfac, o[0]},
            {r[1][0] * dx, r[1][1] * dy, r[1][2] * dz * qfac, o[1]},
            {r[2][0] * dx, r[2][1] * dy, r[2][2] * dz * qfac, o[2]}};
    }

    /** The rotation of a unit quaternion given by b, c, d (a = sqrt(1 - b² - c² - d²)), as nifti1_io computes it. */
    private static double[][] quaternion(double b, double c, double d) {
        double a = 1 - (b * b + c * c + d * d);
        if (a < 1e-7) { // a 180-degree rotation: a is 0, and b, c, d are renormalised
            double n = Math.sqrt(b * b + c * c + d * d);
            b /= n;
            c /= n;
            d /= n;
            a = 0;
        } else {
            a = Math.sqrt(a);
        }
        return new double[][] {
            {a * a + b * b - c * c - d * d, 2 * (b * c - a * d), 2 * (b * d + a * c)},
            {2 * (b * c + a * d), a * a + c * c - b * b - d * d, 2 * (c * d - a * b)},
            {2 * (b * d - a * c), 2 * (c * d + a * b), a * a + d * d - c * c - b * b}};
    }

    private static double[] column(double[][] m, int c) {
        return new double[] {m[0][c], m[1][c], m[2][c]};
    }

    private static double norm(double[] v) {
        return Math.sqrt(dot(v, v));
    }

    private static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    private static double[] scale(double[] v, double s) {
        return new double[] {v[0] * s, v[1] * s, v[2] * s};
    }

    private static double[] plus(double[] a, double[] b) {
        return new double[] {a[0] + b[0], a[1] + b[1], a[2] + b[2]};
    }

    private static double[] cross(double[] r, double[] c) {
        return new double[] {r[1] * c[2] - r[2] * c[1], r[2] * c[0] - r[0] * c[2], r[0] * c[1] - r[1] * c[0]};
    }
}
