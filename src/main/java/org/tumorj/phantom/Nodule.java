package org.tumorj.phantom;

/**
 * A lung nodule: an ellipsoid in the chest (patient mm) with one axis along the beam (semi-axis
 * {@code depth}) and the other two in the image plane, turned by {@code angle}. It adds
 * {@code deltaMu} per mm above the lung it displaces, so on the radiograph its excess line
 * integral is {@code deltaMu * chord}, with the closed-form chord of an ellipsoid.
 */
final class Nodule {
    final int id;
    final double x, y, z;
    final double major, minor, depth, angle;
    final double deltaMu;
    final String conspicuity;

    Nodule(int id, double[] centre, double[] semiAxes, double angle, double deltaMu, String conspicuity) {
        this.id = id;
        this.x = centre[0];
        this.y = centre[1];
        this.z = centre[2];
        this.major = semiAxes[0];
        this.minor = semiAxes[1];
        this.depth = semiAxes[2];
        this.angle = angle;
        this.deltaMu = deltaMu;
        this.conspicuity = conspicuity;
    }

    /** Chord (mm) of the ray through image-plane point (u = x, v = -z). */
    double chord(double u, double v) {
        double q = normalisedRadius(u, v);
        return q >= 1 ? 0 : 2 * depth * Math.sqrt(1 - q * q);
    }

    /** Normalised distance from the projected centre: 1 on the projected outline. */
    double normalisedRadius(double u, double v) {
        double du = u - x, dv = v + z;
        double c = Math.cos(angle), s = Math.sin(angle);
        double a = (du * c + dv * s) / major, b = (-du * s + dv * c) / minor;
        return Math.sqrt(a * a + b * b);
    }

    double maxRadius() {
        return Math.max(major, Math.max(minor, depth));
    }

    /** Diameter of the sphere of the same volume. */
    double equivalentDiameter() {
        return 2 * Math.cbrt(major * minor * depth);
    }

    /**
     * The nodule as the phantom's {@link PlantedLesion} in the image plane of a one-slice grid (x = u,
     * y = v, z = 0), so that outlines, pixel look-ups and ground truth work as for CT and MR.
     */
    PlantedLesion asImageLesion() {
        PlantedLesion l = new PlantedLesion(id, Organ.LUNG, new double[] {x, -z, 0}, new double[] {major, minor, depth}, angle,
                new double[3], new double[3]);
        l.conspicuity = conspicuity;
        return l;
    }
}
