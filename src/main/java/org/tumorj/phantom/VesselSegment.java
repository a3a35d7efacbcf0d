package org.tumorj.phantom;

/**
 * One straight piece of a pulmonary vessel: a cylinder of blood (flat ends) in the lung, from p0
 * to p1 (patient mm). Its contribution to a radiograph is closed-form: the chord an
 * antero-posterior ray cuts through it, times the blood-minus-lung attenuation. A segment that
 * runs along the ray (end-on) projects as a small dense disc: the classic look-alike of a nodule.
 */
final class VesselSegment {
    final double x0, y0, z0, x1, y1, z1, radius;
    private final double dx, dy, dz, length;

    VesselSegment(double[] p0, double[] p1, double radius) {
        x0 = p0[0];
        y0 = p0[1];
        z0 = p0[2];
        x1 = p1[0];
        y1 = p1[1];
        z1 = p1[2];
        this.radius = radius;
        length = Math.sqrt((x1 - x0) * (x1 - x0) + (y1 - y0) * (y1 - y0) + (z1 - z0) * (z1 - z0));
        dx = (x1 - x0) / length;
        dy = (y1 - y0) / length;
        dz = (z1 - z0) / length;
    }

    /**
     * Length (mm) of the ray {x, t, z} (t from -inf to inf) inside the cylinder: the interval where
     * its distance to the axis is under the radius, intersected with the interval between the ends.
     */
    double chord(double x, double z) {
        double wx = x - x0, wy = -y0, wz = z - z0;
        double wd = wx * dx + wy * dy + wz * dz;
        double a = 1 - dy * dy;
        double b = 2 * (wy - wd * dy);
        double c = wx * wx + wy * wy + wz * wz - wd * wd - radius * radius;
        double t1, t2;
        if (a < 1e-9) {
            if (c >= 0) {
                return 0;
            }
            t1 = Double.NEGATIVE_INFINITY;
            t2 = Double.POSITIVE_INFINITY;
        } else {
            double disc = b * b - 4 * a * c;
            if (disc <= 0) {
                return 0;
            }
            double root = Math.sqrt(disc);
            t1 = (-b - root) / (2 * a);
            t2 = (-b + root) / (2 * a);
        }
        if (Math.abs(dy) < 1e-9) {
            if (wd < 0 || wd > length) {
                return 0;
            }
        } else {
            double s1 = -wd / dy, s2 = (length - wd) / dy;
            t1 = Math.max(t1, Math.min(s1, s2));
            t2 = Math.min(t2, Math.max(s1, s2));
        }
        return Math.max(0, t2 - t1);
    }

    /** How nearly the segment runs along the antero-posterior ray: |cos| of its angle to it. */
    double endOn() {
        return Math.abs(dy);
    }

    double length() {
        return length;
    }

    /** Distance (mm) from a point to the segment's axis (clamped to its ends). */
    double distance(double x, double y, double z) {
        double t = Math.max(0, Math.min(length, (x - x0) * dx + (y - y0) * dy + (z - z0) * dz));
        double ex = x - x0 - t * dx, ey = y - y0 - t * dy, ez = z - z0 - t * dz;
        return Math.sqrt(ex * ex + ey * ey + ez * ez);
    }
}
