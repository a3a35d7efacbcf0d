package org.tumorj.volume;

/**
 * The outer boundary of a region on one slice as a closed polygon along pixel edges: vertices are
 * pixel corners in ImageJ ROI coordinates (pixel {@code (x, y)} spans {@code [x, x+1] x [y, y+1]}),
 * the last vertex joins the first. The pixels whose centres lie inside are exactly the region's
 * pixels plus any holes it encloses, which is what ImageJ's traced polygon ROIs mean.
 */
public final class Contour {
    private final int[] xs;
    private final int[] ys;

    public Contour(int[] xs, int[] ys) {
        if (xs.length != ys.length || xs.length < 4) {
            throw new IllegalArgumentException("a pixel contour needs >= 4 corners with x and y, got "
                    + xs.length + " x and " + ys.length + " y");
        }
        this.xs = xs.clone();
        this.ys = ys.clone();
    }

    /** The same polygon moved by {@code (dx, dy)}: a contour traced in a window, put back on its slice. */
    public Contour translated(int dx, int dy) {
        int[] x = xs.clone(), y = ys.clone();
        for (int i = 0; i < x.length; i++) {
            x[i] += dx;
            y[i] += dy;
        }
        return new Contour(x, y);
    }

    public int size() { return xs.length; }
    public int x(int i) { return xs[i]; }
    public int y(int i) { return ys[i]; }
    public int[] xs() { return xs.clone(); }
    public int[] ys() { return ys.clone(); }

    /** Even-odd test of the point {@code (px, py)} in ROI coordinates (a pixel centre is x + 0.5). */
    public boolean contains(double px, double py) {
        boolean inside = false;
        for (int i = 0, j = xs.length - 1; i < xs.length; j = i++) {
            if ((ys[i] > py) != (ys[j] > py)
                    && px < (double) (xs[j] - xs[i]) * (py - ys[i]) / (ys[j] - ys[i]) + xs[i]) {
                inside = !inside;
            }
        }
        return inside;
    }
}
