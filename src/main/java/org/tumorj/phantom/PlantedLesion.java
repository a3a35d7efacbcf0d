package org.tumorj.phantom;

/**
 * A lesion: an ellipsoid, rotated in plane, whose surface is lobulated by a few cosine terms of
 * the in-plane angle. Star-shaped around its centre, so each slice's outline is found along rays.
 */
final class PlantedLesion {
    final int id;
    final Organ organ;
    final double cx, cy, cz;
    final double rx, ry, rz;
    final double angle;
    final double[] lobeAmplitude;
    final double[] lobePhase;
    /** Mean value inside, in the modality's reference units (HU for CT). */
    double value;
    double organValue;
    double textureAmplitude;
    /** Large lesions may carry a necrotic or cystic core of this value (NaN: none). */
    double coreValue = Double.NaN;
    String conspicuity;

    PlantedLesion(int id, Organ organ, double[] centre, double[] radii, double angle, double[] lobeAmplitude, double[] lobePhase) {
        this.id = id;
        this.organ = organ;
        this.cx = centre[0];
        this.cy = centre[1];
        this.cz = centre[2];
        this.rx = radii[0];
        this.ry = radii[1];
        this.rz = radii[2];
        this.angle = angle;
        this.lobeAmplitude = lobeAmplitude.clone();
        this.lobePhase = lobePhase.clone();
    }

    /** Normalised radius: below 1 inside, 1 on the surface. */
    double rho(double x, double y, double z) {
        double dx = x - cx, dy = y - cy;
        double c = Math.cos(angle), s = Math.sin(angle);
        double u = (dx * c + dy * s) / rx;
        double v = (-dx * s + dy * c) / ry;
        double w = (z - cz) / rz;
        double r = Math.sqrt(u * u + v * v + w * w);
        return r / lobulation(Math.atan2(v, u));
    }

    boolean contains(double x, double y, double z) {
        return rho(x, y, z) <= 1;
    }

    double maxRadius() {
        double lob = 1;
        for (double a : lobeAmplitude) {
            lob += Math.abs(a);
        }
        return Math.max(rx, Math.max(ry, rz)) * lob;
    }

    double maxInPlaneRadius() {
        double lob = 1;
        for (double a : lobeAmplitude) {
            lob += Math.abs(a);
        }
        return Math.max(rx, ry) * lob;
    }

    /** Diameter of the sphere with the same volume as the ellipsoid. */
    double equivalentDiameter() {
        return 2 * Math.cbrt(rx * ry * rz);
    }

    boolean lobulated() {
        for (double a : lobeAmplitude) {
            if (Math.abs(a) > 0.06) {
                return true;
            }
        }
        return false;
    }

    private double lobulation(double theta) {
        double f = 1;
        for (int k = 0; k < lobeAmplitude.length; k++) {
            f += lobeAmplitude[k] * Math.cos((k + 2) * theta + lobePhase[k]);
        }
        return f;
    }
}
