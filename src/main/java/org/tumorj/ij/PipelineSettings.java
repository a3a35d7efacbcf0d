package org.tumorj.ij;

import org.tumorj.pipeline.FeatureChoice;
import org.tumorj.pipeline.TrainSettings;

/**
 * What the Fiji commands share: the model, series and other-series keys, and the window and
 * features keys whose choices are kept equal to the command line's, so a model trained in Fiji is
 * the model the command line would train from the same options.
 */
public final class PipelineSettings {
    /** The window choices of the training command: the CT presets and auto, as macro words. */
    public static final String[] WINDOWS = {"modality", "soft_tissue", "lung", "bone", "brain", "liver", "mediastinum",
        "auto", "auto_body", "zscore", "presentation"};
    /** The training command's {@code window} key: {@link #WINDOWS}, as {@code ./tumorj train --window} takes them. */
    public static final MacroKey WINDOW_KEY = MacroKey.choice("window", "modality", "How values become the network's"
            + " input: modality = the training studies' default (CT soft tissue, MR zscore, radiographs presentation in"
            + " 2D); a CT window; auto / auto_body = 1st-99th percentile of the series / of its body; zscore = mean +- 2 SD"
            + " of the body; presentation = the image's own display curve", WINDOWS);
    /** The training command's {@code features} key: the detectors of {@code ./tumorj train --features}. */
    public static final MacroKey FEATURES_KEY = MacroKey.choice("features", FeatureChoice.DEFAULT.toString(), "What the"
            + " detector looks at, per pixel: filters = Gaussian scale-space filters of the slice and of the slices above"
            + " and below; hypercolumns = intermediate layers of the pretrained network; both; cells = the older detector"
            + " on the network's last layer (docs/detection-quality.md compares them)",
            "filters", "both", "hypercolumns", "cells");
    /** The training command's {@code members} key: {@code ./tumorj train --members}. */
    public static final MacroKey MEMBERS_KEY = MacroKey.integer("members", 0, "Detectors in the ensemble, each"
            + " validated on its own share of the studies, their findings fused by location (0 = the modality's"
            + " default: 3 for CT, MR and radiographs, 1 otherwise)");
    /** The {@code model} key of the commands that run a trained model. */
    public static final MacroKey MODEL_KEY = MacroKey.folder("model", "",
            "Model bundle folder (written by Train Tumor Detector or ./tumorj train)");
    /** The detection commands' {@code series} key. */
    public static final MacroKey SERIES_KEY = MacroKey.string("series", "", "Regular expression for the"
            + " SeriesDescription of the series to detect on in each study; empty = the pattern the model was trained with");
    /** The {@code allow_other_series} key. */
    public static final MacroKey ALLOW_OTHER_SERIES_KEY = MacroKey.bool("allow_other_series", false,
            "Run the model even on a series of another modality or kind (e.g. a T2 model on T1); a warning goes to"
                    + " the Log and to warnings.txt beside the outputs");

    private PipelineSettings() {}

    /**
     * The training settings of Train Tumor Detector's values, made the way {@code ./tumorj train}
     * makes them from its options (keys seed, epochs, context, window, input_scale, positive,
     * negative, validation, series, fine_tune).
     *
     * @throws IllegalArgumentException a value the training cannot use; the message names it
     */
    public static TrainSettings trainSettings(MacroValues v) {
        return TrainSettings.of(v.integer("seed"), v.integer("epochs"), v.string("context").equals("2.5d"),
                v.string("window"), Integer.parseInt(v.string("input_scale")), v.string("positive"),
                v.string("negative"), v.number("validation"), v.string("series")).withFineTunedBlocks(v.integer("fine_tune"));
    }

    /** The detector of the {@link #FEATURES_KEY} value. */
    public static FeatureChoice features(MacroValues v) {
        return FeatureChoice.parse(v.string(FEATURES_KEY.name()));
    }
}
