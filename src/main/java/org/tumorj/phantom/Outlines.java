package org.tumorj.phantom;

/**
 * Traces a lesion's outline on one slice along rays from its centre (the shape is star-shaped),
 * refining each crossing by bisection. Coordinates are ImageJ ROI pixel coordinates: pixel
 * column i covers [i, i+1), so its centre is at i + 0.5.
 */
final class Outlines {
    private Outlines() {}

    /** {xs, ys} of the outline on slice k, or null when the lesion covers no pixel centre there. */
    static float[][] lesion(Grid g, PlantedLesion l, int k) {
        double z = g.z(k);
        if (pixelsCovered(g, l, k) == 0) {
            return null;
        }
        double reach = l.maxInPlaneRadius() * 1.05 + g.spacing;
        int n = (int) Math.max(16, Math.min(72, Math.ceil(2 * Math.PI * reach / g.spacing / 2)));
        float[] xs = new float[n], ys = new float[n];
        double step = g.spacing / 8;
        for (int a = 0; a < n; a++) {
            double dx = Math.cos(2 * Math.PI * a / n), dy = Math.sin(2 * Math.PI * a / n);
            double inside = -1;
            for (double t = 0; t <= reach; t += step) {
                if (l.contains(l.cx + t * dx, l.cy + t * dy, z)) {
                    inside = t;
                }
            }
            double t = inside < 0 ? 0 : refine(l, z, dx, dy, inside, inside + step);
            xs[a] = (float) (g.column(l.cx + t * dx) + 0.5);
            ys[a] = (float) (g.row(l.cy + t * dy) + 0.5);
        }
        return new float[][] {xs, ys};
    }

    /** Number of pixel centres of slice k inside the lesion. */
    static int pixelsCovered(Grid g, PlantedLesion l, int k) {
        double z = g.z(k);
        if (Math.abs(z - l.cz) > l.maxRadius()) {
            return 0;
        }
        double reach = l.maxInPlaneRadius() + g.spacing;
        int count = 0;
        int c0 = Math.max(0, (int) Math.floor(g.column(l.cx - reach)));
        int c1 = Math.min(g.width - 1, (int) Math.ceil(g.column(l.cx + reach)));
        int r0 = Math.max(0, (int) Math.floor(g.row(l.cy - reach)));
        int r1 = Math.min(g.height - 1, (int) Math.ceil(g.row(l.cy + reach)));
        for (int row = r0; row <= r1; row++) {
            for (int col = c0; col <= c1; col++) {
                if (l.contains(g.x(col), g.y(row), z)) {
                    count++;
                }
            }
        }
        return count;
    }

    /** A circle of {@code points} vertices, radius in mm, centre in mm. */
    static float[][] circle(Grid g, double cx, double cy, double radius, int points) {
        float[] xs = new float[points], ys = new float[points];
        for (int a = 0; a < points; a++) {
            double t = 2 * Math.PI * a / points;
            xs[a] = (float) (g.column(cx + radius * Math.cos(t)) + 0.5);
            ys[a] = (float) (g.row(cy + radius * Math.sin(t)) + 0.5);
        }
        return new float[][] {xs, ys};
    }

    private static double refine(PlantedLesion l, double z, double dx, double dy, double in, double out) {
        for (int i = 0; i < 20; i++) {
            double mid = (in + out) / 2;
            if (l.contains(l.cx + mid * dx, l.cy + mid * dy, z)) {
                in = mid;
            } else {
                out = mid;
            }
        }
        return (in + out) / 2;
    }
}
