package org.tumorj.nifti;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the values of a label map are called, so they become classes by the same rules as ROI
 * names ({@code AnnotationClasses}). 0 is always background and outlines nothing. Without a map,
 * every other value is {@code tumor} (a binary mask, the common case); with one, a value it does
 * not name is {@code label N}, which training reports as an unknown class rather than guessing.
 *
 * @param names value to name; empty for the default rule
 * @param source the file the names came from, or null
 */
public record LabelNames(Map<Integer, String> names, Path source) {
    public static final LabelNames DEFAULT = new LabelNames(Map.of(), null);

    public LabelNames {
        names = Map.copyOf(names);
    }

    /** The name of a nonzero value. */
    public String of(int value) {
        if (names.isEmpty()) {
            return "tumor";
        }
        String n = names.get(value);
        return n == null ? "label " + value : n;
    }

    /**
     * {@code {"1": "tumor"}} (value to name, MSD) or {@code {"tumor": 1}} (name to value, nnU-Net v2).
     *
     * @throws IOException naming the file when an entry is neither
     */
    static LabelNames parse(Path file, JsonObject o) throws IOException {
        Map<Integer, String> names = new TreeMap<>();
        for (Map.Entry<String, JsonElement> e : o.entrySet()) {
            Integer byKey = integer(e.getKey());
            JsonElement v = e.getValue();
            if (byKey != null && v.isJsonPrimitive()) {
                names.put(byKey, v.getAsString());
            } else if (v.isJsonPrimitive() && v.getAsJsonPrimitive().isNumber()) {
                names.put(v.getAsInt(), e.getKey());
            } else if (v.isJsonArray()) {
                continue; // nnU-Net v2 region labels ("tumor core": [1, 3]) overlap single values; not classes
            } else {
                throw new IOException(file + ": label entry '" + e.getKey() + "' is neither \"value\": \"name\" nor"
                        + " \"name\": value; write e.g. {\"1\": \"tumor\", \"2\": \"normal\"}");
            }
        }
        return new LabelNames(names, file);
    }

    private static Integer integer(String s) {
        try {
            return Integer.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
