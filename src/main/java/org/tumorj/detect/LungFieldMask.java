package org.tumorj.detect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tumorj.backbone.Foreground;
import org.tumorj.volume.Shutter;
import org.tumorj.volume.VolumeInfo;

/**
 * The lung fields of a chest radiograph, where a reader looks for nodules: the heat map is drawn
 * only there, and a chest radiograph bundle's findings come only from there (the maps and
 * {@code heatmap.tif} are never cut with it). A classic, explainable method on a coarse
 * copy of the image as displayed (air dark; cells of about {@value #CELL_MM} mm, lightly smoothed):
 * <ol>
 *   <li>the body: the exposed field less the air around the patient (the darkest cells, connected
 *       to the image border or the collimator);</li>
 *   <li>Otsu inside the body splits the bright mediastinum, heart and abdomen from the rest;</li>
 *   <li>per row, a lung runs from its lateral edge, where the image first dips below the chest
 *       wall outside it (a one-dimensional basin: the thin body wall is as dark as lung but falls
 *       away to the skin, so intensity alone cannot tell them apart), to where the mediastinum
 *       turns bright;</li>
 *   <li>keep the (at most two) large components that touch neither border nor collimator, fill
 *       their holes (nodules are bright), close, and dilate by {@value #DILATE_MM} mm so that
 *       nodules on the pleura stay inside.</li>
 * </ol>
 * When the result is not plausibly lungs (nothing, or too small or too large a share of the
 * exposed field: not a chest image), there is no mask and the heat map covers the whole image,
 * as before, rather than hiding everything.
 */
public final class LungFieldMask {
    static final double CELL_MM = 2;
    static final double CLOSE_MM = 10;
    static final double DILATE_MM = 12;
    /** Lung runs this far apart up a column (a rib's shadow between them) belong to one lung. */
    static final double RIB_GAP_MM = 12;
    /** A dip below the chest wall shallower than this (display units, 0..1) is noise, not a lung edge. */
    static final double MIN_DEPTH = 0.01;
    /** Plausible lung fields cover this share of the exposed field (a PA chest: about 25-45%). */
    static final double MIN_SHARE = 0.05, MAX_SHARE = 0.75;
    /** A lung is at least this share of the exposed field; smaller dark blobs are gas or noise. */
    static final double MIN_COMPONENT_SHARE = 0.015;

    private LungFieldMask() {}

    /**
     * True inside the lung fields, row-major on the image's own pixels; null when none were found
     * (then nothing is masked).
     *
     * @param pixels the radiograph's modality values (as {@code Volume.slice(0)} holds them)
     */
    public static boolean[] compute(float[] pixels, VolumeInfo info) {
        Coarse c = Coarse.of(pixels, info);
        boolean[] lungs = c.lungs();
        return lungs == null ? null : c.toImage(lungs);
    }

    /** The image averaged over cells of about {@link #CELL_MM} mm, as displayed, with its exposed cells. */
    private record Coarse(int w, int h, int cell, float[] value, boolean[] exposed, int width, int height) {
        static Coarse of(float[] pixels, VolumeInfo info) {
            int width = info.width(), height = info.height();
            double spacing = info.spacingX() > 0 ? Math.min(info.spacingX(), info.spacingY()) : 0;
            // Unknown spacing: about 200 cells across, what 2 mm gives on a 400 mm detector.
            int cell = Math.max(1, (int) Math.round(spacing > 0 ? CELL_MM / spacing : Math.max(width, height) / 200.0));
            int w = (width + cell - 1) / cell, h = (height + cell - 1) / cell;
            double[] sum = new double[w * h];
            int[] n = new int[w * h];
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    int k = (y / cell) * w + x / cell;
                    sum[k] += pixels[y * width + x];
                    n[k]++;
                }
            }
            float[] value = new float[w * h];
            boolean[] exposed = new boolean[w * h];
            Shutter shutter = info.shutter();
            for (int j = 0; j < h; j++) {
                for (int i = 0; i < w; i++) {
                    int k = j * w + i;
                    value[k] = (float) info.presentation(sum[k] / n[k]);
                    exposed[k] = shutter.exposes(Math.min(width - 1, (i + 0.5) * cell), Math.min(height - 1, (j + 0.5) * cell));
                }
            }
            return new Coarse(w, h, cell, value, exposed, width, height);
        }

        /** The lung cells, or null when what was found is not plausibly lungs. */
        boolean[] lungs() {
            int exposedCells = count(exposed);
            if (exposedCells < 100) {
                return null;
            }
            // One cell of smoothing (a 6 mm box) keeps the lung edge sharp but quiets noise and vessels.
            float[] v = CellMorphology.boxBlur(collimatorAsAir(), w, h, 1);
            boolean[] body = body(v);
            float[] depth = CellMorphology.rowBasinDepth(v, body, w, h);
            double bright = Foreground.otsuThreshold(selected(v, body));
            if (Double.isNaN(bright)) {
                return null;
            }
            boolean[] dark = new boolean[v.length];
            for (int j = 0; j < h; j++) {
                lungRuns(v, body, depth, bright, j, dark);
            }
            // The lower lung's runs break at each rib, where the row turns too bright or too shallow:
            // joined up the columns, they stay one lung rather than stripes too small to keep.
            dark = CellMorphology.fillColumnGaps(dark, body, w, h, cells(RIB_GAP_MM));
            boolean[] lungs = largeInnerComponents(dark, exposedCells);
            if (lungs == null) {
                return null;
            }
            lungs = CellMorphology.fillHoles(lungs, w, h);
            int close = cells(CLOSE_MM);
            lungs = CellMorphology.erode(CellMorphology.dilate(lungs, w, h, close), w, h, close);
            lungs = CellMorphology.fillHoles(lungs, w, h);
            lungs = CellMorphology.dilate(lungs, w, h, cells(DILATE_MM));
            double share = (double) count(lungs) / exposedCells;
            return share < MIN_SHARE || share > MAX_SHARE ? null : lungs;
        }

        /**
         * Exposed cells that are not air around the patient: air is the darkest part of the image,
         * below a quarter of the way from the darkest 1% of the exposed field to its median (lungs
         * lie around the median), and connected to the border or the collimator.
         */
        private boolean[] body(float[] v) {
            float[] sorted = exposedValues(v);
            double low = sorted[sorted.length / 100], median = sorted[sorted.length / 2];
            double t = low + (median - low) / 4;
            boolean[] outside = new boolean[v.length];
            for (int k = 0; k < v.length; k++) {
                outside[k] = !exposed[k] || v[k] < t;
            }
            boolean[] air = CellMorphology.connectedToBorder(outside, w, h);
            boolean[] body = new boolean[v.length];
            for (int k = 0; k < v.length; k++) {
                body[k] = exposed[k] && !air[k];
            }
            return body;
        }

        /**
         * Per row, each run of body cells darker than the mediastinum's Otsu level, from its first
         * deep basin cell on the lateral side (the lung's outer edge, inside the chest wall) to its
         * medial end (where the mediastinum turns bright).
         */
        private void lungRuns(float[] v, boolean[] body, float[] depth, double bright, int j, boolean[] out) {
            int centre = bodyCentre(body, j);
            int i = 0;
            while (i < w) {
                int k = j * w + i;
                if (!body[k] || v[k] >= bright) {
                    i++;
                    continue;
                }
                int end = i;
                while (end + 1 < w && body[j * w + end + 1] && v[j * w + end + 1] < bright) {
                    end++;
                }
                boolean leftSide = (i + end) / 2 < centre;
                int first = -1;
                for (int a = 0; a <= end - i; a++) {
                    int x = leftSide ? i + a : end - a;
                    if (depth[j * w + x] >= MIN_DEPTH) {
                        first = x;
                        break;
                    }
                }
                if (first >= 0) {
                    for (int x = leftSide ? first : i; x <= (leftSide ? end : first); x++) {
                        out[j * w + x] = true;
                    }
                }
                i = end + 1;
            }
        }

        private int bodyCentre(boolean[] body, int j) {
            long sum = 0;
            int n = 0;
            for (int i = 0; i < w; i++) {
                if (body[j * w + i]) {
                    sum += i;
                    n++;
                }
            }
            return n == 0 ? w / 2 : (int) (sum / n);
        }

        /**
         * The image with the collimated cells, and those straddling the shutter's edge, as dark as
         * the darkest exposed cell: a bright collimator band would otherwise rim the exposed field
         * like a chest wall and make its edge look like lung.
         */
        private float[] collimatorAsAir() {
            boolean[] inside = CellMorphology.not(CellMorphology.dilate(CellMorphology.not(exposed), w, h, 1));
            float floor = Float.MAX_VALUE;
            for (int k = 0; k < value.length; k++) {
                floor = inside[k] ? Math.min(floor, value[k]) : floor;
            }
            float[] out = value.clone();
            for (int k = 0; k < out.length; k++) {
                out[k] = inside[k] ? out[k] : floor;
            }
            return out;
        }

        private float[] exposedValues(float[] v) {
            float[] out = new float[count(exposed)];
            int n = 0;
            for (int k = 0; k < v.length; k++) {
                if (exposed[k]) {
                    out[n++] = v[k];
                }
            }
            java.util.Arrays.sort(out);
            return out;
        }

        /**
         * The one or two largest dark components away from the border and the collimator (air
         * outside the patient touches them; lungs do not), each at least
         * {@link #MIN_COMPONENT_SHARE} of the field; null when there is none.
         */
        private boolean[] largeInnerComponents(boolean[] dark, int exposedCells) {
            List<int[]> parts = CellMorphology.components(dark, w, h);
            List<int[]> inner = new ArrayList<>();
            for (int[] p : parts) {
                if (!touchesEdge(p) && p.length >= MIN_COMPONENT_SHARE * exposedCells) {
                    inner.add(p);
                }
            }
            if (inner.isEmpty()) {
                return null;
            }
            inner.sort((a, b) -> b.length - a.length);
            boolean[] out = new boolean[dark.length];
            for (int[] p : inner.subList(0, Math.min(2, inner.size()))) {
                for (int k : p) {
                    out[k] = true;
                }
            }
            return out;
        }

        private boolean touchesEdge(int[] part) {
            for (int k : part) {
                int i = k % w, j = k / w;
                if (i == 0 || j == 0 || i == w - 1 || j == h - 1 || !exposedAround(i, j)) {
                    return true;
                }
            }
            return false;
        }

        private boolean exposedAround(int i, int j) {
            return exposed[j * w + i - 1] && exposed[j * w + i + 1] && exposed[(j - 1) * w + i] && exposed[(j + 1) * w + i];
        }

        /** Cells are about CELL_MM wide whatever the pixel spacing, so distances in mm become cell counts. */
        private int cells(double mm) {
            return Math.max(1, (int) Math.round(mm / CELL_MM));
        }

        /** The cell mask on the image's pixels, its edges interpolated between cell centres (no staircase). */
        boolean[] toImage(boolean[] cells) {
            boolean[] out = new boolean[width * height];
            for (int y = 0; y < height; y++) {
                double fj = Math.max(0, Math.min(h - 1.0, (y + 0.5) / cell - 0.5));
                int j0 = (int) fj, j1 = Math.min(h - 1, j0 + 1);
                double b = fj - j0;
                for (int x = 0; x < width; x++) {
                    double fi = Math.max(0, Math.min(w - 1.0, (x + 0.5) / cell - 0.5));
                    int i0 = (int) fi, i1 = Math.min(w - 1, i0 + 1);
                    double a = fi - i0;
                    double m = (1 - b) * ((1 - a) * at(cells, i0, j0) + a * at(cells, i1, j0))
                            + b * ((1 - a) * at(cells, i0, j1) + a * at(cells, i1, j1));
                    out[y * width + x] = m >= 0.5;
                }
            }
            return out;
        }

        private double at(boolean[] cells, int i, int j) {
            return cells[j * w + i] ? 1 : 0;
        }
    }

    static int count(boolean[] mask) {
        int n = 0;
        for (boolean b : mask) {
            n += b ? 1 : 0;
        }
        return n;
    }

    /** The values of the selected cells, for Otsu's threshold over them. */
    private static float[] selected(float[] v, boolean[] selected) {
        float[] out = new float[v.length];
        int n = 0;
        for (int k = 0; k < v.length; k++) {
            if (selected[k]) {
                out[n++] = v[k];
            }
        }
        return Arrays.copyOf(out, n);
    }
}
