package org.tumorj.detect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;
import org.tumorj.util.Progress;
import org.tumorj.volume.Volume;
import org.tumorj.volume.VolumeInfo;

/**
 * A volume's probability maps stacked on their own grid (one cell per map value, slices in order),
 * after {@link #masked} has set the cells outside the body, the lung fields or the shutter to 0. What
 * {@link PeakFindingExtractor} searches: a 512² slice on an 8 px grid is 4 096 cells, not 262 144 pixels.
 */
final class CellVolume {
    /** Owner mark of cells grown from a peak that turned out to be a shoulder of an earlier region. */
    static final int SUPPRESSED = -1;

    private final float[] values;
    private final int width;
    private final int height;
    private final int depth;
    private final ProbabilityMap grid;
    /** Per cell, the lowest value on the best way from the seed of the fill that took it ({@link #flood}). */
    private float[] pathLow;

    private CellVolume(float[] values, int width, int height, int depth, ProbabilityMap grid) {
        this.values = values;
        this.width = width;
        this.height = height;
        this.depth = depth;
        this.grid = grid;
    }

    /**
     * {@code maps} with the cells outside the body (CT, when asked), outside a radiograph's lung
     * fields (when asked) and outside its shutter set to 0: what findings are searched in and what
     * the heat map shows, so that neither lights up the air around the patient. An ensemble's
     * members ({@link ProbabilityMaps#members()}) are masked with the same masks, computed once per
     * slice: each member's findings are then searched in them unmasked again.
     */
    static ProbabilityMaps masked(Volume volume, ProbabilityMaps maps, DetectionParams params, Progress progress) {
        boolean bodyMask = params.bodyMask() && "CT".equalsIgnoreCase(volume.info().modality());
        boolean lungFields = params.bodyMask() && volume.info().isProjection();
        boolean[] exposed = ShutterMask.exposed(volume.info().shutter(), volume.width(), volume.height());
        if (!bodyMask && !lungFields && exposed == null) {
            return maps;
        }
        List<ProbabilityMap> out = new ArrayList<>(maps.depth());
        List<List<ProbabilityMap>> members = new ArrayList<>();
        maps.members().forEach(m -> members.add(new ArrayList<>(maps.depth())));
        for (int z = 0; z < maps.depth(); z++) {
            progress.checkCancelled();
            boolean[] body = bodyMask
                    ? BodyMask.compute(volume.slice(z), volume.width(), volume.height(), params.airHu())
                    : lungFields ? LungFieldMask.compute(volume.slice(z), volume.info()) : null;
            out.add(masked(maps.map(z), body, exposed, volume.width(), volume.height()));
            for (int k = 0; k < members.size(); k++) {
                members.get(k).add(masked(maps.members().get(k).map(z), body, exposed, volume.width(), volume.height()));
            }
        }
        return maps.withSlices(out, members);
    }

    /** {@code m} with its cells on pixels outside either mask (null: none) set to 0. */
    private static ProbabilityMap masked(ProbabilityMap m, boolean[] body, boolean[] exposed, int width, int height) {
        float[] values = new float[m.mapWidth() * m.mapHeight()];
        for (int j = 0; j < m.mapHeight(); j++) {
            for (int i = 0; i < m.mapWidth(); i++) {
                int px = pixel(m.offset() + i * m.stride(), width);
                int py = pixel(m.offsetY() + j * m.strideY(), height);
                int p = py * width + px;
                boolean keep = (body == null || body[p]) && (exposed == null || exposed[p]);
                values[j * m.mapWidth() + i] = keep ? m.value(i, j) : 0;
            }
        }
        return m.withValues(values);
    }

    /** The maps stacked; all slices must share one grid. */
    static CellVolume of(ProbabilityMaps maps) {
        ProbabilityMap first = maps.map(0);
        int w = first.mapWidth(), h = first.mapHeight(), plane = w * h;
        float[] values = new float[plane * maps.depth()];
        for (int z = 0; z < maps.depth(); z++) {
            ProbabilityMap m = maps.map(z);
            if (m.mapWidth() != w || m.mapHeight() != h) {
                throw new IllegalArgumentException("slice " + z + "'s map is " + m.mapWidth() + "x" + m.mapHeight()
                        + ", slice 0's " + w + "x" + h + ": all slices of a series need the same grid");
            }
            for (int j = 0; j < h; j++) {
                for (int i = 0; i < w; i++) {
                    values[z * plane + j * w + i] = m.value(i, j);
                }
            }
        }
        return new CellVolume(values, w, h, maps.depth(), first);
    }

    private static int pixel(double centre, int size) {
        return Math.max(0, Math.min(size - 1, (int) Math.round(centre)));
    }

    int size() { return values.length; }

    int z(int cell) { return cell / (width * height); }

    /** Each slice's highest cell: the slice-level scores of {@link Detections#sliceScores()}. */
    float[] sliceMaxima() {
        float[] maxima = new float[depth];
        for (int z = 0; z < depth; z++) {
            for (int k = z * width * height, end = k + width * height; k < end; k++) {
                maxima[z] = Math.max(maxima[z], values[k]);
            }
        }
        return maxima;
    }

    /** In-plane binomial [1 2 1] x [1 2 1] / 16 smoothing, edges repeated: one noisy cell is not a peak. */
    float[] smoothed() {
        float[] rows = new float[values.length];
        float[] out = new float[values.length];
        for (int z = 0; z < depth; z++) {
            int base = z * width * height;
            for (int j = 0; j < height; j++) {
                for (int i = 0; i < width; i++) {
                    int k = base + j * width;
                    rows[k + i] = (values[k + Math.max(0, i - 1)] + 2 * values[k + i] + values[k + Math.min(width - 1, i + 1)]) / 4;
                }
            }
            for (int j = 0; j < height; j++) {
                int up = base + Math.max(0, j - 1) * width, row = base + j * width, down = base + Math.min(height - 1, j + 1) * width;
                for (int i = 0; i < width; i++) {
                    out[row + i] = (rows[up + i] + 2 * rows[row + i] + rows[down + i]) / 4;
                }
            }
        }
        return out;
    }

    /**
     * The 3D local maxima of {@code s} (no higher neighbour among the 26; of equal neighbours only
     * the first in scan order counts) whose own or in-plane neighbours' unsmoothed value reaches
     * {@code threshold}, by that value, highest first. Thresholded on the unsmoothed map because
     * smoothing lowers a lesion of one or two cells to a quarter of its value, and a small nodule
     * must not lose to a broad patch of tissue for being small.
     */
    int[] peaks(float[] s, float threshold) {
        List<Integer> found = new ArrayList<>();
        float[] evidence = new float[s.length];
        for (int c = 0; c < s.length; c++) {
            if (s[c] > 0 && isMaximum(s, c)) {
                evidence[c] = nearbyMax(c);
                if (evidence[c] >= threshold) {
                    found.add(c);
                }
            }
        }
        return found.stream().sorted((a, b) -> evidence[a] != evidence[b] ? Float.compare(evidence[b], evidence[a])
                : Integer.compare(a, b)).mapToInt(Integer::intValue).toArray();
    }

    /** The highest unsmoothed value in the 3 x 3 cells around {@code c} on its slice. */
    private float nearbyMax(int c) {
        int plane = width * height, base = (c / plane) * plane, j = (c % plane) / width, i = c % width;
        float m = 0;
        for (int nj = Math.max(0, j - 1); nj <= Math.min(height - 1, j + 1); nj++) {
            for (int ni = Math.max(0, i - 1); ni <= Math.min(width - 1, i + 1); ni++) {
                m = Math.max(m, values[base + nj * width + ni]);
            }
        }
        return m;
    }

    private boolean isMaximum(float[] s, int c) {
        int plane = width * height, z = c / plane, j = (c % plane) / width, i = c % width;
        for (int dz = -1; dz <= 1; dz++) {
            for (int dj = -1; dj <= 1; dj++) {
                for (int di = -1; di <= 1; di++) {
                    int nz = z + dz, nj = j + dj, ni = i + di;
                    if ((dz | dj | di) == 0 || nz < 0 || nz >= depth || nj < 0 || nj >= height || ni < 0 || ni >= width) {
                        continue;
                    }
                    int n = nz * plane + nj * width + ni;
                    if (s[n] > s[c] || (s[n] == s[c] && n < c)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /**
     * The 26-connected cells that no region owns yet, at or above {@code level}, within
     * {@code maxRadiusMm} of {@code seed}, reachable from it downhill, or uphill only while the way
     * there has stayed on the hill's top (at or above {@code topLevel}). They are marked
     * {@code label} in {@code owner}. So a region covers the noisy plateau of a large or saturated
     * lesion, but once on its flanks it does not climb into the next hill: on a radiograph's flat,
     * faint map (nodules at probabilities of 0.005-0.02 among rib crossings at 0.003-0.01) a region
     * grown to half its peak over any hill took the nodule on the next one with it. When the fill
     * touches a cell of an earlier region (or of a suppressed fill) from the top of its hill, the
     * seed is a shoulder of that object, not an object of its own: its cells are marked
     * {@link #SUPPRESSED} instead, so that they neither become a finding nor widen the earlier one
     * (a low shoulder merged into a lesion's region moved its centre off the lesion), and
     * {@code joined[0]} is set.
     */
    int[] flood(int seed, int label, int[] owner, float[] s, float level, float topLevel, double maxRadiusMm,
            VolumeInfo info, int[] joined) {
        joined[0] = 0;
        int plane = width * height;
        double sx = grid.stride() * info.spacingX(), sy = grid.strideY() * info.spacingY(), sz = info.spacingZ();
        int z0 = seed / plane, j0 = (seed % plane) / width, i0 = seed % width;
        if (pathLow == null) {
            pathLow = new float[values.length];
        }
        // widest way first (a max-min Dijkstra): a cell's lowest point on its best way is final when it is taken
        PriorityQueue<Integer> open = new PriorityQueue<>((a, b) -> Float.compare(pathLow[b], pathLow[a]));
        int[] cells = new int[64];
        int count = 0;
        owner[seed] = label;
        pathLow[seed] = s[seed];
        open.add(seed);
        while (!open.isEmpty()) {
            int c = open.poll();
            if (count == cells.length) {
                cells = Arrays.copyOf(cells, count * 2);
            }
            cells[count++] = c;
            int z = c / plane, j = (c % plane) / width, i = c % width;
            for (int dz = -1; dz <= 1; dz++) {
                for (int dj = -1; dj <= 1; dj++) {
                    for (int di = -1; di <= 1; di++) {
                        int nz = z + dz, nj = j + dj, ni = i + di;
                        if (nz < 0 || nz >= depth || nj < 0 || nj >= height || ni < 0 || ni >= width) {
                            continue;
                        }
                        int n = nz * plane + nj * width + ni;
                        if (owner[n] != 0 && owner[n] != label && Math.min(pathLow[c], s[n]) >= topLevel) {
                            joined[0] = 1;
                        }
                        if (owner[n] != 0 || s[n] < level || (s[n] > s[c] && pathLow[c] < topLevel)
                                || Math.hypot(Math.hypot((ni - i0) * sx, (nj - j0) * sy), (nz - z0) * sz) > maxRadiusMm) {
                            continue;
                        }
                        owner[n] = label;
                        pathLow[n] = Math.min(pathLow[c], s[n]);
                        open.add(n);
                    }
                }
            }
        }
        cells = Arrays.copyOf(cells, count);
        if (joined[0] != 0) {
            for (int c : cells) {
                owner[c] = SUPPRESSED;
            }
        }
        return cells;
    }

    /**
     * The pixels of a {@code w} x {@code h} slice whose nearest cell belongs to region {@code label},
     * painted in the smallest window holding the nearest pixels of the given cells of the region
     * (all on slice {@code z}), widened by one pixel where the slice allows.
     */
    Window paintWindow(int z, int[] owner, int label, int[] regionCells, int w, int h) {
        int[] column = nearest(w, grid.offset(), grid.stride(), width);
        int[] row = nearest(h, grid.offsetY(), grid.strideY(), height);
        int iMin = Integer.MAX_VALUE, iMax = -1, jMin = Integer.MAX_VALUE, jMax = -1;
        for (int c : regionCells) {
            int inSlice = c - z * width * height, i = inSlice % width, j = inSlice / width;
            iMin = Math.min(iMin, i);
            iMax = Math.max(iMax, i);
            jMin = Math.min(jMin, j);
            jMax = Math.max(jMax, j);
        }
        int x0 = Math.max(0, firstAtLeast(column, iMin) - 1), x1 = Math.min(w, lastAtMost(column, iMax) + 2);
        int y0 = Math.max(0, firstAtLeast(row, jMin) - 1), y1 = Math.min(h, lastAtMost(row, jMax) + 2);
        int ww = Math.max(0, x1 - x0), wh = Math.max(0, y1 - y0);
        boolean[] mask = new boolean[ww * wh];
        int base = z * width * height;
        for (int y = 0; y < wh; y++) {
            int cellRow = base + row[y0 + y] * width;
            for (int x = 0; x < ww; x++) {
                mask[y * ww + x] = owner[cellRow + column[x0 + x]] == label;
            }
        }
        return new Window(mask, x0, y0, ww, wh);
    }

    /** A mask over the pixels {@code [x0, x0 + width) x [y0, y0 + height)} of a slice. */
    record Window(boolean[] mask, int x0, int y0, int width, int height) {}

    /** The first index of an ascending array holding at least {@code value} (its length if none). */
    private static int firstAtLeast(int[] ascending, int value) {
        int k = 0;
        while (k < ascending.length && ascending[k] < value) {
            k++;
        }
        return k;
    }

    /** The last index of an ascending array holding at most {@code value} (-1 if none). */
    private static int lastAtMost(int[] ascending, int value) {
        int k = ascending.length - 1;
        while (k >= 0 && ascending[k] > value) {
            k--;
        }
        return k;
    }

    private static int[] nearest(int pixels, double offset, double stride, int cells) {
        int[] out = new int[pixels];
        for (int p = 0; p < pixels; p++) {
            out[p] = Math.max(0, Math.min(cells - 1, (int) Math.round((p - offset) / stride)));
        }
        return out;
    }
}
