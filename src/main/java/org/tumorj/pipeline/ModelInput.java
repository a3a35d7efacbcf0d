package org.tumorj.pipeline;

import org.tumorj.backbone.FloatTensor;
import org.tumorj.backbone.Padding;
import org.tumorj.backbone.Preprocessing;
import org.tumorj.backbone.InputWindow;
import org.tumorj.dataset.Patch;
import org.tumorj.detect.SliceEncoder;
import org.tumorj.volume.Shutter;
import org.tumorj.volume.Volume;

/**
 * How modality values become the backbone's RGB input, one implementation for training patches
 * and for whole slices at detection time, so that both see exactly the same encoding.
 *
 * <p>In 2D the model's {@link Preprocessing} maps one slice to three channels. In 2.5D the
 * slices below, at and above become R, G and B through the first window: a vessel then shows as
 * colour running on, a nodule as a spot that starts and ends, which a single slice cannot tell.
 */
public final class ModelInput implements SliceEncoder {
    private final Preprocessing preprocessing;
    private final boolean adjacentSlices;

    /** @param preprocessing with automatic windows already resolved (see {@link #forVolume}) */
    public ModelInput(Preprocessing preprocessing, boolean adjacentSlices) {
        this.preprocessing = preprocessing;
        this.adjacentSlices = adjacentSlices;
    }

    /**
     * Resolves automatic windows once on the whole series, so every slice is windowed alike:
     * percentiles and z-scores on a sample of its voxels, a presentation window on its header's
     * display curve ({@link org.tumorj.volume.VolumeInfo#presentation}). On a radiograph only its
     * exposed field counts (the collimated band would pull the percentiles).
     */
    public static ModelInput forVolume(Preprocessing preprocessing, boolean adjacentSlices, Volume volume) {
        return new ModelInput(preprocessing.resolve(sample(volume), volume.info()::presentation), adjacentSlices);
    }

    /** This input's windows resolved on {@code volume} (see {@link #forVolume}); training does this per study. */
    public ModelInput forVolume(Volume volume) {
        return forVolume(preprocessing, adjacentSlices, volume);
    }

    public boolean adjacentSlices() { return adjacentSlices; }

    @Override
    public FloatTensor encode(float[] slice, int w, int h) {
        return preprocessing.toRgb(slice, w, h, Padding.EDGE);
    }

    @Override
    public FloatTensor encode(Volume volume, int z) {
        if (!adjacentSlices) {
            return encode(volume.slice(z), volume.width(), volume.height());
        }
        int last = volume.depth() - 1;
        float[][] planes = {volume.slice(Math.max(0, z - 1)), volume.slice(z), volume.slice(Math.min(last, z + 1))};
        return planes(planes, volume.width(), volume.height());
    }

    /**
     * Slice {@code z} through the first window at the slice's own size, not clipped: the plane the
     * filter bank sees. Not clipped because a lesion brighter than the window's top (a T2 lesion
     * beyond mean + 2 SD) keeps its contrast. A display curve (radiographs) clips and bends the
     * values, so there the plane is linear between the slice's 1st and 99th percentiles instead,
     * turned the way the curve shows it (MONOCHROME1 inverted), so that a nodule is bright on
     * every radiograph.
     */
    public float[] windowed(Volume volume, int z) {
        float[] slice = volume.slice(z);
        InputWindow window = preprocessing.windows().get(0).resolve(slice);
        if (window.curve() != null) {
            InputWindow stretch = InputWindow.auto(1, 99).resolve(slice);
            boolean inverted = window.apply((float) stretch.lowEdge()) > window.apply((float) stretch.highEdge());
            return linear(slice, stretch, inverted);
        }
        return linear(slice, window, false);
    }

    private static float[] linear(float[] slice, InputWindow window, boolean inverted) {
        double low = window.lowEdge();
        float[] out = new float[slice.length];
        for (int i = 0; i < out.length; i++) {
            float v = slice[i];
            double t = Float.isFinite(v) ? (v - low) / window.width() : 0;
            out[i] = (float) (inverted ? 1 - t : t);
        }
        return out;
    }

    /** The planes the filter bank of {@code spec} sees: its own windows of the values, else this input's window. */
    static java.util.function.IntFunction<float[][]> featurePlanes(org.tumorj.features.FeatureSpec spec, ModelInput input,
            Volume volume) {
        int width = volume.width(), height = volume.height();
        if (!spec.hasPlaneWindows()) {
            return z -> new float[][] {spec.bankPlane(input.windowed(volume, z), width, height)};
        }
        return z -> {
            float[][] planes = new float[spec.planes()][];
            for (int k = 0; k < planes.length; k++) {
                planes[k] = spec.bankPlane(spec.plane(volume.slice(z), k), width, height);
            }
            return planes;
        };
    }

    /** Writes a training patch into image {@code index} of a batch of patch-sized images. */
    public void writePatch(FloatTensor batch, int index, Patch patch) {
        if (patch.channels() == 3 && adjacentSlices) {
            writePlanes(batch, index, patch.planes(), patch.size(), patch.size());
        } else {
            preprocessing.writeCrop(batch, index, patch.planes()[patch.channels() / 2], patch.size(), patch.size(), 0, 0,
                    Padding.EDGE);
        }
    }

    private FloatTensor planes(float[][] planes, int w, int h) {
        FloatTensor out = FloatTensor.zeros(1, Preprocessing.roundUp(h), Preprocessing.roundUp(w), 3);
        writePlanes(out, 0, planes, w, h);
        return out;
    }

    /** Planes as R, G, B of image {@code index}; beyond the planes' edge the edge pixel repeats. */
    private void writePlanes(FloatTensor out, int index, float[][] planes, int w, int h) {
        InputWindow window = preprocessing.windows().get(0).resolve(planes[1]);
        for (int y = 0; y < out.h(); y++) {
            int sy = Math.min(y, h - 1);
            for (int x = 0; x < out.w(); x++) {
                int sx = Math.min(x, w - 1);
                for (int c = 0; c < 3; c++) {
                    out.set(index, y, x, c, window.apply(planes[c][sy * w + sx]));
                }
            }
        }
    }

    /**
     * Every 7th voxel: enough for percentiles, cheap for a 1000-slice series. Voxels outside a
     * shutter's exposed field are NaN, which window percentiles ignore.
     */
    private static float[] sample(Volume volume) {
        long total = (long) volume.width() * volume.height() * volume.depth();
        int n = (int) Math.min(Integer.MAX_VALUE - 8, (total + 6) / 7);
        float[] out = new float[n];
        int plane = volume.width() * volume.height();
        Shutter shutter = volume.info().shutter();
        for (int i = 0; i < n; i++) {
            long v = (long) i * 7;
            int p = (int) (v % plane);
            boolean exposed = shutter.isNone() || shutter.exposes(p % volume.width(), p / volume.width());
            out[i] = exposed ? volume.slice((int) (v / plane))[p] : Float.NaN;
        }
        return out;
    }
}
