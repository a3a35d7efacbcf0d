package org.tumorj.pipeline;

/** Point-in-polygon and distances for annotation outlines (pixel-corner coordinates). */
final class Polygons {
    private Polygons() {}

    /** Even-odd rule. */
    static boolean contains(float[] xs, float[] ys, double x, double y) {
        boolean inside = false;
        for (int i = 0, j = xs.length - 1; i < xs.length; j = i++) {
            if ((ys[i] > y) != (ys[j] > y) && x < (xs[j] - xs[i]) * (y - ys[i]) / (ys[j] - ys[i]) + xs[i]) {
                inside = !inside;
            }
        }
        return inside;
    }

    static double distanceToCentroid(float[] xs, float[] ys, double x, double y) {
        double cx = 0;
        double cy = 0;
        for (int i = 0; i < xs.length; i++) {
            cx += xs[i];
            cy += ys[i];
        }
        return Math.hypot(cx / xs.length - x, cy / ys.length - y);
    }

    static double distanceToEdge(float[] xs, float[] ys, double x, double y) {
        double best = Double.MAX_VALUE;
        for (int i = 0, j = xs.length - 1; i < xs.length; j = i++) {
            best = Math.min(best, segmentDistance(xs[j], ys[j], xs[i], ys[i], x, y));
        }
        return contains(xs, ys, x, y) ? 0 : best;
    }

    /** Shoelace area, px². */
    static double area(float[] xs, float[] ys) {
        double sum = 0;
        for (int i = 0, j = xs.length - 1; i < xs.length; j = i++) {
            sum += (double) xs[j] * ys[i] - (double) xs[i] * ys[j];
        }
        return Math.abs(sum) / 2;
    }

    /** Whether (x, y) lies within {@code reach} of the outline's bounding box (a cheap test before distances). */
    static boolean boundsReach(float[] xs, float[] ys, double x, double y, double reach) {
        double minX = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, minY = Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        for (int i = 0; i < xs.length; i++) {
            minX = Math.min(minX, xs[i]);
            maxX = Math.max(maxX, xs[i]);
            minY = Math.min(minY, ys[i]);
            maxY = Math.max(maxY, ys[i]);
        }
        return x >= minX - reach && x <= maxX + reach && y >= minY - reach && y <= maxY + reach;
    }

    private static double segmentDistance(double ax, double ay, double bx, double by, double x, double y) {
        double dx = bx - ax;
        double dy = by - ay;
        double len2 = dx * dx + dy * dy;
        double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / len2));
        return Math.hypot(ax + t * dx - x, ay + t * dy - y);
    }
}
