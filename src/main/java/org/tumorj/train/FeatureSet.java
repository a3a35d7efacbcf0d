package org.tumorj.train;

import java.util.Arrays;

/**
 * Cached backbone features of labelled patches.
 *
 * @param features one embedding (backbone feature channels long) per patch
 * @param labels 1 for the positive class (tumour), 0 for negative
 * @param groupIds the study each patch comes from; the train/validation split is made upstream by
 *                 study, and the bootstrap of the validation metrics resamples studies
 */
public record FeatureSet(float[][] features, int[] labels, String[] groupIds) {

    public FeatureSet {
        if (features.length != labels.length || features.length != groupIds.length) {
            throw new IllegalArgumentException(features.length + " feature rows, " + labels.length + " labels and "
                    + groupIds.length + " group ids: they must match");
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] != 0 && labels[i] != 1) {
                throw new IllegalArgumentException("label " + labels[i] + " of patch " + i + " is neither 0 nor 1");
            }
            if (features[i].length != features[0].length) {
                throw new IllegalArgumentException("patch " + i + " has " + features[i].length
                        + " features, patch 0 has " + features[0].length);
            }
        }
    }

    public int size() {
        return labels.length;
    }

    public int featureChannels() {
        return features.length == 0 ? 0 : features[0].length;
    }

    public int positives() {
        return Arrays.stream(labels).sum();
    }

    public boolean[] positiveMask() {
        return EpochLoop.positiveMask(labels);
    }
}
