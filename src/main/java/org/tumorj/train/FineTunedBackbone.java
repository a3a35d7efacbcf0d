package org.tumorj.train;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.tensorflow.Graph;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tumorj.backbone.BackboneInfo;
import org.tumorj.backbone.MobileNetGraph;
import org.tumorj.backbone.TensorFlowRuntime;
import org.tumorj.backbone.tfjs.BatchNormFolding;
import org.tumorj.backbone.tfjs.KerasInitializers;
import org.tumorj.backbone.tfjs.TfjsLayer;
import org.tumorj.backbone.tfjs.TfjsModel;
import org.tumorj.backbone.tfjs.TfjsWeight;
import org.tumorj.model.BundledBackbone;
import org.tumorj.util.Sha256;

/**
 * A MobileNetV2 after fine-tuning, in memory: every weight as the training graph used it (trained
 * ones at their best-epoch values, frozen ones as loaded or, from scratch, as drawn). Its id is the
 * base id plus {@code -finetuned} and its sha256 is over its weights, so a model bundle can
 * name it exactly. {@link #exportSavedModel} freezes it into a SavedModel that
 * {@code Backbones.openSavedModel} and {@link org.tumorj.model.ModelBundle#openBundledBackbone} load.
 */
public final class FineTunedBackbone {
    public static final String ID_SUFFIX = "-finetuned";
    private final TfjsModel model;
    private final BackboneInfo base;
    private final BackboneInfo info;
    private final String description;

    private FineTunedBackbone(TfjsModel model, BackboneInfo base, String description) {
        this.model = model;
        this.base = base;
        this.description = description;
        this.info = new BackboneInfo(base.id() + ID_SUFFIX, sha256(model), base.inputSize(), base.stride(),
                base.featureChannels());
    }

    /**
     * @param baseModel the pretrained model training started from
     * @param trained trained weights by Keras name; all other weights keep the values the graph used
     * @param randomInit whether the graph drew every weight at random ({@code seed}) instead of loading it
     */
    static FineTunedBackbone of(TfjsModel baseModel, BackboneInfo base, Map<String, float[]> trained,
                                boolean randomInit, long seed, String description) {
        Map<String, TfjsWeight> weights = new LinkedHashMap<>();
        for (TfjsWeight w : baseModel.weights().values()) {
            float[] values = trained.get(w.name());
            if (values == null) {
                TfjsLayer layer = baseModel.layer(w.name().substring(0, w.name().lastIndexOf('/')));
                values = randomInit ? KerasInitializers.sample(layer, w, seed) : w.values();
            }
            weights.put(w.name(), new TfjsWeight(w.name(), w.shape(), values));
        }
        TfjsModel m = new TfjsModel(baseModel.layers(), baseModel.inputLayers(), baseModel.outputLayers(), weights);
        return new FineTunedBackbone(m, base, description);
    }

    /** Id {@code <base>-finetuned} and the sha256 of the weights. */
    public BackboneInfo info() {
        return info;
    }

    public String description() {
        return description;
    }

    /** All weights as a TF.js layers model (e.g. to build it into another graph). */
    public TfjsModel model() {
        return model;
    }

    /**
     * Writes the backbone as a SavedModel into {@code dir} (which must not exist or be empty):
     * weights frozen into constants, batch normalisation folded, {@code serving_default} mapping
     * {@code image} (N x H x W x 3, any H and W that are multiples of 32) to {@code features},
     * {@code embedding} and the hypercolumn taps ({@link MobileNetGraph#TAPS}, named as their
     * layers). A fresh graph: no saver, no variables.
     */
    public void exportSavedModel(Path dir) throws IOException {
        TensorFlowRuntime.ensureLoaded();
        Files.deleteIfExists(dir); // the exporter creates the folder itself
        try (Graph graph = new Graph(); Session session = new Session(graph)) {
            Ops tf = Ops.create(graph);
            Placeholder<TFloat32> image = tf.withName(BundledBackbone.INPUT).placeholder(TFloat32.class,
                    Placeholder.shape(Shape.of(-1, -1, -1, 3)));
            MobileNetGraph net = MobileNetGraph.build(tf, BatchNormFolding.fold(model), image, Set.of(), false, 0, false);
            Signature.Builder serving = Signature.builder().key(BundledBackbone.SIGNATURE).input(BundledBackbone.INPUT, image)
                    .output(BundledBackbone.FEATURES, net.features())
                    .output(BundledBackbone.EMBEDDING, net.embedding());
            net.taps().forEach(serving::output);
            SavedModelBundle.exporter(dir.toString()).withSession(session).withSignatures(serving.build()).export();
        }
    }

    /** For {@link org.tumorj.model.ModelBundle#withBundledBackbone}: exported when the bundle is saved. */
    public BundledBackbone toBundled() {
        return new BundledBackbone(base.id(), base.sha256(), description, this::exportSavedModel);
    }

    /** sha256 over the weights in name order: each name (UTF-8), then its floats little-endian. */
    static String sha256(TfjsModel model) {
        MessageDigest md = Sha256.digest();
        for (TfjsWeight w : new TreeMap<>(model.weights()).values()) {
            md.update(w.name().getBytes(StandardCharsets.UTF_8));
            ByteBuffer b = ByteBuffer.allocate(w.values().length * 4).order(ByteOrder.LITTLE_ENDIAN);
            b.asFloatBuffer().put(w.values());
            md.update(b);
        }
        return Sha256.hex(md);
    }
}
