package org.tumorj.ij;

/**
 * What the Fiji commands share: the window choices and the model, series and other-series keys,
 * kept equal to the command line's choices so a model trained in Fiji is the model the command
 * line would train from the same options.
 */
public final class PipelineSettings {
    /** The window choices of the training command: the CT presets and auto, as macro words. */
    public static final String[] WINDOWS = {"modality", "soft_tissue", "lung", "bone", "brain", "liver", "mediastinum",
        "auto", "auto_body", "zscore", "presentation"};
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
}
