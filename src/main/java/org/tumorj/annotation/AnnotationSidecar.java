package org.tumorj.annotation;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tumorj.util.AtomicFiles;

/**
 * TumorJ's JSON annotation sidecar, {@code annotations.json} beside a study's DICOM files:
 *
 * <pre>{@code
 * {
 *   "format": "tumorj-annotations",
 *   "version": 1,
 *   "regions": [
 *     {"label": "tumor", "slice": {"sopInstanceUid": "2.25.1234", "index": 12},
 *      "polygon": [[101.5, 88.0], [110.25, 90.5], [104.0, 97.75]]}
 *   ]
 * }
 * }</pre>
 *
 * {@code index} is the 0-based slice in the series' sorted order; {@code sopInstanceUid}
 * (optional, but always written when known) wins when the two disagree. Polygon points are
 * ImageJ pixel coordinates (x = column, y = row; pixel (c, r) covers [c, c+1) x [r, r+1)).
 */
public final class AnnotationSidecar {
    public static final String FILE_NAME = "annotations.json";
    public static final String FORMAT = "tumorj-annotations";
    public static final int VERSION = 1;
    private static final Gson GSON = new Gson();

    private AnnotationSidecar() {}

    /** Writes the regions atomically: readers see the old file or the new one, never half. */
    public static void write(Path file, List<Annotation> regions) throws IOException {
        AtomicFiles.writeString(file, toJson(regions));
    }

    public static String toJson(List<Annotation> regions) {
        StringBuilder s = new StringBuilder();
        s.append("{\n  \"format\": \"").append(FORMAT).append("\",\n  \"version\": ").append(VERSION)
                .append(",\n  \"regions\": [");
        for (int i = 0; i < regions.size(); i++) {
            s.append(i == 0 ? "\n    " : ",\n    ").append(region(regions.get(i)));
        }
        return s.append(regions.isEmpty() ? "]\n}\n" : "\n  ]\n}\n").toString();
    }

    private static String region(Annotation a) {
        StringBuilder s = new StringBuilder("{\"label\": ").append(GSON.toJson(a.label())).append(", \"slice\": {");
        if (a.sopInstanceUid() != null && !a.sopInstanceUid().isEmpty()) {
            s.append("\"sopInstanceUid\": ").append(GSON.toJson(a.sopInstanceUid())).append(", ");
        }
        s.append("\"index\": ").append(a.sliceIndex()).append("}, \"polygon\": [");
        float[] xs = a.xs(), ys = a.ys();
        for (int i = 0; i < xs.length; i++) {
            s.append(i == 0 ? "[" : ", [").append(number(xs[i])).append(", ").append(number(ys[i])).append(']');
        }
        return s.append("]}").toString();
    }

    private static String number(float v) {
        String t = String.format(Locale.ROOT, "%.3f", v).replaceAll("0+$", "");
        return t.endsWith(".") ? t + "0" : t;
    }

    /**
     * Reads the regions as stored (slice indices not yet checked against a series; see
     * {@link SliceAttachment}).
     *
     * @throws AnnotationFileException naming the file for missing files, corrupt JSON and missing fields
     */
    public static List<Annotation> read(Path file) throws IOException {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new AnnotationFileException(file, "no such annotation file");
        }
        JsonElement root;
        try {
            root = JsonParser.parseString(text);
        } catch (JsonParseException e) {
            throw new AnnotationFileException(file, "corrupt JSON (" + e.getMessage() + "); fix or delete the file", e);
        }
        return parse(file, root);
    }

    private static List<Annotation> parse(Path file, JsonElement root) throws AnnotationFileException {
        if (!root.isJsonObject()) {
            throw new AnnotationFileException(file, "expected a JSON object with \"regions\", found " + kind(root));
        }
        JsonObject o = root.getAsJsonObject();
        int version = o.has("version") ? integer(file, "\"version\"", o.get("version")) : VERSION;
        if (version > VERSION) {
            throw new AnnotationFileException(file, "annotation format version " + version
                    + " is newer than this TumorJ reads (" + VERSION + "); update TumorJ");
        }
        JsonElement regions = o.get("regions");
        if (regions == null || !regions.isJsonArray()) {
            throw new AnnotationFileException(file, "missing the \"regions\" array");
        }
        List<Annotation> out = new ArrayList<>();
        JsonArray array = regions.getAsJsonArray();
        for (int i = 0; i < array.size(); i++) {
            out.add(parseRegion(file, "region " + (i + 1), array.get(i)));
        }
        return out;
    }

    private static Annotation parseRegion(Path file, String where, JsonElement e) throws AnnotationFileException {
        if (!e.isJsonObject()) {
            throw new AnnotationFileException(file, where + " is not an object");
        }
        JsonObject r = e.getAsJsonObject();
        String label = string(file, where, r, "label");
        JsonElement slice = require(file, where, r, "slice");
        if (!slice.isJsonObject()) {
            throw new AnnotationFileException(file, where + " ('" + label + "'): \"slice\" must be an object {sopInstanceUid, index}");
        }
        JsonObject so = slice.getAsJsonObject();
        int index = integer(file, where + " ('" + label + "') slice index", require(file, where, so, "index"));
        String sop = so.has("sopInstanceUid") && !so.get("sopInstanceUid").isJsonNull()
                ? string(file, where, so, "sopInstanceUid") : "";
        float[][] polygon = polygon(file, where + " ('" + label + "')", require(file, where, r, "polygon"));
        try {
            return new Annotation(label, index, sop, polygon[0], polygon[1]);
        } catch (IllegalArgumentException ex) {
            throw new AnnotationFileException(file, where + ": " + ex.getMessage());
        }
    }

    private static float[][] polygon(Path file, String where, JsonElement e) throws AnnotationFileException {
        if (!e.isJsonArray()) {
            throw new AnnotationFileException(file, where + ": \"polygon\" must be an array of [x, y] points");
        }
        JsonArray points = e.getAsJsonArray();
        float[] xs = new float[points.size()], ys = new float[points.size()];
        for (int i = 0; i < points.size(); i++) {
            JsonElement p = points.get(i);
            if (!p.isJsonArray() || p.getAsJsonArray().size() != 2 || !isNumber(p.getAsJsonArray().get(0))
                    || !isNumber(p.getAsJsonArray().get(1))) {
                throw new AnnotationFileException(file, where + ": polygon point " + (i + 1) + " is not [x, y]: " + p);
            }
            xs[i] = p.getAsJsonArray().get(0).getAsFloat();
            ys[i] = p.getAsJsonArray().get(1).getAsFloat();
        }
        if (xs.length < 3) {
            throw new AnnotationFileException(file, where + ": polygon needs at least 3 points, has " + xs.length);
        }
        return new float[][] {xs, ys};
    }

    private static JsonElement require(Path file, String where, JsonObject o, String key) throws AnnotationFileException {
        JsonElement e = o.get(key);
        if (e == null || e.isJsonNull()) {
            throw new AnnotationFileException(file, where + " is missing \"" + key + "\"");
        }
        return e;
    }

    private static String string(Path file, String where, JsonObject o, String key) throws AnnotationFileException {
        JsonElement e = require(file, where, o, key);
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            throw new AnnotationFileException(file, where + ": \"" + key + "\" must be a string, found " + kind(e));
        }
        return e.getAsString();
    }

    private static int integer(Path file, String what, JsonElement e) throws AnnotationFileException {
        if (!isNumber(e) || e.getAsDouble() != Math.rint(e.getAsDouble())) {
            throw new AnnotationFileException(file, what + " must be an integer, found " + e);
        }
        return e.getAsInt();
    }

    private static boolean isNumber(JsonElement e) {
        return e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber();
    }

    private static String kind(JsonElement e) {
        return e.isJsonArray() ? "an array" : e.isJsonObject() ? "an object" : e.isJsonNull() ? "null" : e.toString();
    }
}
