package org.tumorj.phantom;

import java.util.stream.IntStream;

/**
 * The anatomy's line integrals along the antero-posterior rays, {@code sum mu dl}, on a coarse
 * grid (about 1 mm) over the image plane: each ray is marched through the body in 0.7 mm steps
 * with blended edges. The grid is fixed in mm, so a 3072-pixel radiograph costs what a 768-pixel
 * one does here; {@link #lineIntegral} interpolates it to any pixel. Also keeps how much lung
 * each ray crosses, which tells where the lung fields are. Image-plane coordinates: u = x (mm, to
 * the patient's left), v = -z (mm, down the image), both centred on the image.
 */
final class ChestProjection {
    private static final double STEP_MM = 0.7;
    private final ChestAnatomy anatomy;
    private final double cell, u0, v0;
    private final int nu, nv;
    private final float[] bones;

    ChestProjection(ChestAnatomy anatomy, double widthMm, double heightMm, double pixelMm) {
        this.anatomy = anatomy;
        cell = Math.max(1.0, pixelMm);
        nu = (int) Math.ceil(widthMm / cell) + 3;
        nv = (int) Math.ceil(heightMm / cell) + 3;
        u0 = -(nu - 1) / 2.0 * cell;
        v0 = -(nv - 1) / 2.0 * cell;
        bones = new float[nu * nv];
        IntStream.range(0, nv).parallel().forEach(this::traceRow);
    }

    private void traceRow(int j) {
        double z = -(v0 + j * cell);
        for (int i = 0; i < nu; i++) {
            double x = u0 + i * cell;
            bones[j * nu + i] = (float) anatomy.boneIntegral(x, z, STEP_MM);
        }
    }

    /** Line integral of the anatomy (no vessels, no nodules) through image-plane point (u, v) mm. */
    double lineIntegral(double u, double v) {
        return anatomy.softIntegral(u, -v) + bilinear(bones, u, v);
    }

    /** Length of air-filled lung (mm) on the ray through (u, v): over 40 mm is the lung field. */
    double lungChord(double u, double v) {
        return anatomy.lungChord(u, -v);
    }

    /** The coarse grid itself: cell size (mm), columns, rows, origin u and v of cell (0, 0). */
    double cell() { return cell; }
    int columns() { return nu; }
    int rows() { return nv; }
    double u0() { return u0; }
    double v0() { return v0; }
    /** The whole line integral at every node of the coarse grid (row-major), e.g. for scatter. */
    float[] integrals() {
        float[] out = new float[nu * nv];
        for (int j = 0; j < nv; j++) {
            for (int i = 0; i < nu; i++) {
                out[j * nu + i] = (float) (anatomy.softIntegral(u0 + i * cell, -(v0 + j * cell)) + bones[j * nu + i]);
            }
        }
        return out;
    }

    private double bilinear(float[] f, double u, double v) {
        double fi = Math.max(0, Math.min(nu - 1.001, (u - u0) / cell));
        double fj = Math.max(0, Math.min(nv - 1.001, (v - v0) / cell));
        int i = (int) fi, j = (int) fj;
        double a = fi - i, b = fj - j;
        int k = j * nu + i;
        return (1 - b) * ((1 - a) * f[k] + a * f[k + 1]) + b * ((1 - a) * f[k + nu] + a * f[k + nu + 1]);
    }
}
