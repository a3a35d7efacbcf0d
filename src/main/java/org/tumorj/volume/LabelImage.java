package org.tumorj.volume;

import java.util.ArrayList;
import java.util.List;

/**
 * Connected components of a binary slice with 8-connectivity (pixels touching at a corner belong
 * together, as a radiologist would outline them). Labels run 1..count in raster order of each
 * component's first pixel, so labelling the same mask always gives the same labels.
 */
public final class LabelImage {
    private final int[] labels;
    private final int width;
    private final int height;
    private final int[] firstPixel;

    private LabelImage(int[] labels, int width, int height, int[] firstPixel) {
        this.labels = labels;
        this.width = width;
        this.height = height;
        this.firstPixel = firstPixel;
    }

    /** Labels the true pixels of a row-major {@code width x height} mask. */
    public static LabelImage label8(boolean[] mask, int width, int height) {
        if (mask.length != width * height) {
            throw new IllegalArgumentException("mask of " + mask.length + " pixels is not " + width + "x" + height);
        }
        int[] labels = new int[mask.length];
        SliceRegion.IntList firsts = new SliceRegion.IntList();
        int[] stack = new int[64];
        for (int p = 0; p < mask.length; p++) {
            if (mask[p] && labels[p] == 0) {
                firsts.add(p);
                stack = flood(mask, labels, width, height, p, firsts.size(), stack);
            }
        }
        return new LabelImage(labels, width, height, firsts.toArray());
    }

    /** Flood fill from {@code seed}; the stack array is reused between components. */
    private static int[] flood(boolean[] mask, int[] labels, int w, int h, int seed, int label, int[] stack) {
        int top = 0;
        stack[top++] = seed;
        labels[seed] = label;
        while (top > 0) {
            int p = stack[--top];
            int x = p % w, y = p / w;
            for (int dy = -1; dy <= 1; dy++) {
                int ny = y + dy;
                if (ny < 0 || ny >= h) {
                    continue;
                }
                for (int dx = -1; dx <= 1; dx++) {
                    int nx = x + dx;
                    int q = ny * w + nx;
                    if (nx >= 0 && nx < w && mask[q] && labels[q] == 0) {
                        labels[q] = label;
                        if (top == stack.length) {
                            stack = java.util.Arrays.copyOf(stack, top * 2);
                        }
                        stack[top++] = q;
                    }
                }
            }
        }
        return stack;
    }

    public int count() { return firstPixel.length; }
    public int width() { return width; }
    public int height() { return height; }

    /** Label at pixel index {@code y * width + x}; 0 is background. */
    public int label(int pixel) { return labels[pixel]; }

    /** Each component's pixels, index {@code label - 1}. */
    public List<SliceRegion> regions() {
        SliceRegion.IntList[] runs = new SliceRegion.IntList[count()];
        for (int i = 0; i < runs.length; i++) {
            runs[i] = new SliceRegion.IntList();
        }
        for (int y = 0; y < height; y++) {
            int row = y * width;
            for (int x = 0; x < width; x++) {
                int l = labels[row + x];
                if (l != 0) {
                    int start = x;
                    while (x + 1 < width && labels[row + x + 1] == l) {
                        x++;
                    }
                    runs[l - 1].add(y, start, x + 1);
                }
            }
        }
        List<SliceRegion> out = new ArrayList<>(runs.length);
        for (SliceRegion.IntList r : runs) {
            out.add(new SliceRegion(r.toArray()));
        }
        return out;
    }

    /**
     * The outer boundary of component {@code label}, traced along pixel edges clockwise (on screen)
     * with the component on the right, starting at the top-left corner of its first pixel. Where two
     * pixels of the component touch only at a corner, the tracer turns towards the diagonal pixel, so
     * the polygon follows 8-connectivity and encloses the whole component.
     */
    public Contour contour(int label) {
        int x0 = firstPixel[label - 1] % width, y0 = firstPixel[label - 1] / width;
        SliceRegion.IntList xs = new SliceRegion.IntList(), ys = new SliceRegion.IntList();
        xs.add(x0);
        ys.add(y0);
        int cx = x0, cy = y0, dx = 1, dy = 0;
        while (true) {
            cx += dx;
            cy += dy;
            if (cx == x0 && cy == y0) {
                break;
            }
            int ndx, ndy;
            if (inside(label, cx + aheadSide(dx, dy), cy + aheadSide(dy, -dx))) {
                ndx = dy; // turn left
                ndy = -dx;
            } else if (inside(label, cx + aheadSide(dx, -dy), cy + aheadSide(dy, dx))) {
                ndx = dx; // straight on
                ndy = dy;
            } else {
                ndx = -dy; // turn right
                ndy = dx;
            }
            if (ndx != dx || ndy != dy) {
                xs.add(cx);
                ys.add(cy);
                dx = ndx;
                dy = ndy;
            }
        }
        return new Contour(xs.toArray(), ys.toArray());
    }

    /**
     * Offset from a corner to the pixel ahead of it on one side, along one axis: the pixel whose
     * centre is at corner + (forward + side) / 2, i.e. 0 when that sum is +1 and -1 when it is -1.
     */
    private static int aheadSide(int forward, int side) {
        return forward + side > 0 ? 0 : -1;
    }

    private boolean inside(int label, int x, int y) {
        return x >= 0 && y >= 0 && x < width && y < height && labels[y * width + x] == label;
    }
}
