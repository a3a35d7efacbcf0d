package org.tumorj.ij;

import ij.ImagePlus;
import ij.gui.Roi;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.tumorj.api.TumorJ;
import org.tumorj.dataset.LoadedStudy;
import org.tumorj.model.ModelBundle;
import org.tumorj.pipeline.FeatureChoice;
import org.tumorj.pipeline.TrainSettings;
import org.tumorj.train.TrainingListener;

/**
 * What Train Tumor Detector adds to {@link TumorJ#train}: the open image with the ROI Manager's
 * ROIs as one more study, the ROI group names ImageJ keeps, and with a screen the loss curves
 * after each epoch and the validation ROC at the end (the Log gets every epoch either way).
 */
public final class FijiTraining {
    /**
     * Said when no studies folder is given: a user who has annotated one open image expects to
     * train on it alone, and must learn why that cannot work and what to save instead.
     */
    public static final String NO_STUDIES = "no studies folder given; training needs a folder of annotated studies"
            + " (at least 2 with the current image: one image cannot be split into training and validation by study):"
            + " save each annotated series' ROI Manager as RoiSet.zip beside its DICOM files, one folder per study;"
            + " to train on the open image alone, use Train on This Image, which validates on held-out slices of it";

    private FijiTraining() {}

    /**
     * A training as the command asks for it.
     *
     * @param studies a folder of annotated studies
     * @param currentImage also train on the current image with the ROI Manager's ROIs
     * @param model the folder the bundle goes to
     * @param members detectors in the ensemble; 0 for the modality's default
     */
    public record Request(TrainSettings settings, FeatureChoice features, Path studies, boolean currentImage,
            Path model, int members) {}

    /** Trains, saves the bundle, logs where it went with its validation AUC, and with a screen shows the ROC. */
    public static ModelBundle train(String command, Request r) throws IOException {
        boolean plots = CancellableTask.userPresent();
        // with a screen the live loss plot; each epoch's line reaches the Log through the progress
        TrainingListener listener = plots ? TrainingPlots.liveLoss("TumorJ training loss") : TrainingListener.none();
        List<LoadedStudy> current = r.currentImage() ? List.of(currentImageStudy(command)) : List.of();
        current.forEach(c -> CommandLog.log(command, "the current image is study " + c.id() + " with "
                + c.annotations().size() + " ROI(s) from the ROI Manager"));
        ModelBundle bundle = CancellableTask.run(command, progress -> TumorJ.train(new TumorJ.TrainingRequest(
                r.settings(), r.features(), r.studies(), current, Roi::getGroupName, r.model(), r.members()), progress,
                listener));
        CommandLog.log(command, String.format(Locale.ROOT, "model bundle %s (validation AUC %.3f, threshold %.3f)",
                r.model().toAbsolutePath(), bundle.metrics().auc().estimate(), bundle.threshold()));
        if (plots) {
            TrainingPlots.showAndWait(TrainingPlots.roc(bundle.metrics()));
        }
        return bundle;
    }

    /** The current image with the ROI Manager's ROIs (the hidden one of a batch macro) as a study. */
    private static LoadedStudy currentImageStudy(String command) throws IOException {
        ImagePlus imp = CurrentImages.required(command, "current_image: no image open; open the annotated series"
                + " with Open DICOM Series");
        return ImageStudies.withRoiManager(command + ": current_image", imp);
    }
}
