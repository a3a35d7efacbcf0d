package org.tumorj.backbone;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tumorj.backbone.tfjs.JsLiteral;

/**
 * How modality values become the backbone's RGB input; stored in every model bundle so that
 * prediction prepares images exactly as training did.
 *
 * @param windows one window for {@link ChannelMode#REPLICATE}, three (R, G, B) for {@link ChannelMode#THREE_WINDOWS}
 * @param channelMode grey replicated, or three windows as colours
 * @param patchSize training patch edge in pixels, a multiple of 32 (224 for MobileNetV2)
 */
public record Preprocessing(List<InputWindow> windows, ChannelMode channelMode, int patchSize) {
    public static final int STRIDE = 32;

    public Preprocessing {
        windows = List.copyOf(windows);
        if (windows.size() != channelMode.windowCount()) {
            throw new IllegalArgumentException(channelMode + " needs " + channelMode.windowCount() + " window(s), got " + windows.size());
        }
        if (patchSize < STRIDE || patchSize % STRIDE != 0) {
            throw new IllegalArgumentException("patch size must be a positive multiple of " + STRIDE + ", got " + patchSize);
        }
    }

    /** CT default: soft-tissue window replicated, 224 px patches. */
    public static Preprocessing ctSoftTissue() {
        return new Preprocessing(List.of(InputWindow.SOFT_TISSUE), ChannelMode.REPLICATE, 224);
    }

    /** CT with soft tissue, lung and bone windows as R, G and B. */
    public static Preprocessing ctThreeWindows() {
        return new Preprocessing(List.of(InputWindow.SOFT_TISSUE, InputWindow.LUNG, InputWindow.BONE), ChannelMode.THREE_WINDOWS, 224);
    }

    /** MR and X-ray default: 1st-99th percentile window of each image, replicated. */
    public static Preprocessing auto() {
        return new Preprocessing(List.of(InputWindow.AUTO), ChannelMode.REPLICATE, 224);
    }

    /** Automatic windows resolved on {@code values} (a slice or a whole volume); fixed ones unchanged. */
    public Preprocessing resolve(float[] values) {
        return new Preprocessing(windows.stream().map(w -> w.resolve(values)).toList(), channelMode, patchSize);
    }

    /** As {@link #resolve(float[])}; a presentation window takes the series' display curve. */
    public Preprocessing resolve(float[] values, java.util.function.DoubleUnaryOperator presentation) {
        return new Preprocessing(windows.stream().map(w -> w.resolve(values, presentation)).toList(), channelMode, patchSize);
    }

    /** This preprocessing with its windows replaced (e.g. a modality's default for a placeholder). */
    public Preprocessing withWindows(List<InputWindow> newWindows, ChannelMode newMode) {
        return new Preprocessing(newWindows, newMode, patchSize);
    }

    /** The whole slice as a 1 x H' x W' x 3 tensor, H' and W' rounded up to multiples of 32. */
    public FloatTensor toRgb(float[] slice, int width, int height, Padding padding) {
        return crop(slice, width, height, 0, 0, width, height, padding);
    }

    /**
     * A crop of the slice as a 1 x H' x W' x 3 tensor, {@code cropWidth} and {@code cropHeight}
     * rounded up to multiples of 32; pixels outside the slice are filled by {@code padding}.
     */
    public FloatTensor crop(float[] slice, int width, int height, int x0, int y0, int cropWidth, int cropHeight, Padding padding) {
        FloatTensor out = FloatTensor.zeros(1, roundUp(cropHeight), roundUp(cropWidth), 3);
        writeCrop(out, 0, slice, width, height, x0, y0, padding);
        return out;
    }

    /**
     * Fills image {@code index} of a batch with the crop of the slice whose top-left corner is
     * ({@code x0}, {@code y0}) and whose size is the batch's h x w. Automatic windows are
     * resolved on this slice unless the caller resolved them already (e.g. on the whole volume).
     */
    public void writeCrop(FloatTensor batch, int index, float[] slice, int width, int height, int x0, int y0, Padding padding) {
        if (slice.length != width * height) {
            throw new IllegalArgumentException("slice has " + slice.length + " values, " + width + "x" + height + " needs " + (width * height));
        }
        InputWindow[] w = windows.stream().map(win -> win.resolve(slice)).toArray(InputWindow[]::new);
        for (int y = 0; y < batch.h(); y++) {
            int sy = y0 + y;
            for (int x = 0; x < batch.w(); x++) {
                int sx = x0 + x;
                boolean inside = sx >= 0 && sy >= 0 && sx < width && sy < height;
                if (!inside && padding == Padding.ZERO) {
                    continue; // the batch starts zeroed
                }
                float v = slice[clamp(sy, height) * width + clamp(sx, width)];
                int base = batch.index(index, y, x, 0);
                for (int c = 0; c < 3; c++) {
                    batch.data()[base + c] = w[w.length == 1 ? 0 : c].apply(v);
                }
            }
        }
    }

    public static int roundUp(int size) {
        return (size + STRIDE - 1) / STRIDE * STRIDE;
    }

    private static int clamp(int i, int size) {
        return i < 0 ? 0 : i >= size ? size - 1 : i;
    }

    /** Compact JSON, the form stored in model bundles. */
    public String toJson() {
        StringBuilder sb = new StringBuilder("{\"channelMode\":\"").append(channelMode).append("\",\"patchSize\":").append(patchSize)
                .append(",\"windows\":[");
        for (int i = 0; i < windows.size(); i++) {
            InputWindow w = windows.get(i);
            sb.append(i == 0 ? "" : ",").append("{\"name\":\"").append(w.name().replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            if (w.scheme() != InputWindow.Scheme.FIXED && w.scheme() != InputWindow.Scheme.PERCENTILE) {
                sb.append(",\"scheme\":\"").append(w.scheme()).append('"'); // absent: fixed or percentile, as older bundles
            }
            if (w.scheme() == InputWindow.Scheme.ZSCORE_IN_BODY) {
                sb.append(",\"zScale\":").append(num(w.zScale()));
            } else if (w.scheme() == InputWindow.Scheme.PRESENTATION || w.scheme() == InputWindow.Scheme.BY_MODALITY) {
                // resolved on each series from its own header
            } else if (w.isAuto()) {
                sb.append(",\"lowPercentile\":").append(num(w.lowPercentile())).append(",\"highPercentile\":").append(num(w.highPercentile()));
            } else {
                sb.append(",\"center\":").append(num(w.center())).append(",\"width\":").append(num(w.width()));
            }
            sb.append('}');
        }
        return sb.append("]}").toString();
    }

    /** Reads {@link #toJson()}'s form; errors name the field that is wrong. */
    @SuppressWarnings("unchecked")
    public static Preprocessing fromJson(String json) {
        Object parsed = JsLiteral.parse(json.strip());
        if (!(parsed instanceof Map<?, ?> root)) {
            throw new IllegalArgumentException("preprocessing: expected a JSON object");
        }
        Object mode = root.get("channelMode");
        Object size = root.get("patchSize");
        if (!(mode instanceof String m) || !(size instanceof Number n) || !(root.get("windows") instanceof List<?> list)) {
            throw new IllegalArgumentException("preprocessing: needs channelMode (text), patchSize (number) and windows (list)");
        }
        List<InputWindow> windows = new ArrayList<>();
        for (Object o : list) {
            windows.add(window((Map<String, Object>) o));
        }
        ChannelMode channelMode;
        try {
            channelMode = ChannelMode.valueOf(m.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("preprocessing: channelMode must be REPLICATE or THREE_WINDOWS, got '" + m + "'");
        }
        return new Preprocessing(windows, channelMode, n.intValue());
    }

    private static InputWindow window(Map<String, Object> o) {
        String name = String.valueOf(o.get("name"));
        if (o.get("scheme") instanceof String scheme) {
            return schemed(name, scheme, o);
        }
        if (o.containsKey("lowPercentile")) {
            return new InputWindow(name, Double.NaN, Double.NaN, number(o, "lowPercentile"), number(o, "highPercentile"));
        }
        return InputWindow.fixed(name, number(o, "center"), number(o, "width"));
    }

    /** A window with a scheme newer than fixed/percentile; an unknown scheme is named. */
    private static InputWindow schemed(String name, String scheme, Map<String, Object> o) {
        InputWindow.Scheme s;
        try {
            s = InputWindow.Scheme.valueOf(scheme.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("preprocessing: window '" + name + "' has unknown scheme '" + scheme
                    + "' (a newer TumorJ wrote it?); known: " + java.util.Arrays.toString(InputWindow.Scheme.values()));
        }
        return switch (s) {
            case ZSCORE_IN_BODY -> new InputWindow(name, Double.NaN, Double.NaN, Double.NaN, Double.NaN, s, number(o, "zScale"), null);
            case PERCENTILE_IN_BODY -> new InputWindow(name, Double.NaN, Double.NaN, number(o, "lowPercentile"),
                    number(o, "highPercentile"), s, Double.NaN, null);
            case PRESENTATION, BY_MODALITY -> new InputWindow(name, Double.NaN, Double.NaN, Double.NaN, Double.NaN, s, Double.NaN, null);
            default -> o.containsKey("lowPercentile") ? new InputWindow(name, Double.NaN, Double.NaN, number(o, "lowPercentile"),
                    number(o, "highPercentile")) : InputWindow.fixed(name, number(o, "center"), number(o, "width"));
        };
    }

    private static double number(Map<String, Object> o, String key) {
        if (o.get(key) instanceof Number n) {
            return n.doubleValue();
        }
        throw new IllegalArgumentException("preprocessing: window '" + o.get("name") + "' needs a number '" + key + "'");
    }

    private static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
