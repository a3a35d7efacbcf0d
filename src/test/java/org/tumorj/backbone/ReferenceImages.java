package org.tumorj.backbone;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.tumorj.backbone.tfjs.JsLiteral;

/**
 * The fixed inputs of scripts/tfjs-reference/reference.js, built from the same integer formulas so
 * that Java and JavaScript feed bit-identical images, and the outputs TF.js gave for them.
 */
final class ReferenceImages {
    static final int SIZE = 224;

    private ReferenceImages() {}

    static int code(String pattern, int y, int x, int c) {
        return switch (pattern) {
            case "gradient" -> (x + 2 * y + 85 * c) % 256;
            case "checkerboard" -> ((x / 16 + y / 16) % 2) * 200 + 20 * c + 10;
            case "hash" -> (x * 73856093 ^ y * 19349663 ^ c * 83492791) & 255;
            default -> throw new IllegalArgumentException(pattern);
        };
    }

    static FloatTensor image(String pattern) {
        FloatTensor t = FloatTensor.zeros(1, SIZE, SIZE, 3);
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                for (int c = 0; c < 3; c++) {
                    t.set(0, y, x, c, code(pattern, y, x, c) / 255f);
                }
            }
        }
        return t;
    }

    /** One case of tfjs-reference.json. */
    record Case(String name, float[] embedding, float[] probabilities) {}

    @SuppressWarnings("unchecked")
    static List<Case> cases() throws IOException {
        try (InputStream in = ReferenceImages.class.getResourceAsStream("tfjs-reference.json")) {
            Map<String, Object> root = (Map<String, Object>) JsLiteral.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            return ((List<Object>) root.get("cases")).stream().map(o -> (Map<String, Object>) o)
                    .map(m -> new Case((String) m.get("name"), floats(m.get("embedding")), floats(m.get("probabilities")))).toList();
        }
    }

    @SuppressWarnings("unchecked")
    static List<String> classes() throws IOException {
        try (InputStream in = ReferenceImages.class.getResourceAsStream("tfjs-reference.json")) {
            Map<String, Object> root = (Map<String, Object>) JsLiteral.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            return (List<String>) root.get("classes");
        }
    }

    private static float[] floats(Object list) {
        List<?> l = (List<?>) list;
        float[] v = new float[l.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = ((Number) l.get(i)).floatValue();
        }
        return v;
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }

    static double maxAbsDiff(float[] a, float[] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }
}
