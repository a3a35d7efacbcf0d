package org.tumorj.pipeline;

import com.google.gson.JsonObject;
import org.tumorj.annotation.AnnotationClasses;
import org.tumorj.backbone.Preprocessing;
import org.tumorj.dataset.SamplingConfig;
import org.tumorj.train.TrainingOptions;

/**
 * Everything a training run needs besides its data and backbone; recorded in the bundle.
 *
 * @param preprocessing window(s) and channel mode
 * @param adjacentSlices 2.5D input: slices below, at and above as R, G, B
 * @param sampling how patches are drawn
 * @param training head options (mode, epochs, seed, ...)
 * @param classes which labels are positive and negative
 * @param validationFraction share of studies (by patient) held out for validation
 * @param seriesDescription regular expression choosing the series in each study, or null
 * @param inputScale the backbone sees slices enlarged by this factor (see ScaledBackbone); patches
 *     are {@code backbone input / inputScale} pixels of the original slice
 */
public record TrainSettings(Preprocessing preprocessing, boolean adjacentSlices, SamplingConfig sampling,
        TrainingOptions training, AnnotationClasses classes, double validationFraction, String seriesDescription,
        int inputScale) {

    /** Default enlargement: lesions of a few millimetres become object-sized for the network. */
    public static final int DEFAULT_INPUT_SCALE = 2;

    /**
     * CT defaults: soft-tissue window, 2.5D, slices enlarged twice (patches of 112 pixels seen at
     * 224), default head options, 30 % of studies for validation.
     */
    public static TrainSettings defaults(long seed) {
        Preprocessing pre = Preprocessing.ctSoftTissue();
        return new TrainSettings(pre, true, SamplingConfig.defaults(seed).withTwoPointFiveD(true)
                .withPatchSize(pre.patchSize() / DEFAULT_INPUT_SCALE).withCounts(4, 16, 12), TrainingOptions.defaults().withSeed(seed),
                AnnotationClasses.defaults(), 0.3, null, DEFAULT_INPUT_SCALE);
    }

    /** What the bundle records about how its head was trained (beside the preprocessing). */
    JsonObject toJson() {
        JsonObject o = training.toJson();
        o.addProperty("adjacentSlices", adjacentSlices);
        o.addProperty("inputScale", inputScale);
        o.addProperty("patchSize", sampling.patchSize());
        o.addProperty("validationFraction", validationFraction);
        o.addProperty("positiveClasses", String.join(",", classes.positive()));
        o.addProperty("negativeClasses", String.join(",", classes.negative()));
        if (seriesDescription != null) {
            o.addProperty("seriesDescription", seriesDescription);
        }
        return o;
    }
}
