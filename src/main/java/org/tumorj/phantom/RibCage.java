package org.tumorj.phantom;

import java.util.random.RandomGenerator;

/**
 * Twelve pairs of ribs, clavicles and the thoracic spine of a chest phantom. Each rib is a flat
 * tube (about 7 mm thick, 11 mm tall, with a denser cortical shell) whose centre line runs
 * around the chest wall from beside the spine to the front, dropping as it goes; on a radiograph
 * every rib is crossed twice (its back and front halves), which gives the criss-cross pattern a
 * nodule has to be found in. Coordinates are patient mm (x left, y posterior, z up).
 */
final class RibCage {
    private static final int PAIRS = 12;
    private static final double HALF_THICK = 3.5;
    private static final double HALF_TALL = 5.5;
    private static final double COS_POSTERIOR_END = Math.cos(0.22);
    private final double ar, br, zTop, spacing, drop;
    private final double spineY, spineRx, spineRy, spinePeriod, spinePhase;
    private final double[][] clavicles; // per side: x0, y0, z0, x1, y1, z1
    private static final double CLAVICLE_RADIUS = 6.5;
    private final double muMarrow, muCortex, muVertebra; // per mm above soft tissue

    RibCage(double bodyA, double bodyB, double wall, double apexZ, double scale, RandomGenerator r) {
        ar = bodyA - 0.6 * wall;
        br = bodyB - 0.6 * wall;
        zTop = apexZ - r.nextDouble(0, 8);
        spacing = r.nextDouble(19, 23) * scale;
        drop = r.nextDouble(70, 95) * scale;
        spineY = bodyB * r.nextDouble(0.60, 0.66);
        spineRx = r.nextDouble(17, 21) * scale;
        spineRy = r.nextDouble(15, 18) * scale;
        spinePeriod = r.nextDouble(24, 28) * scale;
        spinePhase = r.nextDouble(0, spinePeriod);
        double zc = zTop + r.nextDouble(-6, 4);
        clavicles = new double[2][];
        for (int side = 0; side < 2; side++) {
            double s = side == 0 ? -1 : 1;
            clavicles[side] = new double[] {s * 16, -bodyB * 0.72, zc, s * bodyA * r.nextDouble(0.78, 0.86), -bodyB * 0.25,
                zc + r.nextDouble(14, 26)};
        }
        // Above soft tissue (0.020 per mm at an effective 60 keV): marrow-filled rib, cortical bone, vertebral body.
        muMarrow = r.nextDouble(0.005, 0.008);
        muCortex = r.nextDouble(0.022, 0.030);
        muVertebra = r.nextDouble(0.004, 0.006);
    }

    /**
     * Excess line integral (over soft tissue) of the bones on the antero-posterior ray through
     * (x, z): each bone is sampled every {@code h} mm, but only over the stretch of the ray where
     * it can be (the chest-wall shell for ribs, the spine's depth, the clavicle's box).
     */
    double lineIntegral(double x, double z, double h) {
        double sum = 0;
        if (Math.abs(x) < 1.3 * spineRx) {
            sum += integrate(y -> spine(x, y, z, h), spineY - 1.3 * spineRy, spineY + 1.3 * spineRy, h);
        }
        if (z <= zTop + HALF_TALL + h && z >= zTop - (PAIRS - 1) * spacing - drop - HALF_TALL - h) {
            double pad = HALF_THICK + h + 1;
            double outer = halfChord(x, ar + pad, br + pad), inner = halfChord(x, ar - pad, br - pad);
            if (outer > 0) {
                sum += integrate(y -> rib(x, y, z, h), inner, outer, h);
                sum += integrate(y -> rib(x, y, z, h), -outer, -inner, h);
            }
        }
        double[] c = clavicles[x < 0 ? 0 : 1];
        double reach = CLAVICLE_RADIUS + h;
        if (x >= Math.min(c[0], c[3]) - reach && x <= Math.max(c[0], c[3]) + reach
                && z >= Math.min(c[2], c[5]) - reach && z <= Math.max(c[2], c[5]) + reach) {
            sum += integrate(y -> clavicle(x, y, z, h), Math.min(c[1], c[4]) - reach, Math.max(c[1], c[4]) + reach, h);
        }
        return sum;
    }

    /** Half the chord of the ellipse (a, b) at x; 0 outside it. */
    private static double halfChord(double x, double a, double b) {
        double u = x / a;
        return Math.abs(u) >= 1 ? 0 : b * Math.sqrt(1 - u * u);
    }

    /** Midpoint rule over [from, to] with steps of about h. */
    private static double integrate(java.util.function.DoubleUnaryOperator f, double from, double to, double h) {
        int n = (int) Math.ceil((to - from) / h);
        if (n <= 0) {
            return 0;
        }
        double step = (to - from) / n, sum = 0;
        for (int i = 0; i < n; i++) {
            sum += f.applyAsDouble(from + (i + 0.5) * step);
        }
        return sum * step;
    }

    private double spine(double x, double y, double z, double h) {
        double u = x / spineRx, v = (y - spineY) / spineRy;
        double rho = Math.sqrt(u * u + v * v);
        if (rho > 1.3) {
            return 0;
        }
        double w = soft((1 - rho) * spineRy, h);
        // Intervertebral discs: a 5 mm band of lower density once per vertebra (end plates and pedicles blur it on a film).
        double phase = ((z + spinePhase) % spinePeriod + spinePeriod) % spinePeriod;
        double disc = 0.6 + 0.4 * Math.min(1, Math.max(0, (Math.min(phase, spinePeriod - phase) - 2.5) / 1.2 + 0.5));
        return w * disc * (rho > 0.85 ? (muVertebra + muCortex) / 2 : muVertebra);
    }

    private double rib(double x, double y, double z, double h) {
        double u = Math.abs(x) / ar, v = y / br;
        double rho = Math.sqrt(u * u + v * v);
        double radial = (rho - 1) * Math.sqrt(x * x + y * y) / Math.max(rho, 1e-9);
        if (Math.abs(radial) > HALF_THICK + h) {
            return 0;
        }
        double cosPhi = v / Math.max(rho, 1e-9);
        if (cosPhi > COS_POSTERIOR_END) {
            return 0; // the ribs join the spine's transverse processes
        }
        double lifted = z + drop * (1 - cosPhi) / 2;
        int k = (int) Math.round((zTop - lifted) / spacing);
        if (k < 0 || k >= PAIRS || cosPhi < frontEnd(k)) {
            return 0;
        }
        double dz = lifted - (zTop - k * spacing);
        double d = Math.sqrt(sq(radial / HALF_THICK) + sq(dz / HALF_TALL));
        if (d > 1 + h / HALF_THICK) {
            return 0;
        }
        double w = soft((1 - d) * HALF_THICK, h);
        return w * (d > 0.72 ? muCortex : muMarrow);
    }

    /** cos of where a rib's bony part ends in front: short first ribs, floating last ribs. */
    private static double frontEnd(int k) {
        double phi = k == 0 ? 2.0 : k >= 10 ? 1.7 : Math.min(2.45, 2.15 + 0.04 * k);
        return Math.cos(phi);
    }

    private double clavicle(double x, double y, double z, double h) {
        double[] c = clavicles[x < 0 ? 0 : 1];
        double dx = c[3] - c[0], dy = c[4] - c[1], dz = c[5] - c[2];
        double len2 = dx * dx + dy * dy + dz * dz;
        double t = Math.max(0, Math.min(1, ((x - c[0]) * dx + (y - c[1]) * dy + (z - c[2]) * dz) / len2));
        double d = Math.sqrt(sq(x - c[0] - t * dx) + sq(y - c[1] - t * dy) + sq(z - c[2] - t * dz));
        if (d > CLAVICLE_RADIUS + h) {
            return 0;
        }
        return soft(CLAVICLE_RADIUS - d, h) * (d > CLAVICLE_RADIUS - 1.5 ? muCortex : muMarrow);
    }

    static double soft(double insideMm, double h) {
        return Math.max(0, Math.min(1, 0.5 + insideMm / h));
    }

    private static double sq(double v) {
        return v * v;
    }
}
