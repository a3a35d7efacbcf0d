package org.tumorj.model;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.JsonSyntaxException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.tumorj.backbone.BackboneInfo;
import org.tumorj.metrics.ValidationReport;
import org.tumorj.util.Sha256;

/** Writes and reads {@code bundle.json}, and verifies the files it lists. */
final class BundleManifest {
    static final String FORMAT = "tumorj-model-bundle";
    /** 2: the manifest carries {@link #DIGEST}, so that an edit to it is detected. */
    static final int FORMAT_VERSION = 2;
    /**
     * sha256 of the manifest's text before this field, which is its last line: with the files' own
     * checksums inside the manifest, one value that covers the whole bundle.
     */
    static final String DIGEST = "manifestSha256";
    /**
     * sha256 of each other top-level field, as its JSON: not a protection (the digest is), only
     * so that a refusal can name the fields that were edited. Absent from older bundles.
     */
    static final String FIELD_DIGESTS = "fieldSha256";
    /** Optional: present only when the bundle stores a fine-tuned backbone; older readers ignore it. */
    static final String BACKBONE_MODEL = "backboneModel";
    private static final List<String> REQUIRED_FILES = List.of(ModelBundle.HEAD_FILE, ModelBundle.TRAINING_LOG,
            ModelBundle.SAVED_MODEL_DIR + "/saved_model.pb");
    /** NaN and infinity occur in metrics (an ROC curve starts at threshold +Infinity). */
    private static final Gson GSON = new GsonBuilder().serializeSpecialFloatingPointValues().setPrettyPrinting().create();

    private BundleManifest() {}

    /** The manifest for {@code b}, whose other files are already written in {@code dir}. */
    static String write(ModelBundle b, Path dir) throws IOException {
        JsonObject root = new JsonObject();
        root.addProperty("format", FORMAT);
        root.addProperty("formatVersion", FORMAT_VERSION);
        root.addProperty("tumorjVersion", b.tumorjVersion());
        root.addProperty("created", b.created().toString());
        root.add("backbone", GSON.toJsonTree(b.backbone()));
        root.add("preprocessing", b.preprocessing().deepCopy());
        root.addProperty("patchSize", b.patchSize());
        root.add("classes", GSON.toJsonTree(b.classes()));
        root.addProperty("threshold", b.threshold());
        root.addProperty("temperature", b.temperature());
        root.add("metrics", GSON.toJsonTree(b.metrics()));
        root.addProperty("seed", b.seed());
        root.add("training", b.training().deepCopy());
        root.add("head", headInfo(b.head()));
        if (b.bundledBackbone() != null) {
            root.add(BACKBONE_MODEL, backboneInfo(b.bundledBackbone()));
        }
        root.add("files", checksums(dir));
        // from the text, parsed back: the same JSON the reader will hash
        root.add(FIELD_DIGESTS, fieldDigests(JsonParser.parseString(GSON.toJson(root)).getAsJsonObject()));
        String body = GSON.toJson(root);
        // the digest goes last, on its own line, over the exact text before it
        return body.substring(0, body.length() - 2) + ",\n  \"" + DIGEST + "\": \"" + sha256(body) + "\"\n}\n";
    }

    /** The digest line as {@link #write} ends the manifest with it; group 1 is the digest. */
    private static final Pattern DIGEST_LINE = Pattern.compile(",\n  \"" + DIGEST + "\": \"([0-9a-f]{64})\"\n}\n$");

    /** Each top-level field's sha256 over its JSON, the digests themselves left out. */
    private static JsonObject fieldDigests(JsonObject root) {
        JsonObject digests = new JsonObject();
        root.entrySet().stream().filter(e -> !e.getKey().equals(DIGEST) && !e.getKey().equals(FIELD_DIGESTS))
                .forEach(e -> digests.addProperty(e.getKey(), sha256(GSON.toJson(e.getValue()))));
        return digests;
    }

    /** The fields whose JSON no longer matches {@value #FIELD_DIGESTS} (edited, added or removed); empty when unknown. */
    private static List<String> changedFields(JsonObject root) {
        if (!root.has(FIELD_DIGESTS) || !root.get(FIELD_DIGESTS).isJsonObject()) {
            return List.of();
        }
        JsonObject recorded = root.getAsJsonObject(FIELD_DIGESTS);
        JsonObject now = fieldDigests(root);
        java.util.TreeSet<String> names = new java.util.TreeSet<>(recorded.keySet());
        names.addAll(now.keySet());
        return names.stream().filter(n -> !java.util.Objects.equals(recorded.get(n), now.get(n))).toList();
    }

    private static String sha256(String text) {
        return Sha256.of(text.getBytes(StandardCharsets.UTF_8));
    }

    static ModelBundle read(Path dir) throws IOException {
        Path manifest = dir.resolve(ModelBundle.MANIFEST);
        if (!Files.isRegularFile(manifest)) {
            throw new InvalidBundleException(dir + ": not a TumorJ model bundle (no " + ModelBundle.MANIFEST
                    + "); choose the folder that `tumorj train` wrote");
        }
        String text = Files.readString(manifest, StandardCharsets.UTF_8);
        Fields f = new Fields(parse(text, manifest), manifest);
        checkFormat(f);
        verifyDigest(text, f);
        verifyFiles(dir, f);
        HeadWeights head = readHead(dir, f);
        BundledBackbone bundled = readBundledBackbone(dir, f);
        try {
            return new ModelBundle(f.string("tumorjVersion"), f.instant("created"),
                    GSON.fromJson(f.object("backbone"), BackboneInfo.class), f.object("preprocessing"),
                    f.integer("patchSize"), classes(f),
                    f.number("threshold"), f.number("temperature"),
                    GSON.fromJson(f.object("metrics"), ValidationReport.class), f.longInteger("seed"),
                    f.object("training"), Files.readString(dir.resolve(ModelBundle.TRAINING_LOG), StandardCharsets.UTF_8),
                    head, bundled);
        } catch (RuntimeException e) {
            throw new InvalidBundleException(manifest + ": " + e.getMessage(), e);
        }
    }

    /**
     * A format-2 manifest must match its digest: an edited threshold, window, temperature or class
     * list changes what the model finds without any file changing, so it is refused, with the
     * command that makes such an edit deliberately. Format-1 bundles (before the digest) are read
     * as they are.
     */
    private static void verifyDigest(String text, Fields f) throws InvalidBundleException {
        if (f.integer("formatVersion") < 2) {
            if (f.object("training").has("pixelFeatures")) { // written as format 2: downgraded by hand
                throw new InvalidBundleException(f.file + ": says format 1 but holds a per-pixel model, which only"
                        + " format 2 writes; it was edited after training. Copy the bundle again, or retrain");
            }
            return;
        }
        Matcher m = DIGEST_LINE.matcher(text);
        if (!m.find() || !m.group(1).equals(sha256(text.substring(0, m.start()) + "\n}"))) {
            List<String> changed = changedFields(f.root);
            throw new InvalidBundleException(f.file + ": was changed after training (it no longer matches its "
                    + DIGEST + (changed.isEmpty() ? "" : "; changed: " + String.join(", ", changed))
                    + "); an edited threshold, window, temperature or class list changes what the model"
                    + " detects. Copy the bundle again, or retrain; to change the threshold on purpose use"
                    + " `./tumorj model set-threshold MODEL_DIR VALUE`");
        }
    }

    private static ClassNames classes(Fields f) throws InvalidBundleException {
        JsonObject o = f.object("classes");
        try {
            return new ClassNames(o.has("positive") ? o.get("positive").getAsString() : null,
                    o.has("negative") ? o.get("negative").getAsString() : null);
        } catch (IllegalArgumentException | IllegalStateException | UnsupportedOperationException e) {
            throw new InvalidBundleException(f.file + ": the class names are unusable (" + e.getMessage()
                    + "); the bundle is damaged or was edited, copy it again or retrain");
        }
    }

    private static JsonObject parse(String text, Path manifest) throws IOException {
        try {
            JsonElement root = JsonParser.parseString(text);
            if (!root.isJsonObject()) {
                throw new InvalidBundleException(manifest + ": is not a JSON object");
            }
            return root.getAsJsonObject();
        } catch (JsonSyntaxException e) {
            throw new InvalidBundleException(manifest + ": is not valid JSON (" + e.getMessage()
                    + "); the bundle is damaged, copy it again", e);
        }
    }

    private static void checkFormat(Fields f) throws InvalidBundleException {
        if (!FORMAT.equals(f.string("format"))) {
            throw new InvalidBundleException(f.file + ": format is '" + f.string("format") + "', expected '" + FORMAT + "'");
        }
        int version = f.integer("formatVersion");
        if (version > FORMAT_VERSION) {
            throw new InvalidBundleException(f.file + ": bundle format " + version + " was written by a newer TumorJ ("
                    + f.root.get("tumorjVersion") + "); this TumorJ reads format " + FORMAT_VERSION
                    + ". Update TumorJ to use this model");
        }
        if (version < 1) {
            throw new InvalidBundleException(f.file + ": invalid formatVersion " + version);
        }
    }

    /** Every listed file must exist with the recorded size and sha256; the required ones must be listed. */
    private static void verifyFiles(Path dir, Fields f) throws IOException {
        JsonObject files = f.object("files");
        for (String required : REQUIRED_FILES) {
            if (!files.has(required)) {
                throw new InvalidBundleException(f.file + ": does not list the required file " + required);
            }
        }
        Fields entries = new Fields(files, f.file);
        for (Map.Entry<String, JsonElement> e : files.entrySet()) {
            verifyFile(dir, e.getKey(), new Fields(entries.object(e.getKey()), f.file));
        }
    }

    private static void verifyFile(Path dir, String name, Fields entry) throws IOException {
        Path file = dir.resolve(name).normalize();
        if (!file.startsWith(dir.normalize())) {
            throw new InvalidBundleException(entry.file + ": lists a file outside the bundle: " + name);
        }
        if (!Files.isRegularFile(file)) {
            throw new InvalidBundleException(file + ": missing from the model bundle; copy the whole bundle folder again");
        }
        long size = Files.size(file);
        if (size != entry.longInteger("bytes")) {
            throw new InvalidBundleException(file + ": is " + size + " bytes but bundle.json records "
                    + entry.longInteger("bytes") + "; the file is truncated or damaged, copy the bundle again");
        }
        if (!Sha256.of(file).equalsIgnoreCase(entry.string("sha256"))) {
            throw new InvalidBundleException(file + ": sha256 does not match bundle.json; the file was changed or"
                    + " damaged, copy the bundle again");
        }
    }

    private static HeadWeights readHead(Path dir, Fields f) throws IOException {
        Path file = dir.resolve(ModelBundle.HEAD_FILE);
        HeadWeights head = HeadWeightsFile.fromBytes(Files.readAllBytes(file), file.toString());
        Fields info = new Fields(f.object("head"), f.file);
        if (head.featureChannels() != info.integer("featureChannels") || head.hiddenUnits() != info.integer("hiddenUnits")) {
            throw new InvalidBundleException(file + ": holds a " + head.featureChannels() + " x " + head.hiddenUnits()
                    + " head but bundle.json describes " + info.integer("featureChannels") + " x " + info.integer("hiddenUnits"));
        }
        return head;
    }

    private static JsonObject backboneInfo(BundledBackbone b) {
        JsonObject o = new JsonObject();
        o.addProperty("path", ModelBundle.BACKBONE_DIR);
        o.addProperty("baseId", b.baseId());
        o.addProperty("baseSha256", b.baseSha256());
        o.addProperty("description", b.description());
        o.addProperty("signature", BundledBackbone.SIGNATURE);
        o.addProperty("input", BundledBackbone.INPUT);
        o.addProperty("features", BundledBackbone.FEATURES);
        o.addProperty("embedding", BundledBackbone.EMBEDDING);
        return o;
    }

    /** The stored fine-tuned backbone, or null; its SavedModel must be among the verified files. */
    private static BundledBackbone readBundledBackbone(Path dir, Fields f) throws InvalidBundleException {
        if (!f.root.has(BACKBONE_MODEL)) {
            return null;
        }
        Fields b = new Fields(f.object(BACKBONE_MODEL), f.file);
        String pb = ModelBundle.BACKBONE_DIR + "/saved_model.pb";
        if (!f.object("files").has(pb)) {
            throw new InvalidBundleException(f.file + ": names a fine-tuned backbone but does not list " + pb
                    + "; the bundle is incomplete, copy it again");
        }
        return BundledBackbone.fromFolder(b.string("baseId"), b.string("baseSha256"), b.string("description"),
                dir.resolve(ModelBundle.BACKBONE_DIR));
    }

    private static JsonObject headInfo(HeadWeights head) {
        JsonObject o = new JsonObject();
        o.addProperty("featureChannels", head.featureChannels());
        o.addProperty("hiddenUnits", head.hiddenUnits());
        o.addProperty("layers", "dense(hiddenUnits, relu) -> dense(1); as 1x1 convolutions in saved_model");
        o.addProperty("probability", "sigmoid(logit / temperature)");
        o.addProperty("savedModelInput", HeadSavedModel.INPUT);
        o.addProperty("savedModelOutput", HeadSavedModel.OUTPUT);
        return o;
    }

    private static JsonObject checksums(Path dir) throws IOException {
        JsonObject files = new JsonObject();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                String name = dir.relativize(p).toString().replace('\\', '/');
                if (!name.equals(ModelBundle.MANIFEST)) {
                    JsonObject entry = new JsonObject();
                    entry.addProperty("sha256", Sha256.of(p));
                    entry.addProperty("bytes", Files.size(p));
                    files.add(name, entry);
                }
            }
        }
        return files;
    }

    /** Typed access to required fields, each failure naming the file and the field. */
    private static final class Fields {
        final JsonObject root;
        final Path file;

        Fields(JsonObject root, Path file) {
            this.root = root;
            this.file = file;
        }

        JsonObject object(String name) throws InvalidBundleException {
            JsonElement e = root.get(name);
            if (e == null || !e.isJsonObject()) {
                throw missing(name, "an object");
            }
            return e.getAsJsonObject();
        }

        String string(String name) throws InvalidBundleException {
            return primitive(name, "a string").getAsString();
        }

        double number(String name) throws InvalidBundleException {
            return primitive(name, "a number").getAsDouble();
        }

        int integer(String name) throws InvalidBundleException {
            return Math.toIntExact(longInteger(name));
        }

        long longInteger(String name) throws InvalidBundleException {
            JsonPrimitive p = primitive(name, "an integer");
            try {
                return p.getAsBigDecimal().longValueExact();
            } catch (ArithmeticException | NumberFormatException e) {
                throw missing(name, "an integer");
            }
        }

        Instant instant(String name) throws InvalidBundleException {
            try {
                return Instant.parse(string(name));
            } catch (DateTimeParseException e) {
                throw missing(name, "an ISO-8601 time");
            }
        }

        private JsonPrimitive primitive(String name, String what) throws InvalidBundleException {
            JsonElement e = root.get(name);
            if (e == null || !e.isJsonPrimitive()) {
                throw missing(name, what);
            }
            return e.getAsJsonPrimitive();
        }

        private InvalidBundleException missing(String name, String what) {
            return new InvalidBundleException(file + ": required field '" + name + "' is missing or not " + what);
        }
    }
}
