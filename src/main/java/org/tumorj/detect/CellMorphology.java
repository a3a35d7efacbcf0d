package org.tumorj.detect;

import java.util.ArrayList;
import java.util.List;

/**
 * Binary morphology and smoothing on row-major grids: the coarse cells of {@link LungFieldMask}
 * (a few hundred a side), and a CT slice's air for {@link BodyMask}.
 */
final class CellMorphology {
    private CellMorphology() {}

    /** Mean over a (2r+1)-square window, clipped at the edges; separable. */
    static float[] boxBlur(float[] v, int w, int h, int r) {
        float[] rows = new float[v.length], out = new float[v.length];
        for (int j = 0; j < h; j++) {
            for (int i = 0; i < w; i++) {
                double s = 0;
                int n = 0;
                for (int d = Math.max(0, i - r); d <= Math.min(w - 1, i + r); d++, n++) {
                    s += v[j * w + d];
                }
                rows[j * w + i] = (float) (s / n);
            }
        }
        for (int j = 0; j < h; j++) {
            for (int i = 0; i < w; i++) {
                double s = 0;
                int n = 0;
                for (int d = Math.max(0, j - r); d <= Math.min(h - 1, j + r); d++, n++) {
                    s += rows[d * w + i];
                }
                out[j * w + i] = (float) (s / n);
            }
        }
        return out;
    }

    /**
     * Dilation by {@code steps} cells, alternating the 4- and 8-neighbourhood so the element is
     * close to a disc (an octagon), not a square.
     */
    static boolean[] dilate(boolean[] m, int w, int h, int steps) {
        boolean[] cur = m;
        for (int s = 0; s < steps; s++) {
            boolean diagonal = s % 2 == 1;
            boolean[] next = cur.clone();
            for (int j = 0; j < h; j++) {
                for (int i = 0; i < w; i++) {
                    if (!cur[j * w + i]) {
                        next[j * w + i] = anyNeighbour(cur, w, h, i, j, diagonal);
                    }
                }
            }
            cur = next;
        }
        return cur;
    }

    /** Erosion by the element of {@link #dilate}; outside the grid counts as set (no erosion from the edge). */
    static boolean[] erode(boolean[] m, int w, int h, int steps) {
        return not(dilate(not(m), w, h, steps));
    }

    private static boolean anyNeighbour(boolean[] m, int w, int h, int i, int j, boolean diagonal) {
        for (int dj = -1; dj <= 1; dj++) {
            for (int di = -1; di <= 1; di++) {
                int x = i + di, y = j + dj;
                if ((di != 0 || dj != 0) && (diagonal || di == 0 || dj == 0)
                        && x >= 0 && y >= 0 && x < w && y < h && m[y * w + x]) {
                    return true;
                }
            }
        }
        return false;
    }

    static boolean[] not(boolean[] m) {
        boolean[] out = new boolean[m.length];
        for (int k = 0; k < m.length; k++) {
            out[k] = !m[k];
        }
        return out;
    }

    /** The set cells 4-connected to a set cell on the grid's border. */
    static boolean[] connectedToBorder(boolean[] m, int w, int h) {
        boolean[] seen = new boolean[m.length];
        int[] stack = new int[m.length];
        int top = 0;
        for (int k = 0; k < m.length; k++) {
            int i = k % w, j = k / w;
            if (m[k] && (i == 0 || j == 0 || i == w - 1 || j == h - 1)) {
                seen[k] = true;
                stack[top++] = k;
            }
        }
        while (top > 0) {
            int k = stack[--top], i = k % w, j = k / w;
            top = visit(m, seen, stack, top, i > 0 ? k - 1 : -1);
            top = visit(m, seen, stack, top, i < w - 1 ? k + 1 : -1);
            top = visit(m, seen, stack, top, j > 0 ? k - w : -1);
            top = visit(m, seen, stack, top, j < h - 1 ? k + w : -1);
        }
        return seen;
    }

    private static int visit(boolean[] m, boolean[] seen, int[] stack, int top, int k) {
        if (k >= 0 && m[k] && !seen[k]) {
            seen[k] = true;
            stack[top++] = k;
        }
        return top;
    }

    /** The mask with every hole (unset cells not connected to the border) set. */
    static boolean[] fillHoles(boolean[] m, int w, int h) {
        return not(connectedToBorder(not(m), w, h));
    }

    /** The 4-connected components of the set cells, each as its cell indices. */
    static List<int[]> components(boolean[] m, int w, int h) {
        boolean[] seen = new boolean[m.length];
        int[] stack = new int[m.length];
        List<int[]> out = new ArrayList<>();
        for (int start = 0; start < m.length; start++) {
            if (!m[start] || seen[start]) {
                continue;
            }
            List<Integer> cells = new ArrayList<>();
            seen[start] = true;
            int top = 0;
            stack[top++] = start;
            while (top > 0) {
                int k = stack[--top], i = k % w, j = k / w;
                cells.add(k);
                top = visit(m, seen, stack, top, i > 0 ? k - 1 : -1);
                top = visit(m, seen, stack, top, i < w - 1 ? k + 1 : -1);
                top = visit(m, seen, stack, top, j > 0 ? k - w : -1);
                top = visit(m, seen, stack, top, j < h - 1 ? k + w : -1);
            }
            out.add(cells.stream().mapToInt(Integer::intValue).toArray());
        }
        return out;
    }

    /**
     * The mask with each vertical gap of at most {@code maxGap} unset cells between two set cells
     * of a column set, where {@code allowed} is set all along the gap.
     */
    static boolean[] fillColumnGaps(boolean[] m, boolean[] allowed, int w, int h, int maxGap) {
        boolean[] out = m.clone();
        for (int i = 0; i < w; i++) {
            int last = -1;
            for (int j = 0; j < h; j++) {
                int k = j * w + i;
                if (!m[k]) {
                    last = allowed[k] ? last : -1;
                    continue;
                }
                if (last >= 0 && j - last - 1 <= maxGap) {
                    for (int g = last + 1; g < j; g++) {
                        out[g * w + i] = true;
                    }
                }
                last = j;
            }
        }
        return out;
    }

    /**
     * Per row, how far each body cell lies below the lower of the brightest cells to its left and
     * to its right (a one-dimensional basin fill): a lung, darker than the chest wall outside it
     * and the mediastinum inside it, is deep; the body wall, falling away to the skin, is not.
     */
    static float[] rowBasinDepth(float[] v, boolean[] body, int w, int h) {
        float[] depth = new float[v.length];
        float[] left = new float[w];
        for (int j = 0; j < h; j++) {
            float m = 0;
            for (int i = 0; i < w; i++) {
                int k = j * w + i;
                m = body[k] ? Math.max(m, v[k]) : 0;
                left[i] = m;
            }
            m = 0;
            for (int i = w - 1; i >= 0; i--) {
                int k = j * w + i;
                m = body[k] ? Math.max(m, v[k]) : 0;
                depth[k] = body[k] ? Math.max(0, Math.min(left[i], m) - v[k]) : 0;
            }
        }
        return depth;
    }
}
