package org.tumorj.phantom;

import java.util.random.RandomGenerator;

/**
 * The 3D chest a radiograph is projected through, as linear attenuation coefficients (per mm,
 * at an effective energy of about 60 keV): an elliptic body of soft tissue narrowing to the neck,
 * two air-filled lungs (widening toward their bases, cut by the diaphragm domes, the right one
 * higher), the heart and mediastinum between them with the aortic knob and the air column of the
 * trachea, a gastric air bubble under the left dome, and the bones of {@link RibCage}. Patient
 * mm, centred on the image: x to the patient's left, y posterior, z up. Each study draws its own
 * proportions.
 */
final class ChestAnatomy {
    static final double MU_AIR = 0;
    private final double muSoft, muLung;
    private final double bodyA, bodyB, wall, neckZ;
    private final double lungX, lungY, lungZ, lungA, lungB, lungC;
    private final double domeRight, domeLeft;
    private final double heartX, heartY, heartZ, heartA, heartB, heartC;
    private final double mediastinumHalf, knobX, knobZ, knobR, carinaZ;
    private final double bubbleX, bubbleZ;
    private final RibCage ribs;

    ChestAnatomy(RandomGenerator r) {
        double s = r.nextDouble(0.92, 1.05);
        muSoft = r.nextDouble(0.0195, 0.0205);
        muLung = r.nextDouble(0.0046, 0.0058); // inflated lung: a quarter of the density of soft tissue
        bodyA = r.nextDouble(150, 162) * s;
        bodyB = r.nextDouble(106, 116) * s;
        wall = r.nextDouble(15, 22) * s;
        lungX = r.nextDouble(68, 76) * s;
        lungY = r.nextDouble(2, 10);
        lungC = r.nextDouble(132, 145) * s;
        lungZ = r.nextDouble(-12, 0) * s;
        lungA = r.nextDouble(56, 64) * s;
        lungB = r.nextDouble(68, 76) * s;
        neckZ = lungZ + lungC + r.nextDouble(0, 12);
        domeRight = r.nextDouble(-85, -65) * s;
        domeLeft = domeRight - r.nextDouble(8, 20);
        heartA = r.nextDouble(54, 68) * s;
        heartB = r.nextDouble(48, 56) * s;
        heartC = r.nextDouble(52, 62) * s;
        heartX = r.nextDouble(12, 26) * s;
        heartY = -r.nextDouble(18, 28);
        heartZ = (domeRight + domeLeft) / 2 + heartC * r.nextDouble(0.45, 0.65);
        mediastinumHalf = r.nextDouble(22, 30) * s;
        knobX = mediastinumHalf + r.nextDouble(2, 8);
        knobZ = heartZ + heartC + r.nextDouble(15, 30);
        knobR = r.nextDouble(14, 19);
        carinaZ = heartZ + heartC * r.nextDouble(0.5, 0.9);
        bubbleX = r.nextDouble(45, 70) * s;
        bubbleZ = domeLeft - r.nextDouble(25, 35);
        ribs = new RibCage(bodyA, bodyB, wall, lungZ + lungC, s, r);
    }

    double muSoft() { return muSoft; }
    double muLung() { return muLung; }

    /**
     * Line integral {@code sum mu dl} of the antero-posterior ray through (x, z) without the
     * bones: soft tissue over the body's depth, lung and air (trachea, gastric bubble), all by
     * exact chords, so it may be evaluated at every pixel.
     */
    double softIntegral(double x, double z) {
        double half = halfDepth(x, z);
        if (half <= 0) {
            return 0;
        }
        double sum = muSoft * 2 * half + (muLung - muSoft) * lungChord(x, z);
        return sum - (muSoft - MU_AIR) * (tracheaChord(x, z) + bubbleChord(x, z));
    }

    /** The bones' excess line integral on the ray through (x, z), sampled every {@code h} mm (see {@link RibCage}). */
    double boneIntegral(double x, double z, double h) {
        return halfDepth(x, z) <= 0 ? 0 : ribs.lineIntegral(x, z, h);
    }

    /**
     * Length (mm) of air-filled lung on the ray through (x, z): the lung ellipsoid's chord, kept
     * inside the rib cage, above the diaphragm and lateral to the mediastinum, less the heart's
     * and aortic knob's chords. The same shapes as {@link #lungWeight}, with hard edges.
     */
    double lungChord(double x, double z) {
        double side = x < 0 ? -1 : 1;
        if (Math.abs(x) <= mediastinumHalf) {
            return 0;
        }
        double a = lungA * (1 + 0.2 * (lungZ - z) / lungC);
        double q = 1 - sq((x - side * lungX) / a) - sq((z - lungZ) / lungC);
        double cage = bodyA(z) - wall;
        if (q <= 0 || Math.abs(x) >= cage) {
            return 0;
        }
        double lo = lungY - lungB * Math.sqrt(q), hi = lungY + lungB * Math.sqrt(q);
        double yc = (bodyB(z) - wall) * Math.sqrt(1 - sq(x / cage));
        lo = Math.max(lo, -yc);
        hi = Math.min(hi, yc);
        double domeTop = dome(x, lungY);
        if (z <= domeTop) {
            lo = Math.max(lo, lungY + (domeTop - z) / 0.35); // only the posterior recess reaches this low
        }
        if (hi <= lo) {
            return 0;
        }
        double[] heart = ellipsoidInterval(x - heartX, z - heartZ, heartA, heartB, heartC, heartY);
        double[] knob = ellipsoidInterval(x - knobX, z - knobZ, knobR, knobR, knobR, lungY);
        return (hi - lo) - overlap(lo, hi, heart) - overlap(lo, hi, knob) + overlap(Math.max(lo, start(heart)),
                Math.min(hi, end(heart)), knob);
    }

    private double tracheaChord(double x, double z) {
        return z < carinaZ || Math.abs(x) >= 8 ? 0 : 2 * Math.sqrt(64 - x * x);
    }

    private double bubbleChord(double x, double z) {
        double[] i = ellipsoidInterval(x - bubbleX, z - bubbleZ, 30, 24, 17, -15);
        return i == null ? 0 : i[1] - i[0];
    }

    /** The y interval of an axis-aligned ellipsoid (semi-axes a, b, c; centre y) on the ray at offsets (dx, dz); null if missed. */
    private static double[] ellipsoidInterval(double dx, double dz, double a, double b, double c, double centreY) {
        double q = 1 - sq(dx / a) - sq(dz / c);
        return q <= 0 ? null : new double[] {centreY - b * Math.sqrt(q), centreY + b * Math.sqrt(q)};
    }

    private static double overlap(double lo, double hi, double[] interval) {
        return interval == null ? 0 : Math.max(0, Math.min(hi, interval[1]) - Math.max(lo, interval[0]));
    }

    private static double start(double[] interval) {
        return interval == null ? Double.POSITIVE_INFINITY : interval[0];
    }

    private static double end(double[] interval) {
        return interval == null ? Double.NEGATIVE_INFINITY : interval[1];
    }

    /** Half the body's antero-posterior thickness on the ray through (x, z); 0 outside the body. */
    double halfDepth(double x, double z) {
        double a = bodyA(z), b = bodyB(z);
        double u = x / a;
        return Math.abs(u) >= 1 ? 0 : b * Math.sqrt(1 - u * u);
    }

    /** 1 inside air-filled lung, 0 outside, blended over {@code h} mm at the surface. */
    double lungWeight(double x, double y, double z, double h) {
        double side = x < 0 ? -1 : 1;
        double a = lungA * (1 + 0.2 * (lungZ - z) / lungC); // wider at the base
        double u = (x - side * lungX) / a, v = (y - lungY) / lungB, w = (z - lungZ) / lungC;
        double rho = Math.sqrt(u * u + v * v + w * w);
        if (rho > 1.2) {
            return 0;
        }
        double in = soft((1 - rho) * Math.min(a, lungB), h);
        in = Math.min(in, soft(z - dome(x, y), h));
        double cu = x / (bodyA(z) - wall), cv = y / (bodyB(z) - wall); // inside the rib cage
        in = Math.min(in, soft((1 - Math.sqrt(cu * cu + cv * cv)) * (bodyB - wall), h));
        in = Math.min(in, soft(Math.abs(x) - mediastinumHalf, h));
        in = Math.min(in, 1 - heart(x, y, z, h));
        return Math.min(in, 1 - knob(x, y, z, h));
    }

    /** Whether the point lies in air-filled lung, clear of its surface. */
    boolean inLung(double x, double y, double z) {
        return lungWeight(x, y, z, 0.5) >= 1;
    }

    /** Where the pulmonary arteries leave the mediastinum on this side (-1 right, +1 left): x, y, z. */
    double[] hilum(int side, RandomGenerator r) {
        double z = carinaZ - r.nextDouble(5, 30);
        return new double[] {side * (mediastinumHalf + r.nextDouble(4, 10)), lungY + r.nextDouble(-10, 10), z};
    }

    /** A box around both lungs, for sampling points in them: |x| limit, z bottom, z top, y front, y back (mm). */
    double[] lungBounds() {
        return new double[] {lungX + lungA * 1.25, Math.min(domeLeft, domeRight) - 60, lungZ + lungC, lungY - lungB, lungY + lungB};
    }

    private double bodyA(double z) {
        return blendToNeck(bodyA, 62, z);
    }

    private double bodyB(double z) {
        return blendToNeck(bodyB, 60, z);
    }

    /** The body narrows from the shoulders to the neck over 40 mm above the lung apices. */
    private double blendToNeck(double chest, double neck, double z) {
        double t = Math.max(0, Math.min(1, (z - neckZ) / 40));
        t = t * t * (3 - 2 * t);
        return chest + (neck - chest) * t;
    }

    private double body(double x, double y, double z, double h) {
        double a = bodyA(z), b = bodyB(z);
        double rho = Math.sqrt(sq(x / a) + sq(y / b));
        return soft((1 - rho) * b, h);
    }

    /** Diaphragm height: a dome per side, lower at the sides and behind (the posterior recesses). */
    private double dome(double x, double y) {
        double top = x < 0 ? domeRight : domeLeft;
        double dx = Math.abs(x) - lungX * 0.8;
        return top - 0.0045 * dx * dx - 0.35 * Math.max(0, y - lungY);
    }

    private double heart(double x, double y, double z, double h) {
        double rho = Math.sqrt(sq((x - heartX) / heartA) + sq((y - heartY) / heartB) + sq((z - heartZ) / heartC));
        return rho > 1.3 ? 0 : soft((1 - rho) * heartB, h);
    }

    private double knob(double x, double y, double z, double h) {
        double d = Math.sqrt(sq(x - knobX) + sq(y - lungY) + sq(z - knobZ));
        return soft(knobR - d, h);
    }

    private static double soft(double insideMm, double h) {
        return RibCage.soft(insideMm, h);
    }

    private static double sq(double v) {
        return v * v;
    }
}
