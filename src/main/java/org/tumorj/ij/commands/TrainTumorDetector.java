package org.tumorj.ij.commands;

import ij.IJ;
import ij.ImagePlus;
import ij.WindowManager;
import ij.gui.Roi;
import ij.plugin.frame.RoiManager;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.tumorj.api.TumorJ;
import org.tumorj.dataset.LoadedStudy;
import org.tumorj.ij.CancellableTask;
import org.tumorj.ij.ImageStudies;
import org.tumorj.ij.MacroKey;
import org.tumorj.ij.MacroKeys;
import org.tumorj.ij.MacroValues;
import org.tumorj.ij.PipelineSettings;
import org.tumorj.ij.RoiSets;
import org.tumorj.ij.TrainingPlots;
import org.tumorj.ij.TumorJCommand;
import org.tumorj.model.ModelBundle;
import org.tumorj.pipeline.FeatureChoice;
import org.tumorj.pipeline.TrainSettings;
import org.tumorj.train.TrainingListener;
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
            MacroKey.choice("window", "modality", "How values become the network's input: modality = the"
                    + " training studies' default (CT soft tissue, MR zscore, radiographs presentation in 2D);"
                    + " a CT window; auto / auto_body = 1st-99th percentile of the series / of its body; zscore ="
                    + " mean +- 2 SD of the body; presentation = the image's own display curve",
                    PipelineSettings.WINDOWS),
            MacroKey.string("series", "", "Regular expression for the SeriesDescription of the series to train on"
                    + " (e.g. T2); required when a study folder holds several series"),
            MacroKey.choice("input_scale", "2", "Slices are enlarged this many times before the network"
                    + " (2 makes lesions of a few mm object-sized)", "2", "1"),
            MacroKey.choice("features", FeatureChoice.DEFAULT.toString(), "What the detector looks at, per pixel:"
                    + " filters = Gaussian scale-space filters of the slice and of the slices above and below;"
                    + " hypercolumns = intermediate layers of the pretrained network; both; cells = the older"
                    + " detector on the network's last layer (docs/detection-quality.md compares them)",
                    "filters", "both", "hypercolumns", "cells"),
            MacroKey.integer("fine_tune", 0, "Top blocks of the network trained on lesion patches before the"
                    + " pixel head reads its hypercolumns (features both or hypercolumns; 0 = the pretrained network"
                    + " as it is; 2 = its last two blocks, a few minutes more on a laptop)"),
            MacroKey.string("positive", "tumor,lesion", "ROI classes that are tumour (comma-separated)"),
            MacroKey.string("negative", "normal,background", "ROI classes that are explicitly not tumour"),
            MacroKey.number("validation", 0.3, "Share of studies held out for validation (split by patient)"),
            MacroKey.bool("current_image", false, "Also train on the current image (opened with Open DICOM Series)"
                    + " with the ROI Manager's ROIs as its annotations; it replaces the folder's study of the same name"));

    public TrainTumorDetector() {
        super(KEYS, "studies=/data/annotated model=/data/models/liver-v1 seed=42 epochs=30 context=2.5d"
                + " window=modality input_scale=2 features=filters fine_tune=0 positive=tumor,lesion negative=normal,background"
                + " validation=0.3");
    }

    @Override
    protected void execute(MacroValues v) throws IOException {
        if (v.string("studies").isBlank()) {
            throw new IllegalArgumentException(COMMAND + ": no studies folder given; training needs a folder of"
                    + " annotated studies (at least 2 with the current image: one image cannot be split into training"
                    + " and validation by study): save each annotated series' ROI Manager as RoiSet.zip beside its"
                    + " DICOM files, one folder per study");
        }
        Path studies = v.existingFolder("studies");
        Path model = requireOutput(v);
        TrainSettings settings = settings(v);
        boolean plots = CancellableTask.userPresent();
        TrainingListener listener = listener(plots);
        List<LoadedStudy> current = v.bool("current_image") ? List.of(currentImageStudy()) : List.of();
        current.forEach(c -> IJ.log(COMMAND.replace("...", "") + ": the current image is study " + c.id() + " with "
                + c.annotations().size() + " ROI(s) from the ROI Manager"));
        ModelBundle bundle = CancellableTask.run(COMMAND, progress -> TumorJ.train(new TumorJ.TrainingRequest(settings,
                FeatureChoice.parse(v.string("features")), studies, current, Roi::getGroupName, model), progress, listener));
        IJ.log(String.format(Locale.ROOT, "%s: model bundle %s (validation AUC %.3f, threshold %.3f)",
                COMMAND.replace("...", ""), model.toAbsolutePath(), bundle.metrics().auc().estimate(), bundle.threshold()));
        if (plots) {
            TrainingPlots.showAndWait(TrainingPlots.roc(bundle.metrics()));
        }
    }

    private static TrainSettings settings(MacroValues v) {
        return TrainSettings.of(v.integer("seed"), v.integer("epochs"), v.string("context").equals("2.5d"),
                v.string("window"), Integer.parseInt(v.string("input_scale")), v.string("positive"),
                v.string("negative"), v.number("validation"), v.string("series")).withFineTunedBlocks(v.integer("fine_tune"));
    }

    /** With a screen, the live loss plot (each epoch's line reaches the Log through the progress). */
    private static TrainingListener listener(boolean plots) {
        return plots ? TrainingPlots.liveLoss("TumorJ training loss") : TrainingListener.none();
    }

    /** The current image with the ROI Manager's ROIs (the hidden one of a batch macro) as a study. */
    private static LoadedStudy currentImageStudy() throws IOException {
        ImagePlus imp = WindowManager.getCurrentImage();
        if (imp == null) {
            throw new IllegalArgumentException(COMMAND + ": current_image: no image open; open the annotated series"
                    + " with Open DICOM Series");
        }
        RoiManager rm = RoiSets.currentManager();
        List<Roi> rois = rm == null ? List.of() : Arrays.asList(rm.getRoisAsArray());
        try {
            return ImageStudies.fromImage(imp, rois);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(COMMAND + ": current_image: " + e.getMessage(), e);
        }
    }

    private static Path requireOutput(MacroValues v) {
        if (v.string("model").isBlank()) {
            throw new IllegalArgumentException(COMMAND + ": no model folder given; write model=/folder/for/the/bundle");
        }
        return v.path("model");
    }
}
