package org.tumorj.ij.commands;

import java.io.IOException;
import java.nio.file.Path;
import org.tumorj.ij.FijiTraining;
import org.tumorj.ij.MacroKey;
import org.tumorj.ij.MacroKeys;
import org.tumorj.ij.MacroValues;
import org.tumorj.ij.PipelineSettings;
import org.tumorj.ij.TumorJCommand;
import org.tumorj.train.TrainingOptions;

/**
 * Plugins > TumorJ > Train Tumor Detector...: trains a detector on a folder of annotated studies
 * (DICOM plus RoiSet.zip or annotations.json in each study folder), the same training as
 * {@code ./tumorj train}, and writes the model bundle. With a screen, the loss curves are drawn
 * after each epoch and the validation ROC is shown at the end; the Log gets every epoch.
 */
public final class TrainTumorDetector extends TumorJCommand {
    public static final String COMMAND = "Train Tumor Detector...";
    private static final MacroKeys KEYS = MacroKeys.of(COMMAND,
            MacroKey.folder("studies", "", "Folder of annotated studies, one subfolder per study (DICOM files"
                    + " + RoiSet.zip or annotations.json); at least 2, since validation holds out whole studies"),
            MacroKey.folder("model", "", "Output folder of the model bundle (created; an existing bundle there is replaced)"),
            MacroKey.integer("seed", 42, "Random seed: the same data and seed give the same model"),
            MacroKey.integer("epochs", TrainingOptions.defaults().maxEpochs(), "Most passes over the training"
                    + " cells (training stops earlier when validation loss stops improving)"),
            MacroKey.choice("context", "2.5d", "2.5d: the slices below, at and above as the three colour"
                    + " channels; 2d: the slice alone", "2.5d", "2d"),
            PipelineSettings.WINDOW_KEY,
            MacroKey.string("series", "", "Regular expression for the SeriesDescription of the series to train on"
                    + " (e.g. T2); required when a study folder holds several series"),
            MacroKey.choice("input_scale", "2", "Slices are enlarged this many times before the network"
                    + " (2 makes lesions of a few mm object-sized)", "2", "1"),
            PipelineSettings.FEATURES_KEY,
            MacroKey.integer("fine_tune", 0, "Top blocks of the network trained on lesion patches before the"
                    + " pixel head reads its hypercolumns (features both or hypercolumns; 0 = the pretrained network"
                    + " as it is; 2 = its last two blocks, a few minutes more on a laptop)"),
            PipelineSettings.MEMBERS_KEY,
            MacroKey.string("positive", "tumor,lesion", "ROI classes that are tumour (comma-separated)"),
            MacroKey.string("negative", "normal,background", "ROI classes that are explicitly not tumour"),
            MacroKey.number("validation", 0.3, "Share of studies held out for validation (split by patient)"),
            MacroKey.bool("current_image", false, "Also train on the current image (opened with Open DICOM Series)"
                    + " with the ROI Manager's ROIs as its annotations; it replaces the folder's study of the same name"));

    public TrainTumorDetector() {
        super(KEYS, "studies=/data/annotated model=/data/models/liver-v1 seed=42 epochs=30 context=2.5d"
                + " window=modality input_scale=2 features=filters fine_tune=0 members=0 positive=tumor,lesion negative=normal,background"
                + " validation=0.3");
    }

    @Override
    protected void execute(MacroValues v) throws IOException {
        Path studies = v.existingFolder("studies", FijiTraining.NO_STUDIES);
        Path model = v.requiredPath("model", "no model folder given; write model=/folder/for/the/bundle");
        FijiTraining.train(COMMAND, new FijiTraining.Request(PipelineSettings.trainSettings(v),
                PipelineSettings.features(v), studies, v.bool("current_image"), model, v.integer("members")));
    }
}
