package org.tumorj.dataset;

import org.tumorj.volume.Volume;

/**
 * Cuts a patch around a pixel, through an augmentation transform: flip, rotation and scale are
 * applied by resampling the slice (bilinear), intensity jitter afterwards. Outside the image the
 * patch gets {@code fill} (air).
 */
final class PatchExtractor {
    private final Volume volume;
    private final float fill;
    private final double windowCentre;
    private final double windowWidth;

    PatchExtractor(Volume volume, float fill) {
        this.volume = volume;
        this.fill = fill;
        this.windowCentre = volume.info().windowCenter();
        this.windowWidth = volume.info().windowWidth() > 0 ? volume.info().windowWidth() : 1;
    }

    float[][] extract(int slice, int cx, int cy, int size, boolean twoPointFiveD, Augmentation.Draw d) {
        int[] slices = twoPointFiveD
                ? new int[] {Math.max(0, slice - 1), slice, Math.min(volume.depth() - 1, slice + 1)}
                : new int[] {slice};
        float[][] planes = new float[slices.length][];
        for (int c = 0; c < slices.length; c++) {
            planes[c] = d.geometric() ? resample(volume.slice(slices[c]), cx, cy, size, d) : crop(volume.slice(slices[c]), cx, cy, size);
            jitter(planes[c], d);
        }
        return planes;
    }

    private float[] crop(float[] s, int cx, int cy, int size) {
        int w = volume.width(), h = volume.height(), half = size / 2;
        float[] out = new float[size * size];
        for (int v = 0; v < size; v++) {
            int row = cy - half + v;
            for (int u = 0; u < size; u++) {
                int col = cx - half + u;
                out[v * size + u] = row >= 0 && row < h && col >= 0 && col < w ? s[row * w + col] : fill;
            }
        }
        return out;
    }

    private float[] resample(float[] s, int cx, int cy, int size, Augmentation.Draw d) {
        float[] out = new float[size * size];
        double cos = Math.cos(-d.angle()) / d.scale(), sin = Math.sin(-d.angle()) / d.scale();
        int half = size / 2;
        for (int v = 0; v < size; v++) {
            for (int u = 0; u < size; u++) {
                double pu = u - half, pv = v - half;
                double su = cos * pu - sin * pv, sv = sin * pu + cos * pv;
                if (d.flip()) {
                    su = -su;
                }
                out[v * size + u] = bilinear(s, cx + su, cy + sv);
            }
        }
        return out;
    }

    private float bilinear(float[] s, double x, double y) {
        int w = volume.width(), h = volume.height();
        int x0 = (int) Math.floor(x), y0 = (int) Math.floor(y);
        double fx = x - x0, fy = y - y0;
        double v00 = at(s, x0, y0, w, h), v10 = at(s, x0 + 1, y0, w, h);
        double v01 = at(s, x0, y0 + 1, w, h), v11 = at(s, x0 + 1, y0 + 1, w, h);
        return (float) ((v00 * (1 - fx) + v10 * fx) * (1 - fy) + (v01 * (1 - fx) + v11 * fx) * fy);
    }

    private float at(float[] s, int x, int y, int w, int h) {
        return x >= 0 && x < w && y >= 0 && y < h ? s[y * w + x] : fill;
    }

    private void jitter(float[] p, Augmentation.Draw d) {
        if (d.gain() == 1 && d.shift() == 0) {
            return;
        }
        double shift = d.shift() * windowWidth;
        for (int i = 0; i < p.length; i++) {
            p[i] = (float) (windowCentre + (p[i] - windowCentre) * d.gain() + shift);
        }
    }
}
