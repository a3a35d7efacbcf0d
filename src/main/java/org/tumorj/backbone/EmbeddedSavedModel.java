package org.tumorj.backbone;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.nio.file.Path;
import java.util.Set;
import org.tensorflow.Graph;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tumorj.backbone.tfjs.TfjsModel;
import org.tumorj.util.AtomicFiles;

/**
 * Converts the embedded TF.js MobileNetV2 into a TensorFlow SavedModel (weights as graph
 * constants, so the model has no variables; batch normalisation folded into the convolutions)
 * that DJL loads. The conversion runs once per weights
 * version and lands atomically in the cache folder; later runs load it directly.
 *
 * <p>Signatures: {@code serving_default} maps {@code image} (N x H x W x 3, RGB in [0, 1], H and W
 * multiples of 32) to {@code features} (N x H/32 x W/32 x 1280), {@code embedding} (N x 1280) and
 * the hypercolumn taps named as their layers ({@link MobileNetGraph#TAPS});
 * {@code classify} maps {@code image} (224 x 224 only) to nsfwjs' 5-class {@code probabilities}.
 */
public final class EmbeddedSavedModel {
    public static final String INPUT = "image";
    public static final String FEATURES = "features";
    public static final String EMBEDDING = "embedding";
    public static final String PROBABILITIES = "probabilities";
    public static final String SERVING_SIGNATURE = "serving_default";
    public static final String CLASSIFY_SIGNATURE = "classify";
    /** Bump when the conversion changes, so stale caches are rebuilt rather than trusted (3: hypercolumn taps). */
    static final int FORMAT = 3;

    private EmbeddedSavedModel() {}

    /** The SavedModel folder under {@code cacheRoot}, converting the shipped weights first if needed. */
    public static Path ensure(Path cacheRoot) throws IOException {
        Path dir = cacheRoot.resolve("backbones").resolve(EmbeddedMobileNet.ID + "-" + EmbeddedMobileNet.WEIGHTS_SHA256.substring(0, 12) + "-v" + FORMAT);
        if (Files.isRegularFile(dir.resolve("saved_model.pb"))) {
            return dir;
        }
        Files.createDirectories(dir.getParent());
        // Two TumorJ processes starting together (a batch, Fiji plus the CLI) convert only once.
        try (FileChannel lockFile = FileChannel.open(dir.resolveSibling(dir.getFileName() + ".lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE); FileLock lock = lockFile.lock()) {
            if (!Files.isRegularFile(dir.resolve("saved_model.pb"))) {
                TfjsModel model = EmbeddedMobileNet.model(); // checks the shipped files' sha256
                AtomicFiles.writeDirectory(dir, tmp -> write(model, tmp));
            }
        }
        return dir;
    }

    /** Builds the inference graph and exports it as a SavedModel into the empty folder {@code dir}. */
    public static void write(TfjsModel model, Path dir) throws IOException {
        TensorFlowRuntime.ensureLoaded();
        Files.deleteIfExists(dir); // the exporter creates the folder itself
        try (Graph graph = new Graph(); Session session = new Session(graph)) {
            Ops tf = Ops.create(graph);
            Placeholder<TFloat32> image = tf.withName(INPUT).placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, -1, -1, 3)));
            MobileNetGraph net = MobileNetGraph.build(tf, model, image, Set.of(), false, 0, true); // folds BN
            Signature.Builder servingBuilder = Signature.builder().key(SERVING_SIGNATURE).input(INPUT, image)
                    .output(FEATURES, net.features()).output(EMBEDDING, net.embedding());
            net.taps().forEach(servingBuilder::output);
            Signature serving = servingBuilder.build();
            Signature classify = Signature.builder().key(CLASSIFY_SIGNATURE).input(INPUT, image)
                    .output(PROBABILITIES, net.probabilities()).build();
            SavedModelBundle.exporter(dir.toString()).withSession(session).withSignatures(serving, classify).export();
        }
    }
}
