package org.tumorj.backbone;

/**
 * What identifies a backbone and how to feed it.
 *
 * @param id stable name, e.g. {@code nsfwjs-mobilenet_v2-4.4.0}
 * @param sha256 of the weights the backbone was built from; a model bundle records it
 * @param inputSize patch size the network was trained at (224 for MobileNetV2)
 * @param stride total downsampling from input to feature map (32)
 * @param featureChannels channels of the feature map and length of an embedding (1280)
 */
public record BackboneInfo(String id, String sha256, int inputSize, int stride, int featureChannels) {}
