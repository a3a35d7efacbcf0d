package org.tumorj.features;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.Arrays;

/**
 * Which per-pixel features a detector uses, recorded in its model bundle so that detection
 * computes exactly what training computed.
 *
 * @param sigmas scales of the {@link FilterBank} in working pixels, ascending
 * @param contextMm distances along the slice axis at which a few blob channels of the slices
 *     above and below are added (the 3D context that tells a vessel, which runs on, from a nodule,
 *     which ends); empty for 2D images
 * @param gridStride features are taken every {@code gridStride} pixels in x and y (1-4)
 * @param filters whether the filter bank is used (off only in ablations)
 * @param hypercolumns names of the backbone layers tapped for transfer features (empty: none)
 * @param hypercolumnComponents channels each tapped layer is projected to (PCA on training pixels)
 * @param planeWindows {@code low, high} pairs of modality values, each pair one plane the filter
 *     bank sees, mapped to [0, 1] (CT: a soft-tissue and a lung window, as a radiologist reads CT:
 *     no one window keeps both a liver lesion's and a lung nodule's contrast); empty: one plane,
 *     the model's input window (MR, radiographs)
 * @param contextDrift how far in-plane, in mm per mm along the slice axis, the strongest blob
 *     response of each context slice is looked for around a point (a vessel crossing the slices
 *     obliquely has moved sideways there, and only its running on tells it from a nodule); 0: the
 *     context slices are read at the point itself only
 * @param convergenceRadii outer radii in working pixels of the filter bank's {@link ConvergenceIndex}
 *     bands (gradients converging on a round bright blob: radiograph nodules behind ribs); empty: none
 * @param mapContext whether the detector has two stages (auto-context): a first head reads the other
 *     features, and the second, the one whose map is reported, reads them again together with the
 *     first head's map around the point and on the slices above and below
 *     ({@code org.tumorj.pipeline.MapContext}); the bundle then carries the first head too
 * @param localContrastPx scale in working pixels at which the filter bank's plane is taken as
 *     {@link LocalContrast} before the bank runs (radiographs); 0: the plane as it is
 */
public record FeatureSpec(double[] sigmas, double[] contextMm, int gridStride, boolean filters,
        String[] hypercolumns, int hypercolumnComponents, double[] planeWindows, double contextDrift,
        double[] convergenceRadii, boolean mapContext, double localContrastPx) {

    /** Key of the record in a bundle's training JSON. */
    public static final String KEY = "pixelFeatures";

    public FeatureSpec {
        sigmas = sigmas.clone();
        contextMm = contextMm.clone();
        hypercolumns = hypercolumns.clone();
        planeWindows = planeWindows.clone();
        convergenceRadii = convergenceRadii.clone();
        for (int k = 0; k < planeWindows.length; k += 2) {
            if (k + 1 >= planeWindows.length || !(planeWindows[k + 1] > planeWindows[k])) {
                throw new IllegalArgumentException("filter plane windows must be low, high pairs with high > low, got "
                        + Arrays.toString(planeWindows));
            }
        }
        if (!(contextDrift >= 0 && contextDrift <= 2)) {
            throw new IllegalArgumentException("context drift must be 0-2 mm per mm, got " + contextDrift);
        }
        if (!(localContrastPx == 0 || (localContrastPx >= 1 && localContrastPx <= 256))) {
            throw new IllegalArgumentException("local contrast scale must be 0 (off) or 1-256 working pixels, got "
                    + localContrastPx);
        }
        if (gridStride < 1 || gridStride > 4) {
            throw new IllegalArgumentException("feature grid stride must be 1-4 pixels, got " + gridStride);
        }
        if (!filters && hypercolumns.length == 0) {
            throw new IllegalArgumentException("a detector needs filter-bank features, hypercolumns or both");
        }
        if (filters && sigmas.length < 3) {
            throw new IllegalArgumentException("the filter bank needs at least 3 scales, got " + Arrays.toString(sigmas));
        }
        new FilterBank(sigmas, convergenceRadii); // checks the scales and radii
    }

    /** Filters only, at the given scales and slice context, every 2 pixels, on the model's input window. */
    public static FeatureSpec filters(double[] sigmas, double[] contextMm) {
        return new FeatureSpec(sigmas, contextMm, 2, true, new String[0], 0, new double[0], 0, new double[0], false, 0);
    }

    public FeatureSpec withHypercolumns(String[] layers, int components) {
        return new FeatureSpec(sigmas, contextMm, gridStride, filters, layers, components, planeWindows, contextDrift,
                convergenceRadii, mapContext, localContrastPx);
    }

    public FeatureSpec withFilters(boolean on) {
        return new FeatureSpec(sigmas, contextMm, gridStride, on, hypercolumns, hypercolumnComponents, planeWindows,
                contextDrift, convergenceRadii, mapContext, localContrastPx);
    }

    /** @param lowHighPairs see {@link #planeWindows()} */
    public FeatureSpec withPlaneWindows(double... lowHighPairs) {
        return new FeatureSpec(sigmas, contextMm, gridStride, filters, hypercolumns, hypercolumnComponents, lowHighPairs,
                contextDrift, convergenceRadii, mapContext, localContrastPx);
    }

    /** @param mmPerMm see {@link #contextDrift()} */
    public FeatureSpec withContextDrift(double mmPerMm) {
        return new FeatureSpec(sigmas, contextMm, gridStride, filters, hypercolumns, hypercolumnComponents, planeWindows,
                mmPerMm, convergenceRadii, mapContext, localContrastPx);
    }

    /** @param radii see {@link #convergenceRadii()} */
    public FeatureSpec withConvergence(double... radii) {
        return new FeatureSpec(sigmas, contextMm, gridStride, filters, hypercolumns, hypercolumnComponents, planeWindows,
                contextDrift, radii, mapContext, localContrastPx);
    }

    /** @param on see {@link #mapContext()} */
    public FeatureSpec withMapContext(boolean on) {
        return new FeatureSpec(sigmas, contextMm, gridStride, filters, hypercolumns, hypercolumnComponents, planeWindows,
                contextDrift, convergenceRadii, on, localContrastPx);
    }

    /** @param sigmaPx see {@link #localContrastPx()} */
    public FeatureSpec withLocalContrast(double sigmaPx) {
        return new FeatureSpec(sigmas, contextMm, gridStride, filters, hypercolumns, hypercolumnComponents, planeWindows,
                contextDrift, convergenceRadii, mapContext, sigmaPx);
    }

    /** The plane the filter bank runs on: as it is, or as local contrast ({@link #localContrastPx()}). */
    public float[] bankPlane(float[] plane, int width, int height) {
        return localContrastPx > 0 ? LocalContrast.of(plane, width, height, localContrastPx) : plane;
    }

    /** Whether the filter bank sees windows of its own ({@link #plane}) rather than the model's input window. */
    public boolean hasPlaneWindows() {
        return planeWindows.length > 0;
    }

    /** Planes the filter bank runs on. */
    public int planes() {
        return Math.max(1, planeWindows.length / 2);
    }

    /** A slice of modality values through plane window {@code k}, clipped to [0, 1]; NaN becomes 0. */
    public float[] plane(float[] slice, int k) {
        double low = planeWindows[2 * k], width = planeWindows[2 * k + 1] - low;
        float[] out = new float[slice.length];
        for (int i = 0; i < out.length; i++) {
            double t = (slice[i] - low) / width;
            out[i] = t >= 0 ? (float) Math.min(1, t) : 0; // NaN compares false: 0
        }
        return out;
    }

    /** This spec without {@link #mapContext()}: what a two-stage detector's first head reads. */
    public FeatureSpec firstStage() {
        return withMapContext(false);
    }

    /** Whether the features include channels beside the filter bank (hypercolumns, the first stage's map). */
    public boolean hasGridChannels() {
        return usesBackbone() || mapContext;
    }

    /** Whether the backbone contributes features. */
    public boolean usesBackbone() {
        return hypercolumns.length > 0;
    }

    /** The feature families, as the bundle and the ablation tables name them. */
    public String families() {
        String context = contextMm.length == 0 ? "" : contextDrift > 0 ? "+context(drift)" : "+context";
        String f = filters ? "filters" + (localContrastPx > 0 ? "(local-contrast)" : "")
                + (convergenceRadii.length > 0 ? "+convergence" : "") + context : "";
        String h = usesBackbone() ? "hypercolumns(" + String.join(",", hypercolumns) + ")" : "";
        String both = f.isEmpty() ? h : h.isEmpty() ? f : f + "+" + h;
        return mapContext ? both + "+map-context" : both;
    }

    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.add("sigmas", array(sigmas));
        o.add("contextMm", array(contextMm));
        o.addProperty("gridStride", gridStride);
        o.addProperty("filters", filters);
        JsonArray layers = new JsonArray();
        Arrays.stream(hypercolumns).forEach(layers::add);
        o.add("hypercolumns", layers);
        o.addProperty("hypercolumnComponents", hypercolumnComponents);
        o.add("planeWindows", array(planeWindows));
        o.addProperty("contextDrift", contextDrift);
        o.add("convergenceRadii", array(convergenceRadii));
        o.addProperty("mapContext", mapContext);
        o.addProperty("localContrastPx", localContrastPx);
        o.addProperty("families", families());
        return o;
    }

    /** @throws IllegalArgumentException naming what is missing, for a damaged or hand-made record */
    public static FeatureSpec fromJson(JsonObject o) {
        try {
            return parse(o);
        } catch (NullPointerException | ClassCastException | IllegalStateException | UnsupportedOperationException e) {
            throw new IllegalArgumentException("the model's per-pixel feature record is incomplete (" + o
                    + "); retrain the model", e);
        }
    }

    private static FeatureSpec parse(JsonObject o) {
        JsonArray layers = o.getAsJsonArray("hypercolumns");
        String[] names = new String[layers.size()];
        for (int i = 0; i < names.length; i++) {
            names[i] = layers.get(i).getAsString();
        }
        return new FeatureSpec(doubles(o.getAsJsonArray("sigmas")), doubles(o.getAsJsonArray("contextMm")),
                o.get("gridStride").getAsInt(), o.get("filters").getAsBoolean(), names,
                o.get("hypercolumnComponents").getAsInt(),
                o.has("planeWindows") ? doubles(o.getAsJsonArray("planeWindows")) : new double[0],
                o.has("contextDrift") ? o.get("contextDrift").getAsDouble() : 0,
                o.has("convergenceRadii") ? doubles(o.getAsJsonArray("convergenceRadii")) : new double[0],
                o.has("mapContext") && o.get("mapContext").getAsBoolean(),
                o.has("localContrastPx") ? o.get("localContrastPx").getAsDouble() : 0);
    }

    private static JsonArray array(double[] values) {
        JsonArray a = new JsonArray();
        Arrays.stream(values).forEach(a::add);
        return a;
    }

    private static double[] doubles(JsonArray a) {
        double[] d = new double[a.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = a.get(i).getAsDouble();
        }
        return d;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FeatureSpec s && Arrays.equals(sigmas, s.sigmas) && Arrays.equals(contextMm, s.contextMm)
                && gridStride == s.gridStride && filters == s.filters && Arrays.equals(hypercolumns, s.hypercolumns)
                && hypercolumnComponents == s.hypercolumnComponents && Arrays.equals(planeWindows, s.planeWindows)
                && contextDrift == s.contextDrift && Arrays.equals(convergenceRadii, s.convergenceRadii)
                && mapContext == s.mapContext && localContrastPx == s.localContrastPx;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(sigmas) * 31 + Arrays.hashCode(contextMm) + gridStride + Arrays.hashCode(hypercolumns);
    }

    @Override
    public String toString() {
        return toJson().toString();
    }
}
