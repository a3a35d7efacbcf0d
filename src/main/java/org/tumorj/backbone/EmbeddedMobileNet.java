package org.tumorj.backbone;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.tumorj.backbone.tfjs.TfjsModel;
import org.tumorj.backbone.tfjs.TfjsReader;
import org.tumorj.util.Sha256;

/**
 * The default backbone's shipped weights: the Keras MobileNetV2 (alpha 1.0, 224) of npm
 * {@code nsfwjs@4.4.0} (MIT, Infinite Red), kept unmodified as the package's JavaScript-wrapped
 * TF.js files under {@code /org/tumorj/backbone/nsfwjs-mobilenet_v2/}. Their sha256 is checked on
 * every load so a damaged or swapped file never yields silently different features.
 */
public final class EmbeddedMobileNet {
    public static final String ID = "nsfwjs-mobilenet_v2-4.4.0";
    public static final String FOLDER = "/org/tumorj/backbone/nsfwjs-mobilenet_v2/";
    public static final String MODEL_FILE = "model.min.js";
    public static final String SHARD_FILE = "group1-shard1of1.min.js";
    public static final String MODEL_SHA256 = "c32f104fd562b08cdff5ed69dfe1209643afa47e792fb12751d2949aa61a397a";
    /** The weights' checksum, which {@link BackboneInfo#sha256()} reports. */
    public static final String WEIGHTS_SHA256 = "ef2e0a63f7d2c4960b37b024b669313f65d3c45cd59e9042636c55b39de53517";
    /** Last layer of the convolutional trunk: ReLU6 of the 1280-channel 1x1 convolution. */
    public static final String FEATURE_LAYER = "out_relu";
    /** Softmax of nsfwjs' five-class head (kept for the correctness test only). */
    public static final String CLASSIFIER_LAYER = "dense_3";
    public static final List<String> CLASSES = List.of("Drawing", "Hentai", "Neutral", "Porn", "Sexy");
    public static final BackboneInfo INFO = new BackboneInfo(ID, WEIGHTS_SHA256, 224, 32, 1280);

    private static TfjsModel cached;

    private EmbeddedMobileNet() {}

    /** Reads, checks and parses the shipped model (once per JVM; about 14 MB of floats). */
    public static synchronized TfjsModel model() throws IOException {
        if (cached == null) {
            byte[] model = resource(MODEL_FILE, MODEL_SHA256);
            cached = TfjsReader.read(model, FOLDER + MODEL_FILE,
                    path -> path.equals(SHARD_FILE) ? resource(SHARD_FILE, WEIGHTS_SHA256) : null);
        }
        return cached;
    }

    static byte[] resource(String name, String expectedSha256) throws IOException {
        byte[] bytes;
        try (InputStream in = EmbeddedMobileNet.class.getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new IOException(FOLDER + name + ": missing from TumorJ's jar; rebuild or reinstall TumorJ");
            }
            bytes = in.readAllBytes();
        }
        String actual = Sha256.of(bytes);
        if (!actual.equals(expectedSha256)) {
            throw new IOException(FOLDER + name + ": sha256 is " + actual + ", expected " + expectedSha256
                    + "; the shipped backbone weights are damaged or were replaced; reinstall TumorJ");
        }
        return bytes;
    }
}
