package org.tumorj.backbone;

/**
 * How to feed a TensorFlow SavedModel and which output is the feature map.
 *
 * @param signature signature key, usually {@code serving_default}
 * @param inputName the signature's image input (N x H x W x 3, float, RGB in [0, 1]; a model
 *     expecting another range must include its rescaling, as Keras models exported with a
 *     {@code Rescaling} layer do)
 * @param featuresName the output holding the N x h x w x C feature map
 * @param embeddingName an output holding N x C pooled features, or null to average the feature map
 * @param inputSize the image size the network was trained at (224 for most ImageNet models)
 */
public record SavedModelSpec(String signature, String inputName, String featuresName, String embeddingName, int inputSize) {
    public static final String DEFAULT_SIGNATURE = "serving_default";

    public SavedModelSpec {
        if (signature == null || inputName == null || featuresName == null) {
            throw new IllegalArgumentException("a SavedModel needs a signature, an input name and a feature output name");
        }
        if (inputSize <= 0) {
            throw new IllegalArgumentException("input size must be positive, got " + inputSize);
        }
    }

    /** The embedded MobileNetV2's SavedModel. */
    static SavedModelSpec embedded() {
        return new SavedModelSpec(EmbeddedSavedModel.SERVING_SIGNATURE, EmbeddedSavedModel.INPUT,
                EmbeddedSavedModel.FEATURES, EmbeddedSavedModel.EMBEDDING, 224);
    }
}
