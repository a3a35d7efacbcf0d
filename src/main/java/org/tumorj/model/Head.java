package org.tumorj.model;

import org.tumorj.backbone.FloatTensor;

/**
 * A trained classification head applied at every location of a backbone feature map, i.e. the
 * dense head as a 1x1 convolution. The same weights classify a pooled embedding (a 1x1 map).
 */
public interface Head extends AutoCloseable {

    /** Channels the head expects, equal to the backbone's feature channels. */
    int featureChannels();

    /** Probability of the positive class at every location: N x h x w x 1 for an N x h x w x C map. */
    FloatTensor probabilities(FloatTensor featureMap);

    @Override
    default void close() {}
}
