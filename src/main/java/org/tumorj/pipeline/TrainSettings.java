package org.tumorj.pipeline;

import com.google.gson.JsonObject;
import java.util.List;
import org.tumorj.annotation.AnnotationClasses;
import org.tumorj.backbone.ChannelMode;
import org.tumorj.backbone.InputWindow;
import org.tumorj.backbone.MobileNetGraph;
import org.tumorj.backbone.Preprocessing;
import org.tumorj.dataset.SamplingConfig;
import org.tumorj.train.TrainingMode;
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

    /**
     * The defaults with a user's choices applied: the one place the command line and the Fiji
     * command turn their options into settings, so the two cannot drift apart.
     *
     * @param window a CT preset name ({@code soft tissue}, {@code soft_tissue}, {@code lung}, ...), {@code auto}
     *     (percentiles of the series), {@code auto_body} (percentiles of the body), {@code zscore},
     *     {@code presentation} or {@code modality} (the training studies' modality decides: see ModalityDefaults)
     * @param positive comma-separated class names, blank for the defaults (same for negative)
     * @param series regular expression for SeriesDescription, blank for the largest series
     */
    public static TrainSettings of(long seed, int epochs, boolean adjacentSlices, String window, int inputScale,
            String positive, String negative, double validation, String series) {
        TrainSettings d = defaults(seed);
        if (inputScale < 1) {
            throw new IllegalArgumentException("input scale must be 1 or more, got " + inputScale);
        }
        Preprocessing pre = new Preprocessing(List.of(InputWindow.preset(window)), ChannelMode.REPLICATE,
                d.preprocessing().patchSize());
        SamplingConfig sampling = d.sampling().withTwoPointFiveD(adjacentSlices).withPatchSize(pre.patchSize() / inputScale);
        TrainingOptions options = d.training().withEpochs(epochs, d.training().patience());
        AnnotationClasses classes = positive.isBlank() && negative.isBlank() ? d.classes()
                : AnnotationClasses.parse(positive.isBlank() ? "tumor,lesion" : positive,
                        negative.isBlank() ? "normal,background" : negative);
        return new TrainSettings(pre, adjacentSlices, sampling, options, classes, validation,
                series == null || series.isBlank() ? null : series, inputScale);
    }

    /** These settings with another input encoding (a modality's default, see ModalityDefaults). */
    public TrainSettings withInput(Preprocessing newPreprocessing, boolean newAdjacentSlices) {
        return new TrainSettings(newPreprocessing, newAdjacentSlices, sampling.withTwoPointFiveD(newAdjacentSlices), training,
                classes, validationFraction, seriesDescription, inputScale);
    }

    /**
     * These settings with the top {@code blocks} blocks of the network fine-tuned on patches
     * before the pixel head is trained on its hypercolumns (see BackboneFineTuning); 0 trains the
     * head only.
     */
    public TrainSettings withFineTunedBlocks(int blocks) {
        if (blocks < 0 || blocks > MobileNetGraph.BLOCKS) {
            throw new IllegalArgumentException("fine-tuned blocks must be 0 (head only) to " + MobileNetGraph.BLOCKS
                    + ", got " + blocks);
        }
        TrainingOptions options = training.withMode(blocks == 0 ? TrainingMode.HEAD_ONLY : TrainingMode.TOP_BLOCKS_UNFROZEN,
                blocks);
        return new TrainSettings(preprocessing, adjacentSlices, sampling, options, classes, validationFraction,
                seriesDescription, inputScale);
    }

    /** These settings with another seed for sampling and training (an ensemble member's). */
    public TrainSettings withSeed(long seed) {
        return new TrainSettings(preprocessing, adjacentSlices, sampling.withSeed(seed), training.withSeed(seed), classes,
                validationFraction, seriesDescription, inputScale);
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
