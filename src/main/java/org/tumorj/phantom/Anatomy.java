package org.tumorj.phantom;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * An analytic thorax-abdomen: body ellipse with fat and muscle layers, two lungs that grow
 * toward the head, a liver whose dome rises into the right lung base, spine, aorta and ribs that
 * come and go through the slices. Each study draws its own proportions.
 */
final class Anatomy {
    private final double bodyA, bodyB, fat, muscle;
    private final double lungCx, lungCy, lungA, lungB;
    private final double liverCx, liverCy, liverA, liverB, liverDome, liverRamp;
    private final double spineCy, spineR, aortaCx, aortaCy, aortaR;
    private final double zMin, zMax;
    private final List<double[]> ribs = new ArrayList<>(); // angle, radius, period, phase, centre x, centre y
    private static final double MAX_RIB_RADIUS = 4.2;
    private final double ribRing;

    Anatomy(Grid g, RandomGenerator r) {
        bodyA = g.fovX() * r.nextDouble(0.40, 0.46);
        bodyB = g.fovY() * r.nextDouble(0.29, 0.34);
        fat = bodyB * r.nextDouble(0.08, 0.15);
        muscle = bodyB * r.nextDouble(0.05, 0.08);
        lungCx = bodyA * r.nextDouble(0.44, 0.50);
        lungCy = -bodyB * r.nextDouble(0.0, 0.10);
        lungA = bodyA * r.nextDouble(0.30, 0.36);
        lungB = bodyB * r.nextDouble(0.56, 0.64);
        liverCx = -bodyA * r.nextDouble(0.30, 0.38);
        liverCy = bodyB * r.nextDouble(0.0, 0.08);
        liverA = bodyA * r.nextDouble(0.42, 0.50);
        liverB = bodyB * r.nextDouble(0.55, 0.64);
        zMin = g.zMin();
        zMax = g.zMax();
        liverDome = zMin + (zMax - zMin) * r.nextDouble(0.60, 0.85);
        liverRamp = 0.5 * (liverDome - zMin) + 1e-6;
        spineCy = bodyB * r.nextDouble(0.60, 0.66);
        spineR = bodyB * r.nextDouble(0.16, 0.20);
        aortaCx = bodyA * r.nextDouble(0.08, 0.14);
        aortaCy = bodyB * r.nextDouble(0.30, 0.36);
        aortaR = bodyB * r.nextDouble(0.08, 0.10);
        ribRing = fat + muscle;
        double period = r.nextDouble(20, 28);
        for (int k = 0; k < 13; k++) {
            double angle = Math.toRadians(k * 360.0 / 13 + r.nextDouble(-6, 6));
            double deg = Math.toDegrees(angle) % 360;
            if (Math.abs(deg - 90) < 28 || Math.abs(deg - 270) < 18) {
                continue; // spine behind, sternum in front
            }
            double radius = r.nextDouble(2.8, MAX_RIB_RADIUS);
            double a = bodyA - ribRing - radius, b = bodyB - ribRing - radius;
            ribs.add(new double[] {angle, radius, period, r.nextDouble(), a * Math.cos(angle), b * Math.sin(angle)});
        }
    }

    Tissue tissueAt(double x, double y, double z) {
        double rho = Geom.len(x / bodyA, y / bodyB);
        if (rho >= 1) {
            return Tissue.AIR;
        }
        double depth = rho < 1e-9 ? bodyB : (1 - rho) * Geom.len(x, y) / rho;
        if (depth > ribRing - 1 && depth < ribRing + 2 * MAX_RIB_RADIUS + 1 && inRib(x, y, z)) {
            return Tissue.RIB;
        }
        if (depth < fat) {
            return Tissue.FAT;
        }
        if (depth < fat + muscle) {
            return Tissue.MUSCLE;
        }
        double ds = Geom.len(x, y - spineCy);
        if (ds < spineR) {
            return ds > spineR - 2.0 ? Tissue.BONE_CORTEX : Tissue.BONE_MARROW;
        }
        if (Geom.len(x - aortaCx, y - aortaCy) < aortaR) {
            return Tissue.AORTA;
        }
        if (inLiver(x, y, z)) {
            return Tissue.LIVER;
        }
        if (inLungShape(x, y, z)) {
            return Tissue.LUNG;
        }
        return Tissue.SOFT;
    }

    boolean inOrgan(Organ organ, double x, double y, double z) {
        Tissue t = tissueAt(x, y, z);
        return organ == Organ.LIVER ? t == Tissue.LIVER : t == Tissue.LUNG;
    }

    private boolean inLiver(double x, double y, double z) {
        double s = Math.sqrt(Math.max(0, Math.min(1, (liverDome - z) / liverRamp)));
        if (s <= 0.05) {
            return false;
        }
        double u = (x - liverCx) / (liverA * s);
        double v = (y - liverCy) / (liverB * Math.sqrt(s));
        return u * u + v * v < 1;
    }

    private boolean inLungShape(double x, double y, double z) {
        double t = (z - zMin) / Math.max(1e-6, zMax - zMin);
        double scale = 0.75 + 0.25 * t;
        double cx = x < 0 ? -lungCx : lungCx;
        double u = (x - cx) / (lungA * scale);
        double v = (y - lungCy) / (lungB * scale);
        return u * u + v * v < 1;
    }

    private boolean inRib(double x, double y, double z) {
        for (double[] rib : ribs) {
            double phase = ((z / rib[2] + rib[3]) % 1 + 1) % 1;
            if (phase > 0.4) {
                continue;
            }
            double dx = x - rib[4], dy = y - rib[5];
            if (dx * dx + dy * dy < rib[1] * rib[1]) {
                return true;
            }
        }
        return false;
    }
}
