package org.tumorj.volume;

/**
 * Collimator shutters of a radiograph (PS3.3 C.7.6.11), in 0-based pixel coordinates: the
 * exposed field is the intersection of the shapes present. Outside it the detector saw no
 * patient, so detection must not look there and windows must not be computed from it.
 *
 * @param rectangle left, right, top, bottom edges (inclusive pixel columns/rows), or null
 * @param circle centre x, centre y, radius in pixels, or null
 * @param polygon vertices as x0, y0, x1, y1, ... in pixels, or null
 */
public record Shutter(double[] rectangle, double[] circle, double[] polygon) {
    /** No shutter: every pixel is exposed. */
    public static final Shutter NONE = new Shutter(null, null, null);

    public Shutter {
        rectangle = rectangle == null ? null : rectangle.clone();
        circle = circle == null ? null : circle.clone();
        polygon = polygon == null ? null : polygon.clone();
        if (rectangle != null && rectangle.length != 4 || circle != null && circle.length != 3
                || polygon != null && (polygon.length < 6 || polygon.length % 2 != 0)) {
            throw new IllegalArgumentException("shutter: rectangle needs 4 values, circle 3, polygon 3 or more x,y pairs");
        }
    }

    public boolean isNone() {
        return rectangle == null && circle == null && polygon == null;
    }

    /** True when pixel (x, y) lies in the exposed field. */
    public boolean exposes(double x, double y) {
        if (rectangle != null && (x < rectangle[0] || x > rectangle[1] || y < rectangle[2] || y > rectangle[3])) {
            return false;
        }
        if (circle != null) {
            double dx = x - circle[0], dy = y - circle[1];
            if (dx * dx + dy * dy > circle[2] * circle[2]) {
                return false;
            }
        }
        return polygon == null || insidePolygon(x, y);
    }

    /** Even-odd rule. */
    private boolean insidePolygon(double x, double y) {
        boolean inside = false;
        int n = polygon.length / 2;
        for (int i = 0, j = n - 1; i < n; j = i++) {
            double xi = polygon[2 * i], yi = polygon[2 * i + 1], xj = polygon[2 * j], yj = polygon[2 * j + 1];
            if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) {
                inside = !inside;
            }
        }
        return inside;
    }

    @Override public double[] rectangle() { return rectangle == null ? null : rectangle.clone(); }
    @Override public double[] circle() { return circle == null ? null : circle.clone(); }
    @Override public double[] polygon() { return polygon == null ? null : polygon.clone(); }
}
