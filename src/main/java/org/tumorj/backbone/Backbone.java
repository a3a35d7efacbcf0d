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

    /**
     * Layers {@link #featureTaps} can return besides the feature map (intermediate layers for
     * hypercolumns); none by default, e.g. for a user's SavedModel that exports only its features.
     */
    default java.util.List<String> taps() {
        return java.util.List.of();
    }

    /**
     * The outputs of the given {@link #taps()} layers and of the feature map ({@code "features"}),
     * from one pass: N x H/s x W/s x C each, with its own stride s.
     */
    default java.util.Map<String, FloatTensor> featureTaps(FloatTensor images, java.util.List<String> layers) {
        throw new UnsupportedOperationException(info().id() + " exports no intermediate layers " + layers
                + "; hypercolumns need the embedded MobileNetV2 or a SavedModel that outputs them");
    }

    /** Name of the feature map among {@link #featureTaps}' results. */
    String FEATURES = "features";

    @Override
    void close();
}
