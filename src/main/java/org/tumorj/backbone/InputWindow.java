package org.tumorj.backbone;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;

/**
 * Maps modality values (HU for CT, arbitrary units for MR and X-ray) to [0, 1]:
 * {@code (v - (center - width / 2)) / width}, clamped. Either fixed (a CT preset) or resolved once
 * per series from its own values ({@link Scheme}): percentiles of the whole series or of the body
 * only, a z-score inside the body, or the image's own display curve (radiographs). A resolved
 * window is a fixed one (or, for {@link Scheme#PRESENTATION}, carries the series' curve).
 *
 * @param name shown to users and stored in model bundles, e.g. {@code soft tissue}
 * @param center window centre (level); NaN for an automatic window not yet resolved
 * @param width window width, positive; NaN for an automatic window not yet resolved
 * @param lowPercentile for automatic windows, the percentile mapped to 0 (e.g. 1); NaN for fixed ones
 * @param highPercentile for automatic windows, the percentile mapped to 1 (e.g. 99); NaN for fixed ones
 * @param scheme how the window is found; {@link Scheme#FIXED} once resolved
 * @param zScale for {@link Scheme#ZSCORE_IN_BODY}: k in {@code clamp((v - mean) / SD * k + 0.5)}; NaN otherwise
 * @param curve for a resolved {@link Scheme#PRESENTATION} window, the series' display curve to [0, 1]; else null
 */
public record InputWindow(String name, double center, double width, double lowPercentile, double highPercentile,
        Scheme scheme, double zScale, DoubleUnaryOperator curve) {

    /** How a window is found. */
    public enum Scheme {
        /** A preset (CT): centre and width given. */
        FIXED,
        /** Low and high percentiles of the whole series become 0 and 1 (background air included). */
        PERCENTILE,
        /** As {@link #PERCENTILE}, over the voxels of the body only ({@link Foreground}): air is ignored. */
        PERCENTILE_IN_BODY,
        /** {@code clamp((v - mean) / SD * k + 0.5)}, mean and SD over the body's voxels. */
        ZSCORE_IN_BODY,
        /** The image's own display curve (VOI LUT or window, inverted for MONOCHROME1): radiographs. */
        PRESENTATION,
        /** A placeholder of the training settings: replaced by the default of the training studies' modality. */
        BY_MODALITY
    }

    /** Default k of the z-score: mean +- 2 SD of the body span [0, 1]. */
    public static final double DEFAULT_Z_SCALE = 0.25;

    public static final InputWindow SOFT_TISSUE = fixed("soft tissue", 40, 400);
    public static final InputWindow LUNG = fixed("lung", -600, 1500);
    public static final InputWindow BONE = fixed("bone", 400, 1800);
    public static final InputWindow BRAIN = fixed("brain", 40, 80);
    public static final InputWindow LIVER = fixed("liver", 60, 160);
    public static final InputWindow MEDIASTINUM = fixed("mediastinum", 50, 350);
    /** MR and X-ray default: the 1st to 99th percentile of the image. */
    public static final InputWindow AUTO = auto(1, 99);
    /** MR: the 1st to 99th percentile of the body's voxels (background air ignored). */
    public static final InputWindow AUTO_BODY = autoInBody(1, 99);
    /** MR: z-score inside the body, mean +- 2 SD to [0, 1]. */
    public static final InputWindow ZSCORE = zScore(DEFAULT_Z_SCALE);
    /** Radiographs: the image's own display curve. */
    public static final InputWindow PRESENTATION = new InputWindow("presentation", Double.NaN, Double.NaN, Double.NaN, Double.NaN,
            Scheme.PRESENTATION, Double.NaN, null);
    /** Training settings only: the default window of the training studies' modality (see TrainSettings). */
    public static final InputWindow BY_MODALITY = new InputWindow("modality", Double.NaN, Double.NaN, Double.NaN, Double.NaN,
            Scheme.BY_MODALITY, Double.NaN, null);

    /** A fixed or whole-series percentile window (the form of bundles before schemes existed). */
    public InputWindow(String name, double center, double width, double lowPercentile, double highPercentile) {
        this(name, center, width, lowPercentile, highPercentile,
                Double.isNaN(lowPercentile) && Double.isNaN(highPercentile) ? Scheme.FIXED : Scheme.PERCENTILE, Double.NaN, null);
    }

    public InputWindow {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a window needs a name");
        }
        if (scheme == null) {
            throw new IllegalArgumentException("window '" + name + "' needs a scheme");
        }
        if (scheme == Scheme.ZSCORE_IN_BODY && !(zScale > 0)) {
            throw new IllegalArgumentException("window '" + name + "': z-score scale k must be positive, got " + zScale);
        }
        boolean auto = scheme == Scheme.PERCENTILE || scheme == Scheme.PERCENTILE_IN_BODY;
        boolean fixed = scheme == Scheme.FIXED && curve == null;
        if (auto && !(lowPercentile >= 0 && lowPercentile < highPercentile && highPercentile <= 100)) {
            throw new IllegalArgumentException("window '" + name + "': percentiles must satisfy 0 <= low < high <= 100, got "
                    + lowPercentile + " and " + highPercentile);
        }
        if (fixed && !(width > 0 && Double.isFinite(center))) {
            throw new IllegalArgumentException("window '" + name + "': width must be positive and centre finite, got centre "
                    + center + " width " + width);
        }
    }

    public static InputWindow fixed(String name, double center, double width) {
        return new InputWindow(name, center, width, Double.NaN, Double.NaN);
    }

    public static InputWindow auto(double lowPercentile, double highPercentile) {
        return new InputWindow("auto " + fmt(lowPercentile) + "-" + fmt(highPercentile) + "%", Double.NaN, Double.NaN, lowPercentile, highPercentile);
    }

    /** Percentiles of the body's voxels only, so that the share of background air does not move them. */
    public static InputWindow autoInBody(double lowPercentile, double highPercentile) {
        return new InputWindow("auto body " + fmt(lowPercentile) + "-" + fmt(highPercentile) + "%", Double.NaN, Double.NaN,
                lowPercentile, highPercentile, Scheme.PERCENTILE_IN_BODY, Double.NaN, null);
    }

    /** Z-score inside the body: {@code clamp((v - mean) / SD * k + 0.5)}. */
    public static InputWindow zScore(double k) {
        return new InputWindow("zscore body k=" + fmt(k), Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Scheme.ZSCORE_IN_BODY, k, null);
    }

    /** The CT presets by name, in the order a menu lists them. */
    public static final java.util.List<InputWindow> CT_PRESETS = java.util.List.of(SOFT_TISSUE, LUNG, BONE, BRAIN, LIVER, MEDIASTINUM);

    /** The names {@link #preset} knows besides the CT presets, as a user writes them. */
    public static final java.util.List<String> SERIES_WINDOWS = java.util.List.of("auto", "auto body", "zscore", "presentation",
            "modality");

    /**
     * A CT preset, {@code auto} (percentiles of the whole series), {@code auto body} (percentiles
     * of the body), {@code zscore}, {@code presentation} or {@code modality} by (case-insensitive)
     * name, with '-' or '_' for spaces.
     */
    public static InputWindow preset(String name) {
        String key = name.trim().toLowerCase(java.util.Locale.ROOT).replace('_', ' ').replace('-', ' ');
        switch (key) {
            case "auto": return AUTO;
            case "auto body": return AUTO_BODY;
            case "zscore": case "z score": return ZSCORE;
            case "presentation": return PRESENTATION;
            case "modality": return BY_MODALITY;
            default: break;
        }
        return CT_PRESETS.stream().filter(w -> w.name().equals(key)).findFirst().orElseThrow(() -> new IllegalArgumentException(
                "unknown window '" + name + "'; known: " + String.join(", ", SERIES_WINDOWS) + ", "
                        + String.join(", ", CT_PRESETS.stream().map(InputWindow::name).toList())));
    }

    /** True while the window still has to be found on a series (anything but a fixed or resolved one). */
    public boolean isAuto() {
        return scheme != Scheme.FIXED && curve == null;
    }

    /**
     * Resolved on a series: as {@link #resolve(float[])}, and a {@link Scheme#PRESENTATION}
     * window takes the series' display curve ({@code presentation}, from its VolumeInfo).
     */
    public InputWindow resolve(float[] values, DoubleUnaryOperator presentation) {
        if (scheme == Scheme.PRESENTATION && curve == null) {
            return new InputWindow(name, Double.NaN, Double.NaN, Double.NaN, Double.NaN, scheme, Double.NaN, presentation);
        }
        return resolve(values);
    }

    /** A fixed window: this one, or for an automatic window the percentiles of {@code values} (NaNs ignored). */
    public InputWindow resolve(float[] values) {
        if (!isAuto()) {
            return this;
        }
        if (scheme == Scheme.PRESENTATION || scheme == Scheme.BY_MODALITY) {
            throw new IllegalStateException("window '" + name + "' needs the series' header to resolve (use"
                    + " ModelInput.forVolume); " + (scheme == Scheme.BY_MODALITY ? "the training studies' modality decides it" : ""));
        }
        float[] sorted = finiteSample(values);
        if (scheme != Scheme.PERCENTILE) {
            sorted = Foreground.inside(sorted);
        }
        if (sorted.length == 0) {
            return fixed(name, 0.5, 1); // nothing to measure: identity on [0, 1]
        }
        if (scheme == Scheme.ZSCORE_IN_BODY) {
            double[] meanSd = Foreground.meanAndSd(sorted);
            double sd = meanSd[1] > 0 ? meanSd[1] : Math.max(Math.abs(meanSd[0]) * 1e-3, 1e-6);
            return fixed(name, meanSd[0], sd / zScale); // (v - mean) / SD * k + 0.5 as a window
        }
        double lo = at(sorted, lowPercentile);
        double hi = at(sorted, highPercentile);
        double width = hi > lo ? hi - lo : Math.max(Math.abs(lo) * 1e-3, 1e-6); // flat image: avoid dividing by zero
        return new InputWindow(name, lo + width / 2, width, Double.NaN, Double.NaN);
    }

    /** The value a resolved linear window maps to 0. */
    public double lowEdge() {
        return center - width / 2;
    }

    /** The value a resolved linear window maps to 1. */
    public double highEdge() {
        return center + width / 2;
    }

    /** Applies the window to one value; an unresolved automatic window is an error. */
    public float apply(float v) {
        if (isAuto()) {
            throw new IllegalStateException("window '" + name + "' is automatic; resolve it on the image first");
        }
        if (curve != null) {
            return (float) curve.applyAsDouble(v);
        }
        double t = (v - (center - width / 2)) / width;
        return (float) (t < 0 ? 0 : t > 1 ? 1 : t);
    }

    /** Sorted finite values, at most about a million (a regular subsample of larger inputs). */
    private static float[] finiteSample(float[] values) {
        int step = Math.max(1, values.length / 1_000_000);
        float[] out = new float[(values.length + step - 1) / step];
        int n = 0;
        for (int i = 0; i < values.length; i += step) {
            if (Float.isFinite(values[i])) {
                out[n++] = values[i];
            }
        }
        out = Arrays.copyOf(out, n);
        Arrays.sort(out);
        return out;
    }

    /** Linear interpolation between order statistics, as numpy's default percentile. */
    private static double at(float[] sorted, double percentile) {
        double pos = percentile / 100 * (sorted.length - 1);
        int i = (int) Math.floor(pos);
        int j = Math.min(i + 1, sorted.length - 1);
        return sorted[i] + (pos - i) * (sorted[j] - sorted[i]);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
