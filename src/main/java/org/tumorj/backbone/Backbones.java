package org.tumorj.backbone;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDList;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.List;
import java.util.stream.Stream;
import org.tumorj.util.Progress;
import org.tumorj.util.Sha256;

/**
 * Opens backbones: the embedded MobileNetV2 (offline, the default), a user's SavedModel, or, on
 * explicit request only, a model downloaded by DJL.
 */
public final class Backbones {
    /** TensorFlow threads: {@code -Dtumorj.threads=N}, 0 (default) = one per core. */
    static final int THREADS = Integer.getInteger("tumorj.threads", 0);
    /** Concurrent calls one backbone serves: {@code -Dtumorj.backbone.pool=N}. */
    static final int POOL = Integer.getInteger("tumorj.backbone.pool", 2);

    private Backbones() {}

    /**
     * The embedded MobileNetV2, converted on first use into {@link BackboneCache#root()}. When a
     * TensorFlow 1.x jar shadows TumorJ's TensorFlow classes, it is opened through
     * {@link IsolatedTensorFlow} instead, transparently.
     */
    public static Backbone openDefault() throws IOException {
        return openDefault(BackboneCache.root());
    }

    /** As {@link #openDefault()} with the converted SavedModel kept under {@code cacheRoot}. */
    public static Backbone openDefault(Path cacheRoot) throws IOException {
        if (TensorFlowRuntime.foreignTensorFlow().isPresent()) {
            // A TensorFlow 1.x jar (CSBDeep, StarDist) shadows ours: run ours in a loader of its own.
            return IsolatedTensorFlow.openDefault(IsolatedTensorFlow.tumorjClassPath(), cacheRoot);
        }
        Path dir = EmbeddedSavedModel.ensure(cacheRoot);
        return DjlBackbone.load(dir, SavedModelSpec.embedded(), EmbeddedMobileNet.ID, EmbeddedMobileNet.WEIGHTS_SHA256, THREADS, POOL);
    }

    /**
     * A user's TensorFlow SavedModel (for example a Keras ResNet50 or MobileNetV2 with ImageNet
     * weights, exported with {@code model.export(dir)} or {@code tf.saved_model.save}).
     *
     * @param inputName the serving signature's image input
     * @param featuresName its N x h x w x C feature map output
     */
    public static Backbone openSavedModel(Path dir, String inputName, String featuresName) throws IOException {
        return openSavedModel(dir, new SavedModelSpec(SavedModelSpec.DEFAULT_SIGNATURE, inputName, featuresName, null, 224));
    }

    public static Backbone openSavedModel(Path dir, SavedModelSpec spec) throws IOException {
        if (!Files.isRegularFile(dir.resolve("saved_model.pb"))) {
            throw new IOException(dir + ": no saved_model.pb; give the folder that a TensorFlow SavedModel export created");
        }
        return DjlBackbone.load(dir, spec, "savedmodel-" + dir.toAbsolutePath().normalize().getFileName(), sha256OfFolder(dir), THREADS, POOL);
    }

    /**
     * Downloads a SavedModel archive through DJL (any URL DJL understands: https, djl://, s3://) into
     * DJL's cache, reporting progress, then opens it. Never called by TumorJ on its own: only when
     * the user asks. Refuses in offline mode ({@code -Dai.djl.offline=true}, TumorJ's default).
     */
    public static Backbone download(String url, SavedModelSpec spec, Progress progress) throws IOException {
        TensorFlowRuntime.ensureLoaded();
        if (Boolean.getBoolean("ai.djl.offline")) {
            throw new IOException(url + ": not downloaded because TumorJ runs offline (ai.djl.offline=true); "
                    + "download on a machine with network access and open the folder with openSavedModel, "
                    + "or start with -Dai.djl.offline=false to allow this download");
        }
        Criteria<NDList, NDList> criteria = Criteria.builder().setTypes(NDList.class, NDList.class)
                .optEngine(TensorFlowRuntime.ENGINE).optModelUrls(url).optProgress(new DjlProgress(progress)).build();
        Path dir;
        try (ZooModel<NDList, NDList> model = criteria.loadModel()) {
            dir = model.getModelPath();
        } catch (ModelNotFoundException | MalformedModelException e) {
            throw new IOException(url + ": download or load failed: " + e.getMessage(), e);
        }
        return openSavedModel(dir, spec);
    }

    /** One checksum over saved_model.pb and the variables, in name order, for model bundles to record. */
    static String sha256OfFolder(Path dir) throws IOException {
        MessageDigest md = Sha256.digest();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path f : files) {
            md.update(dir.relativize(f).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            try (InputStream in = new DigestInputStream(Files.newInputStream(f), md)) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            }
        }
        return Sha256.hex(md);
    }
}
