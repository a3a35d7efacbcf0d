package org.tumorj.backbone;

/**
 * A pretrained convolutional network used as a frozen feature extractor.
 *
 * <p>Inputs are RGB images in NHWC with values in [0, 1] (see {@code Preprocessing} for how
 * modality values get there). Height and width must be multiples of {@link BackboneInfo#stride()}.
 * Implementations hold native resources: always use in try-with-resources. They must be safe to
 * call from several threads.
 */
public interface Backbone extends AutoCloseable {

    BackboneInfo info();

    /** Global-average-pooled features, one row of {@code featureChannels} per image. */
    float[][] embed(FloatTensor images);

    /** Dense features: N x H/stride x W/stride x featureChannels. */
    FloatTensor featureMap(FloatTensor images);

    @Override
    void close();
}
