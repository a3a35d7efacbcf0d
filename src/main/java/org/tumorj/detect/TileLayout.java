package org.tumorj.detect;

/**
 * How a slice too large for one backbone call is cut into overlapping tiles. The cores partition
 * the slice into {@code core x core} squares (the last row and column smaller); each tile is its
 * core grown by {@code margin} pixels on every side, clipped to the slice. A map cell is taken
 * from the tile whose core holds its centre, so it was computed with at least {@code margin}
 * pixels of real image around it (or the slice edge, as in an untiled run): with a margin of half
 * the backbone's receptive field, a tile's core sees what the whole slice would have shown it.
 *
 * @param width slice width, pixels
 * @param height slice height, pixels
 * @param core edge of a core square; a multiple of {@value #ALIGNMENT}
 * @param margin context added on each side; a multiple of {@value #ALIGNMENT}
 */
public record TileLayout(int width, int height, int core, int margin) {
    /**
     * Tile origins fall on multiples of this, which every backbone stride (32, or 16 and 8 for a
     * {@code ScaledBackbone}) and every map pitch divides: a tile's cells then lie exactly on the
     * whole slice's cell grid.
     */
    public static final int ALIGNMENT = 32;

    public TileLayout {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("a tiled slice needs a positive size, got " + width + "x" + height);
        }
        if (core < ALIGNMENT || core % ALIGNMENT != 0 || margin < 0 || margin % ALIGNMENT != 0) {
            throw new IllegalArgumentException("tile core and margin must be multiples of " + ALIGNMENT
                    + " (core at least " + ALIGNMENT + "), got core " + core + ", margin " + margin);
        }
    }

    /** Largest tile edge: core plus a margin on both sides. */
    public int maxTileSize() { return core + 2 * margin; }

    /** True when the whole slice fits in one tile: no tiling needed. */
    public boolean single() {
        return width <= maxTileSize() && height <= maxTileSize();
    }

    public int tilesX() { return (width + core - 1) / core; }
    public int tilesY() { return (height + core - 1) / core; }

    /** First pixel of tile column {@code t} (a multiple of {@value #ALIGNMENT}). */
    public int startX(int t) { return start(t); }
    public int startY(int t) { return start(t); }
    /** One past the last pixel of tile column {@code t}. */
    public int endX(int t) { return Math.min(width, (t + 1) * core + margin); }
    public int endY(int t) { return Math.min(height, (t + 1) * core + margin); }

    /** The tile column whose core holds pixel x {@code x} (clamped to the slice's tiles). */
    public int tileOfX(double x) { return clamp((int) Math.floor(x / core), tilesX()); }
    public int tileOfY(double y) { return clamp((int) Math.floor(y / core), tilesY()); }

    private int start(int t) {
        return Math.max(0, t * core - margin);
    }

    private static int clamp(int t, int n) {
        return Math.max(0, Math.min(n - 1, t));
    }
}
