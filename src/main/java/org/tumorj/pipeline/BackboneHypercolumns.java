package org.tumorj.pipeline;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.tumorj.backbone.Backbone;
import org.tumorj.backbone.EmbeddedMobileNet;
import org.tumorj.backbone.FloatTensor;
import org.tumorj.dataset.LoadedStudy;
import org.tumorj.features.FeatureSpec;
import org.tumorj.features.GridChannels;
import org.tumorj.features.Pca;
import org.tumorj.util.Progress;
import org.tumorj.volume.Volume;

/**
 * Hypercolumns of the pretrained backbone: each slice, encoded as the network is fed (2.5D RGB,
 * enlarged by the input scale), goes through the backbone once; each tapped layer (stride 4 to 32
 * of the enlarged input) is projected per cell to a few channels by a PCA fitted on training
 * slices, then interpolated bilinearly to the feature grid. Projecting before interpolating is
 * the same linear map, at a fraction of the cost for the 1280-channel top layer.
 */
final class BackboneHypercolumns implements GridChannels {
    /** Key of the fitted projections in a bundle's training record. */
    static final String KEY = "hypercolumnProjection";
    /** Training slices and cells per slice the PCA is fitted on. */
    static final int PCA_SLICES = 48;
    static final int PCA_CELLS_PER_SLICE = 200;

    private final Backbone backbone;
    private final ModelInput input;
    private final Volume volume;
    private final List<String> layers;
    private final Map<String, Pca> projections;

    private BackboneHypercolumns(Backbone backbone, ModelInput input, Volume volume, List<String> layers,
            Map<String, Pca> projections) {
        this.backbone = backbone;
        this.input = input;
        this.volume = volume;
        this.layers = layers;
        this.projections = projections;
    }

    /**
     * The hypercolumns of each volume as the bundle's training record describes them; null when
     * the spec uses none.
     *
     * @param backbone already scaled by the bundle's input scale
     * @param input the bundle's input encoding, windows unresolved (resolved per volume here)
     */
    static Function<Volume, GridChannels> factory(FeatureSpec spec, Backbone backbone, ModelInput input, JsonObject training) {
        if (!spec.usesBackbone()) {
            return null;
        }
        JsonObject fitted = training.getAsJsonObject(KEY);
        if (fitted == null) {
            throw new IllegalArgumentException("the bundle uses hypercolumns " + spec.families()
                    + " but holds no '" + KEY + "'; retrain it");
        }
        Map<String, Pca> projections = new LinkedHashMap<>();
        for (String layer : spec.hypercolumns()) {
            if (!fitted.has(layer) || !fitted.get(layer).isJsonObject()) {
                throw new IllegalArgumentException("the bundle's '" + KEY + "' has no projection for layer " + layer
                        + "; retrain it");
            }
            projections.put(layer, Pca.fromJson(fitted.getAsJsonObject(layer)));
        }
        return factory(spec, backbone, input, projections);
    }

    static Function<Volume, GridChannels> factory(FeatureSpec spec, Backbone backbone, ModelInput input,
            Map<String, Pca> projections) {
        List<String> layers = List.of(spec.hypercolumns());
        return volume -> new BackboneHypercolumns(backbone, input.forVolume(volume), volume, layers, projections);
    }

    /**
     * The projections of {@code spec}'s layers, fitted on {@link #PCA_CELLS_PER_SLICE} cells of
     * each of {@code max(1, PCA_SLICES / studies)} random slices per training study.
     */
    static Map<String, Pca> fit(FeatureSpec spec, Backbone backbone, ModelInput input, List<LoadedStudy> studies,
            long seed, Progress progress) {
        Random random = new Random(seed);
        Map<String, List<float[]>> rows = new LinkedHashMap<>();
        int perStudy = Math.max(1, PCA_SLICES / Math.max(1, studies.size()));
        for (LoadedStudy study : studies) {
            progress.checkCancelled();
            Volume v = study.volume();
            ModelInput perSeries = input.forVolume(v);
            for (int k = 0; k < Math.min(perStudy, v.depth()); k++) {
                int z = v.depth() == 1 ? 0 : random.nextInt(v.depth());
                Map<String, FloatTensor> taps = run(backbone, perSeries.encode(v, z), List.of(spec.hypercolumns()));
                taps.forEach((layer, t) -> {
                    List<float[]> out = rows.computeIfAbsent(layer, l -> new ArrayList<>());
                    for (int c = 0; c < PCA_CELLS_PER_SLICE; c++) {
                        int cell = random.nextInt(t.h() * t.w());
                        float[] row = new float[t.c()];
                        System.arraycopy(t.data(), cell * t.c(), row, 0, t.c());
                        out.add(row);
                    }
                });
            }
        }
        Map<String, Pca> fitted = new LinkedHashMap<>();
        rows.forEach((layer, r) -> fitted.put(layer, Pca.fit(r.toArray(float[][]::new),
                Math.min(spec.hypercolumnComponents(), r.get(0).length))));
        return fitted;
    }

    static JsonObject toJson(Map<String, Pca> projections) {
        JsonObject o = new JsonObject();
        projections.forEach((layer, pca) -> o.add(layer, pca.toJson()));
        return o;
    }

    /** The tapped layers of one encoded slice; the top layer is asked for by its Keras name. */
    private static Map<String, FloatTensor> run(Backbone backbone, FloatTensor encoded, List<String> layers) {
        List<String> inner = layers.stream().filter(l -> !l.equals(EmbeddedMobileNet.FEATURE_LAYER)).toList();
        Map<String, FloatTensor> out = backbone.featureTaps(encoded, inner);
        Map<String, FloatTensor> byLayer = new LinkedHashMap<>();
        for (String l : layers) {
            byLayer.put(l, out.get(l.equals(EmbeddedMobileNet.FEATURE_LAYER) ? Backbone.FEATURES : l));
        }
        return byLayer;
    }

    @Override
    public int channels() {
        return projections.values().stream().mapToInt(Pca::outputs).sum();
    }

    @Override
    public float[] sample(int z, int gridWidth, int gridHeight, int stride) {
        FloatTensor encoded = input.encode(volume, z);
        Map<String, FloatTensor> taps = run(backbone, encoded, layers);
        int c = channels();
        float[] out = new float[gridWidth * gridHeight * c];
        int at = 0;
        for (String layer : layers) {
            Pca pca = projections.get(layer);
            FloatTensor t = taps.get(layer);
            float[] projected = new float[t.h() * t.w() * pca.outputs()];
            for (int cell = 0; cell < t.h() * t.w(); cell++) {
                pca.project(t.data(), cell * t.c(), projected, cell * pca.outputs());
            }
            interpolate(projected, t.w(), t.h(), pca.outputs(), (double) encoded.w() / t.w(), (double) encoded.h() / t.h(),
                    out, gridWidth, gridHeight, stride, c, at);
            at += pca.outputs();
        }
        return out;
    }

    /**
     * Bilinear values of a {@code w x h x k} map whose cell (i, j) is centred on pixel
     * {@code ((i + 0.5) sx - 0.5, (j + 0.5) sy - 0.5)}, at grid point pixels {@code (i stride, j stride)}.
     */
    private static void interpolate(float[] map, int w, int h, int k, double sx, double sy, float[] out,
            int gridWidth, int gridHeight, int stride, int channels, int at) {
        for (int j = 0; j < gridHeight; j++) {
            double v = Math.max(0, Math.min(h - 1, (j * stride + 0.5) / sy - 0.5));
            int j0 = Math.min((int) v, Math.max(0, h - 2));
            float fy = (float) (v - j0);
            int j1 = Math.min(j0 + 1, h - 1);
            for (int i = 0; i < gridWidth; i++) {
                double u = Math.max(0, Math.min(w - 1, (i * stride + 0.5) / sx - 0.5));
                int i0 = Math.min((int) u, Math.max(0, w - 2));
                float fx = (float) (u - i0);
                int i1 = Math.min(i0 + 1, w - 1);
                int dst = (j * gridWidth + i) * channels + at;
                for (int q = 0; q < k; q++) {
                    float a = map[(j0 * w + i0) * k + q], b = map[(j0 * w + i1) * k + q];
                    float cc = map[(j1 * w + i0) * k + q], d = map[(j1 * w + i1) * k + q];
                    float top = a + (b - a) * fx, bottom = cc + (d - cc) * fx;
                    out[dst + q] = top + (bottom - top) * fy;
                }
            }
        }
    }
}
