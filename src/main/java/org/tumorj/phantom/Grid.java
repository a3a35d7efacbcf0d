package org.tumorj.phantom;

/**
 * Voxel grid in patient coordinates (LPS, mm): columns run to the patient's left (+x), rows to
 * posterior (+y), slices to superior (+z). The grid is centred on (0, 0, 0). Pixel column
 * {@code i} has its centre at {@code x(i)}; in ImageJ's ROI coordinates that centre is at
 * {@code i + 0.5} (pixel i covers [i, i+1)).
 */
final class Grid {
    final int width;
    final int height;
    final int depth;
    final double spacing;
    final double dz;
    final double x0;
    final double y0;
    final double z0;

    Grid(int width, int height, int depth, double spacing, double dz) {
        this.width = width;
        this.height = height;
        this.depth = depth;
        this.spacing = spacing;
        this.dz = dz;
        this.x0 = -(width - 1) / 2.0 * spacing;
        this.y0 = -(height - 1) / 2.0 * spacing;
        this.z0 = -(depth - 1) / 2.0 * dz;
    }

    double x(double column) { return x0 + column * spacing; }
    double y(double row) { return y0 + row * spacing; }
    double z(int slice) { return z0 + slice * dz; }
    double column(double xMm) { return (xMm - x0) / spacing; }
    double row(double yMm) { return (yMm - y0) / spacing; }
    double slice(double zMm) { return (zMm - z0) / dz; }
    double fovX() { return width * spacing; }
    double fovY() { return height * spacing; }
    double zMin() { return z0; }
    double zMax() { return z(depth - 1); }
}
