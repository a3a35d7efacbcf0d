package org.tumorj.backbone;

import java.util.Arrays;

/**
 * Maps modality values (HU for CT, arbitrary units for MR and X-ray) to [0, 1]:
 * {@code (v - (center - width / 2)) / width}, clamped. Either fixed (a CT preset) or automatic:
 * the low and high percentiles of the image become 0 and 1, for modalities without absolute units.
 *
 * @param name shown to users and stored in model bundles, e.g. {@code soft tissue}
 * @param center window centre (level); NaN for an automatic window not yet resolved
 * @param width window width, positive; NaN for an automatic window not yet resolved
 * @param lowPercentile for automatic windows, the percentile mapped to 0 (e.g. 1); NaN for fixed ones
 * @param highPercentile for automatic windows, the percentile mapped to 1 (e.g. 99); NaN for fixed ones
 */
public record Window(String name, double center, double width, double lowPercentile, double highPercentile) {

    public static final Window SOFT_TISSUE = fixed("soft tissue", 40, 400);
    public static final Window LUNG = fixed("lung", -600, 1500);
    public static final Window BONE = fixed("bone", 400, 1800);
    public static final Window BRAIN = fixed("brain", 40, 80);
    public static final Window LIVER = fixed("liver", 60, 160);
    public static final Window MEDIASTINUM = fixed("mediastinum", 50, 350);
    /** MR and X-ray default: the 1st to 99th percentile of the image. */
    public static final Window AUTO = auto(1, 99);

    public Window {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a window needs a name");
        }
        boolean auto = !Double.isNaN(lowPercentile) || !Double.isNaN(highPercentile);
        if (auto && !(lowPercentile >= 0 && lowPercentile < highPercentile && highPercentile <= 100)) {
            throw new IllegalArgumentException("window '" + name + "': percentiles must satisfy 0 <= low < high <= 100, got "
                    + lowPercentile + " and " + highPercentile);
        }
        if (!auto && !(width > 0 && Double.isFinite(center))) {
            throw new IllegalArgumentException("window '" + name + "': width must be positive and centre finite, got centre "
                    + center + " width " + width);
        }
    }

    public static Window fixed(String name, double center, double width) {
        return new Window(name, center, width, Double.NaN, Double.NaN);
    }

    public static Window auto(double lowPercentile, double highPercentile) {
        return new Window("auto " + fmt(lowPercentile) + "-" + fmt(highPercentile) + "%", Double.NaN, Double.NaN, lowPercentile, highPercentile);
    }

    /** The CT presets by name, in the order a menu lists them. */
    public static final java.util.List<Window> CT_PRESETS = java.util.List.of(SOFT_TISSUE, LUNG, BONE, BRAIN, LIVER, MEDIASTINUM);

    /** A CT preset or {@code auto} by (case-insensitive) name, with '-' or '_' for spaces. */
    public static Window preset(String name) {
        String key = name.trim().toLowerCase(java.util.Locale.ROOT).replace('_', ' ').replace('-', ' ');
        if (key.equals("auto")) {
            return AUTO;
        }
        return CT_PRESETS.stream().filter(w -> w.name().equals(key)).findFirst().orElseThrow(() -> new IllegalArgumentException(
                "unknown window '" + name + "'; known: auto, " + String.join(", ", CT_PRESETS.stream().map(Window::name).toList())));
    }

    public boolean isAuto() {
        return !Double.isNaN(lowPercentile);
    }

    /** A fixed window: this one, or for an automatic window the percentiles of {@code values} (NaNs ignored). */
    public Window resolve(float[] values) {
        if (!isAuto()) {
            return this;
        }
        float[] sorted = finiteSample(values);
        if (sorted.length == 0) {
            return fixed(name, 0.5, 1); // nothing to measure: identity on [0, 1]
        }
        double lo = at(sorted, lowPercentile);
        double hi = at(sorted, highPercentile);
        double width = hi > lo ? hi - lo : Math.max(Math.abs(lo) * 1e-3, 1e-6); // flat image: avoid dividing by zero
        return new Window(name, lo + width / 2, width, Double.NaN, Double.NaN);
    }

    /** Applies the window to one value; an unresolved automatic window is an error. */
    public float apply(float v) {
        if (isAuto()) {
            throw new IllegalStateException("window '" + name + "' is automatic; resolve it on the image first");
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
