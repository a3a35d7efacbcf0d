package org.tumorj.ij.commands;

import java.io.IOException;
import org.tumorj.ij.ImageTrainingLoop;
import org.tumorj.ij.MacroKey;
import org.tumorj.ij.MacroKeys;
import org.tumorj.ij.MacroValues;
import org.tumorj.ij.PipelineSettings;
import org.tumorj.ij.TumorJCommand;
import org.tumorj.pipeline.TrainSettings;
import org.tumorj.train.TrainingOptions;

/**
 * Plugins > TumorJ > Train on This Image...: trains a detector from the ROI Manager's regions on
 * the open series (and optionally a folder of other annotated studies), keeps it for Save Model,
 * and shows its findings and probability map on the same image, for the user to correct the
 * regions and train again.
 */
public final class TrainOnThisImage extends TumorJCommand {
    public static final String COMMAND = "Train on This Image...";
    private static final MacroKeys KEYS = MacroKeys.of(COMMAND,
            MacroKey.folder("other_studies", "", "Optional folder of other annotated studies (one subfolder each, as"
                    + " for Train Tumor Detector): the image is then trained on whole and validation holds out some of"
                    + " these; empty = the image alone, validated on held-out slices of it"),
            MacroKey.integer("seed", 42, "Random seed: the same regions and seed give the same model"),
            MacroKey.integer("epochs", TrainingOptions.defaults().maxEpochs(), "Most passes over the training"
                    + " pixels (training stops earlier when validation loss stops improving)"),
            PipelineSettings.FEATURES_KEY,
            MacroKey.string("positive", "tumor,lesion", "ROI classes that are tumour (comma-separated)"),
            MacroKey.string("negative", "normal,background", "ROI classes that are explicitly not tumour"),
            MacroKey.number("validation", 0.3, "Share of the lesions held out for validation: of the image's lesions"
                    + " (by slices) when it is trained on alone, else of the other studies (by patient)"),
            MacroKey.bool("heat_map", true, "Show the probability map over the image (Toggle Heat Map hides it)"));

    public TrainOnThisImage() {
        super(KEYS, "seed=42 epochs=30 features=filters positive=tumor,lesion negative=normal,background"
                + " validation=0.3 heat_map");
    }

    @Override
    protected void execute(MacroValues v) throws IOException {
        TrainSettings settings = TrainSettings.of(v.integer("seed"), v.integer("epochs"), true, "modality",
                TrainSettings.DEFAULT_INPUT_SCALE, v.string("positive"), v.string("negative"), v.number("validation"), "");
        ImageTrainingLoop.train(COMMAND, new ImageTrainingLoop.Request(settings, PipelineSettings.features(v),
                v.optionalPath("other_studies"), v.bool("heat_map")));
    }
}
