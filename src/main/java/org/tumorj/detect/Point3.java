package org.tumorj.detect;

/** A point in three dimensions: pixels and slice index, or patient millimetres. */
public record Point3(double x, double y, double z) {

    public static Point3 of(double[] xyz) {
        return new Point3(xyz[0], xyz[1], xyz[2]);
    }

    public double distance(Point3 o) {
        double dx = x - o.x, dy = y - o.y, dz = z - o.z;
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }
}
