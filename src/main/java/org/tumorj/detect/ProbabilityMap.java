package org.tumorj.detect;

/**
 * The head's probabilities over one slice at feature-map resolution. Cell {@code (i, j)} is centred
 * on pixel {@code (offset + i * stride, offset + j * stride)} in slice pixel coordinates (pixel
 * centres at integers); for a single pass {@code offset = stride / 2 - 0.5}, the centre of the
 * stride x stride block the cell summarises.
 *
 * <p>Kept at map resolution (a 512x512 slice gives 16x16 floats, or 32x32 refined) so that a
 * 1000-slice series costs a few MB; {@link #upsample} produces full resolution on demand.
 *
 * <p>The grid may differ along x and y ({@link #strideY()}, {@link #offsetY()}): a map computed on
 * a downsampled radiograph and described on the original pixels ({@link #onFinerGrid}) has the
 * two factors of the resampling, which differ when the pixels are not square.
 */
public final class ProbabilityMap {
    private final float[] values;
    private final int mapWidth;
    private final int mapHeight;
    private final double stride;
    private final double offset;
    private final double strideY;
    private final double offsetY;

    /** The same grid along x and y. */
    public ProbabilityMap(float[] values, int mapWidth, int mapHeight, double stride, double offset) {
        this(values, mapWidth, mapHeight, stride, offset, stride, offset);
    }

    /** Cell {@code (i, j)} centred on pixel {@code (offsetX + i * strideX, offsetY + j * strideY)}. */
    public ProbabilityMap(float[] values, int mapWidth, int mapHeight, double strideX, double offsetX, double strideY,
            double offsetY) {
        if (values.length != mapWidth * mapHeight) {
            throw new IllegalArgumentException(values.length + " values for a " + mapWidth + "x" + mapHeight + " map");
        }
        this.values = values;
        this.mapWidth = mapWidth;
        this.mapHeight = mapHeight;
        this.stride = strideX;
        this.offset = offsetX;
        this.strideY = strideY;
        this.offsetY = offsetY;
    }

    /** A map on the same grid holding {@code newValues}. */
    public ProbabilityMap withValues(float[] newValues) {
        return new ProbabilityMap(newValues, mapWidth, mapHeight, stride, offset, strideY, offsetY);
    }

    /** Whether {@code other} has this map's cells (size, strides and offsets): their values can be combined cell by cell. */
    public boolean sameGrid(ProbabilityMap other) {
        return mapWidth == other.mapWidth && mapHeight == other.mapHeight && stride == other.stride
                && offset == other.offset && strideY == other.strideY && offsetY == other.offsetY;
    }

    public int mapWidth() { return mapWidth; }
    public int mapHeight() { return mapHeight; }
    /** Pixels between cell centres along x (and along y unless {@link #strideY()} differs). */
    public double stride() { return stride; }
    /** Pixel x of cell column 0's centre (and y of row 0's unless {@link #offsetY()} differs). */
    public double offset() { return offset; }
    public double strideY() { return strideY; }
    public double offsetY() { return offsetY; }
    public float value(int i, int j) { return values[j * mapWidth + i]; }

    /** Highest probability over the map (before any body mask). */
    public float max() {
        float m = 0;
        for (float v : values) {
            m = Math.max(m, v);
        }
        return m;
    }

    /**
     * The same cells described on pixels {@code factorX} x {@code factorY} times smaller: those of
     * an image whose pixel {@code i} this map's pixel grid averaged over {@code [i f, (i + 1) f)}
     * (pixel-edge coordinates). A centre at pixel {@code c} here lies at {@code (c + 0.5) f - 0.5}
     * there. The values are shared, not copied.
     */
    public ProbabilityMap onFinerGrid(double factorX, double factorY) {
        return new ProbabilityMap(values, mapWidth, mapHeight, stride * factorX, (offset + 0.5) * factorX - 0.5,
                strideY * factorY, (offsetY + 0.5) * factorY - 0.5);
    }

    /**
     * Bilinear upsampling to a {@code width x height} slice, row-major. Outside the outermost cell
     * centres the nearest cell's value is held (no extrapolation).
     */
    public float[] upsample(int width, int height) {
        return upsample(width, height, 0, 0, width, height);
    }

    /**
     * The window {@code [left, left + windowWidth) x [top, top + windowHeight)} of
     * {@link #upsample(int, int)}, row-major, with the same values.
     */
    public float[] upsample(int width, int height, int left, int top, int windowWidth, int windowHeight) {
        int[] x0 = new int[width];
        float[] fx = new float[width];
        weights(width, mapWidth, stride, offset, x0, fx);
        int[] y0 = new int[height];
        float[] fy = new float[height];
        weights(height, mapHeight, strideY, offsetY, y0, fy);
        // Separable: interpolate the map rows needed along x once, then each output row along y.
        float[][] rows = new float[mapHeight][];
        float[] out = new float[windowWidth * windowHeight];
        for (int y = 0; y < windowHeight; y++) {
            int j = y0[top + y];
            float[] a = interpolatedRow(rows, j, x0, fx, left, windowWidth);
            float[] b = interpolatedRow(rows, Math.min(j + 1, mapHeight - 1), x0, fx, left, windowWidth);
            float t = fy[top + y];
            for (int x = 0, o = y * windowWidth; x < windowWidth; x++) {
                out[o + x] = lerp(a[x], b[x], t);
            }
        }
        return out;
    }

    /** Map row {@code j} interpolated along x over the window's columns, computed once into {@code rows}. */
    private float[] interpolatedRow(float[][] rows, int j, int[] x0, float[] fx, int left, int windowWidth) {
        if (rows[j] == null) {
            float[] row = new float[windowWidth];
            for (int x = 0; x < windowWidth; x++) {
                int ia = x0[left + x];
                row[x] = lerp(value(ia, j), value(Math.min(ia + 1, mapWidth - 1), j), fx[left + x]);
            }
            rows[j] = row;
        }
        return rows[j];
    }

    /** For each pixel, the cell on its left/top and the weight of the next cell. */
    private static void weights(int pixels, int cells, double stride, double offset, int[] first, float[] frac) {
        for (int p = 0; p < pixels; p++) {
            double u = (p - offset) / stride;
            u = Math.max(0, Math.min(cells - 1, u));
            int i = Math.min((int) Math.floor(u), Math.max(0, cells - 2));
            first[p] = i;
            frac[p] = (float) (u - i);
        }
    }

    private static float lerp(float a, float b, float t) {
        return a + (b - a) * t;
    }
}
