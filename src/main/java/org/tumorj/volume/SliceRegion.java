package org.tumorj.volume;

import java.util.Arrays;

/**
 * A set of pixels on one slice stored as horizontal runs, compact enough to keep every finding's
 * exact voxels (for masks, Dice and overlays) without a full-size mask per slice.
 */
public final class SliceRegion {
    /** Triples (y, xStart, xEnd exclusive), sorted by y then x, runs not touching. */
    private final int[] runs;
    private final long pixelCount;

    /** @param runs triples {@code (y, xStart, xEndExclusive)} sorted by y then x; copied */
    public SliceRegion(int[] runs) {
        if (runs.length % 3 != 0) {
            throw new IllegalArgumentException("runs come in (y, xStart, xEnd) triples, got " + runs.length + " ints");
        }
        this.runs = runs.clone();
        long n = 0;
        for (int r = 0; r < runs.length; r += 3) {
            n += runs[r + 2] - runs[r + 1];
        }
        this.pixelCount = n;
    }

    /** The pixels of {@code mask} (row-major, {@code width} wide) that are true. */
    public static SliceRegion of(boolean[] mask, int width) {
        IntList runs = new IntList();
        for (int y = 0, height = mask.length / width; y < height; y++) {
            int row = y * width;
            for (int x = 0; x < width; x++) {
                if (mask[row + x]) {
                    int start = x;
                    while (x < width && mask[row + x]) {
                        x++;
                    }
                    runs.add(y, start, x);
                }
            }
        }
        return new SliceRegion(runs.toArray());
    }

    /** The same pixels moved by {@code (dx, dy)}: a region found in a window, put back on its slice. */
    public SliceRegion translated(int dx, int dy) {
        int[] moved = runs.clone();
        for (int r = 0; r < moved.length; r += 3) {
            moved[r] += dy;
            moved[r + 1] += dx;
            moved[r + 2] += dx;
        }
        return new SliceRegion(moved);
    }

    public long pixelCount() { return pixelCount; }
    public boolean isEmpty() { return pixelCount == 0; }
    public int runCount() { return runs.length / 3; }
    public int runY(int i) { return runs[3 * i]; }
    public int runStart(int i) { return runs[3 * i + 1]; }
    public int runEnd(int i) { return runs[3 * i + 2]; }

    public boolean contains(int x, int y) {
        for (int i = 0; i < runCount(); i++) {
            if (runY(i) == y && x >= runStart(i) && x < runEnd(i)) {
                return true;
            }
        }
        return false;
    }

    /** Sets this region's pixels to true in a row-major mask {@code width} pixels wide. */
    public void paint(boolean[] mask, int width) {
        for (int i = 0; i < runCount(); i++) {
            int row = runY(i) * width;
            Arrays.fill(mask, row + runStart(i), row + runEnd(i), true);
        }
    }

    /** Smallest box holding every pixel; a 0x0 box at the origin when empty. */
    public BoundingBox bounds() {
        if (isEmpty()) {
            return new BoundingBox(0, 0, 0, 0);
        }
        int x0 = Integer.MAX_VALUE, x1 = Integer.MIN_VALUE;
        for (int i = 0; i < runCount(); i++) {
            x0 = Math.min(x0, runStart(i));
            x1 = Math.max(x1, runEnd(i));
        }
        int y0 = runY(0), y1 = runY(runCount() - 1) + 1;
        return new BoundingBox(x0, y0, x1 - x0, y1 - y0);
    }

    /** A growable int array; the JDK has none without boxing. */
    static final class IntList {
        private int[] a = new int[24];
        private int size;

        void add(int v) {
            if (size == a.length) {
                a = Arrays.copyOf(a, size * 2);
            }
            a[size++] = v;
        }

        void add(int v1, int v2, int v3) {
            add(v1);
            add(v2);
            add(v3);
        }

        int size() { return size; }
        int get(int i) { return a[i]; }
        int[] toArray() { return Arrays.copyOf(a, size); }
    }
}
