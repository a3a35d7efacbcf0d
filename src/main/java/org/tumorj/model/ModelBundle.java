package org.tumorj.model;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.stream.Stream;
import org.tumorj.backbone.Backbone;
import org.tumorj.backbone.BackboneInfo;
import org.tumorj.backbone.DjlBackbone;
import org.tumorj.backbone.SavedModelSpec;
import org.tumorj.metrics.ValidationReport;
import org.tumorj.util.AtomicFiles;
import org.tumorj.util.Progress;

/**
 * A trained detector on disk: one folder holding everything needed to apply it and to know how it
 * was made.
 * <pre>
 *   bundle.json          manifest: format, versions, backbone, preprocessing, classes, threshold,
 *                        temperature, metrics, seed, training options, sha256 of every other file
 *   head.bin             head weights ({@link HeadWeightsFile})
 *   training-log.csv     one line per epoch
 *   saved_model/         the head as a TensorFlow SavedModel (1x1 convolutions), for DJL
 *   backbone/            only when the backbone was fine-tuned: its SavedModel ({@link BundledBackbone})
 * </pre>
 * Saved atomically; loading verifies every checksum and refuses a backbone other than the one the
 * head was trained on.
 *
 * @param tumorjVersion TumorJ version that trained the model
 * @param created when the bundle was made
 * @param backbone the backbone whose features the head was trained on
 * @param preprocessing how patches were prepared for the backbone (window, channels...), as
 *                      written by the backbone's {@code Preprocessing}; stored as given
 * @param patchSize patch edge in pixels
 * @param classes class names
 * @param threshold operating point on the calibrated probability
 * @param temperature calibration temperature; probability = sigmoid(logit / temperature)
 * @param metrics validation results
 * @param seed the training seed
 * @param training training options as JSON (see {@code TrainingOptions#toJson})
 * @param trainingLogCsv the training log (see {@code TrainingLog})
 * @param head the head weights
 * @param bundledBackbone the fine-tuned backbone stored in the bundle, or null for a head trained
 *                        on a backbone kept elsewhere (the default, head-only bundles)
 */
public record ModelBundle(String tumorjVersion, Instant created, BackboneInfo backbone, JsonObject preprocessing,
                          int patchSize, ClassNames classes, double threshold, double temperature,
                          ValidationReport metrics, long seed, JsonObject training, String trainingLogCsv,
                          HeadWeights head, BundledBackbone bundledBackbone) {
    public static final String MANIFEST = "bundle.json";
    public static final String HEAD_FILE = "head.bin";
    public static final String TRAINING_LOG = "training-log.csv";
    public static final String SAVED_MODEL_DIR = "saved_model";
    public static final String BACKBONE_DIR = "backbone";

    public ModelBundle {
        Objects.requireNonNull(backbone, "backbone");
        Objects.requireNonNull(preprocessing, "preprocessing");
        Objects.requireNonNull(classes, "classes");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(training, "training");
        Objects.requireNonNull(trainingLogCsv, "trainingLogCsv");
        Objects.requireNonNull(head, "head");
        if (head.featureChannels() != backbone.featureChannels()) {
            throw new IllegalArgumentException("head takes " + head.featureChannels() + " features but backbone "
                    + backbone.id() + " gives " + backbone.featureChannels());
        }
        if (!(temperature > 0) || !(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException("need temperature > 0 and threshold in [0, 1], got " + temperature
                    + " and " + threshold);
        }
    }

    /** A head-only bundle (no backbone stored inside). */
    public ModelBundle(String tumorjVersion, Instant created, BackboneInfo backbone, JsonObject preprocessing,
                       int patchSize, ClassNames classes, double threshold, double temperature,
                       ValidationReport metrics, long seed, JsonObject training, String trainingLogCsv,
                       HeadWeights head) {
        this(tumorjVersion, created, backbone, preprocessing, patchSize, classes, threshold, temperature, metrics, seed,
                training, trainingLogCsv, head, null);
    }

    /**
     * This bundle with a fine-tuned backbone stored inside; {@link #backbone()} must already name
     * it (the fine-tuned id and weights sha256), since the head was trained on its features.
     */
    public ModelBundle withBundledBackbone(BundledBackbone newBackbone) {
        return new ModelBundle(tumorjVersion, created, backbone, preprocessing, patchSize, classes, threshold,
                temperature, metrics, seed, training, trainingLogCsv, head, newBackbone);
    }

    /**
     * A new bundle stamped with this TumorJ's version and the current time; threshold and
     * temperature are taken from the validation report.
     */
    public static ModelBundle of(BackboneInfo backbone, JsonObject preprocessing, int patchSize, ClassNames classes,
                                 ValidationReport metrics, long seed, JsonObject training, String trainingLogCsv,
                                 HeadWeights head) {
        return new ModelBundle(TumorJVersion.current(), Instant.now(), backbone, preprocessing, patchSize, classes,
                metrics.threshold(), metrics.temperature(), metrics, seed, training, trainingLogCsv, head);
    }

    /** As the other {@code of}, with the preprocessing given as JSON text (it must be an object). */
    public static ModelBundle of(BackboneInfo backbone, String preprocessingJson, int patchSize, ClassNames classes,
                                 ValidationReport metrics, long seed, JsonObject training, String trainingLogCsv,
                                 HeadWeights head) {
        JsonElement parsed = JsonParser.parseString(preprocessingJson);
        if (!parsed.isJsonObject()) {
            throw new IllegalArgumentException("preprocessing must be a JSON object, got: " + preprocessingJson);
        }
        return of(backbone, parsed.getAsJsonObject(), patchSize, classes, metrics, seed, training, trainingLogCsv, head);
    }

    /**
     * The same bundle with another operating threshold and an extra training record, e.g. a
     * detection threshold chosen on the validation studies' lesions rather than on their cells.
     */
    public ModelBundle withThreshold(double newThreshold, String key, JsonObject record) {
        JsonObject t = training.deepCopy();
        t.add(key, record);
        return new ModelBundle(tumorjVersion, created, backbone, preprocessing, patchSize, classes, newThreshold,
                temperature, metrics, seed, t, trainingLogCsv, head, bundledBackbone);
    }

    /**
     * The same bundle with another head, training record and threshold: one member of an ensemble
     * that this bundle holds in its training record.
     */
    public ModelBundle asMember(HeadWeights memberHead, JsonObject memberTraining, double memberThreshold) {
        return new ModelBundle(tumorjVersion, created, backbone, preprocessing, patchSize, classes, memberThreshold,
                temperature, metrics, seed, memberTraining.deepCopy(), trainingLogCsv, memberHead, bundledBackbone);
    }

    /** The same bundle with one more entry in its training record (a finding scorer, a report). */
    public ModelBundle withTrainingRecord(String key, JsonObject record) {
        return withThreshold(threshold, key, record);
    }

    /**
     * The same bundle serving {@code sigmoid(logit / newTemperature)}; 1 for a head whose logits
     * are already calibrated otherwise (a prior correction folded into its bias).
     */
    public ModelBundle withTemperature(double newTemperature) {
        return new ModelBundle(tumorjVersion, created, backbone, preprocessing, patchSize, classes, threshold,
                newTemperature, metrics, seed, training, trainingLogCsv, head, bundledBackbone);
    }

    /** The head in plain Java with this bundle's temperature: probabilities comparable to {@link #threshold()}. */
    public DenseHead denseHead() {
        return new DenseHead(head, temperature);
    }

    /** Loads the bundle's SavedModel through DJL; close the result. */
    public static TensorFlowHead tensorFlowHead(Path bundleDir, int featureChannels) throws IOException {
        return TensorFlowHead.load(bundleDir.resolve(SAVED_MODEL_DIR), featureChannels);
    }

    public void save(Path dir) throws IOException {
        save(dir, Progress.none());
    }

    /**
     * Writes the bundle to {@code dir} atomically: into a temporary sibling first, swapped in only
     * when complete. An existing bundle there is replaced; any other non-empty folder is refused
     * rather than deleted. A cancel before the swap leaves {@code dir} as it was.
     */
    public void save(Path dir, Progress progress) throws IOException {
        refuseToReplaceForeignFolder(dir);
        AtomicFiles.writeDirectory(dir, tmp -> {
            Files.write(tmp.resolve(HEAD_FILE), HeadWeightsFile.toBytes(head));
            Files.writeString(tmp.resolve(TRAINING_LOG), trainingLogCsv, StandardCharsets.UTF_8);
            progress.checkCancelled();
            HeadSavedModel.export(head, temperature, tmp.resolve(SAVED_MODEL_DIR));
            if (bundledBackbone != null) {
                progress.checkCancelled();
                bundledBackbone.writer().writeTo(tmp.resolve(BACKBONE_DIR));
            }
            Files.writeString(tmp.resolve(MANIFEST), BundleManifest.write(this, tmp), StandardCharsets.UTF_8);
            progress.checkCancelled();
        });
    }

    /**
     * Loads and verifies the bundle in {@code dir} and checks that it was trained on
     * {@code expected}; a different backbone id or sha256 is refused.
     *
     * @throws InvalidBundleException naming the bundle, the problem and what to do
     */
    public static ModelBundle load(Path dir, BackboneInfo expected) throws IOException {
        ModelBundle bundle = read(dir);
        BackboneInfo trained = bundle.backbone();
        if (!trained.id().equals(expected.id()) || !trained.sha256().equalsIgnoreCase(expected.sha256())) {
            throw new InvalidBundleException("model bundle " + dir + " was trained on backbone " + trained.id()
                    + " (sha256 " + trained.sha256() + ") but the backbone in use is " + expected.id() + " (sha256 "
                    + expected.sha256() + "); use the backbone the model was trained with, or retrain the model");
        }
        return bundle;
    }

    /**
     * The fine-tuned backbone stored in the bundle in {@code dir}, loaded through DJL after the
     * whole bundle was verified; its {@link Backbone#info()} is the one the bundle records, so
     * {@code load(dir, backbone.info())} accepts it. Close it after use.
     *
     * @throws InvalidBundleException when the bundle holds no backbone (a head-only bundle)
     */
    public static Backbone openBundledBackbone(Path dir) throws IOException {
        ModelBundle bundle = read(dir);
        if (bundle.bundledBackbone() == null) {
            throw new InvalidBundleException("model bundle " + dir + " holds no backbone: its head was trained on the"
                    + " backbone " + bundle.backbone().id() + "; open that backbone (e.g. the default one) instead");
        }
        SavedModelSpec spec = new SavedModelSpec(BundledBackbone.SIGNATURE, BundledBackbone.INPUT,
                BundledBackbone.FEATURES, BundledBackbone.EMBEDDING, bundle.backbone().inputSize());
        return DjlBackbone.load(dir.resolve(BACKBONE_DIR), spec, bundle.backbone().id(), bundle.backbone().sha256(),
                0, 2);
    }

    /** Loads and verifies the bundle in {@code dir} without checking the backbone (for inspection). */
    public static ModelBundle read(Path dir) throws IOException {
        return BundleManifest.read(dir);
    }

    private static void refuseToReplaceForeignFolder(Path dir) throws IOException {
        if (!Files.isDirectory(dir) || Files.exists(dir.resolve(MANIFEST))) {
            if (Files.exists(dir) && !Files.isDirectory(dir)) {
                throw new InvalidBundleException(dir + ": exists and is not a folder; choose another output folder");
            }
            return;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            if (entries.findAny().isPresent()) {
                throw new InvalidBundleException(dir + ": folder is not empty and holds no model bundle; refusing to"
                        + " replace it. Choose a new or empty output folder");
            }
        }
    }
}
