package org.tumorj.ij;

import ij.ImagePlus;
import ij.gui.Roi;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.tumorj.api.TumorJ;
import org.tumorj.dataset.LoadedStudy;
import org.tumorj.model.ModelBundle;
import org.tumorj.pipeline.FeatureChoice;
import org.tumorj.pipeline.TrainSettings;
import org.tumorj.train.TrainingListener;
import org.tumorj.util.Progress;

/**
 * The annotate-train-review loop on the open image, as Trainable Weka Segmentation users know it:
 * Train on This Image trains from the ROI Manager's regions on the open stack (plus, optionally,
 * a folder of other annotated studies), keeps the model for this Fiji session and shows its
 * findings and probability map on the same stack; the user corrects the regions and trains again;
 * Save Model writes the last model as the usual bundle. Nothing is written before Save Model.
 */
public final class ImageTrainingLoop {
    /** The last model trained in this Fiji session, or null: what Save Model writes. */
    private static volatile Trained last;

    private ImageTrainingLoop() {}

    /** A model trained on an image: the bundle and the title of the image it came from. */
    public record Trained(ModelBundle bundle, String image) {}

    /**
     * A training as Train on This Image asks for it.
     *
     * @param others a folder of other annotated studies, or null
     * @param heatMap show the probability map over the image (it can be toggled later)
     */
    public record Request(TrainSettings settings, FeatureChoice features, Path others, boolean heatMap) {}

    /**
     * Trains on the current image and its ROI Manager, keeps the model as the session's last one,
     * draws its findings (and map) on the image and logs what validation held out.
     */
    public static Trained train(String command, Request r) throws IOException {
        ImagePlus imp = CurrentImages.required(command, "no image open; open a series with Plugins > TumorJ > Open"
                + " DICOM Series..., outline lesions and normal tissue, and class them with Set ROI Class");
        LoadedStudy study = ImageStudies.withRoiManager(command, imp);
        CommandLog.log(command, "study " + study.id() + " with " + study.annotations().size()
                + " ROI(s) from the ROI Manager");
        TrainingListener listener = CancellableTask.userPresent() ? TrainingPlots.liveLoss("TumorJ training loss")
                : TrainingListener.none();
        TumorJ.ImageTrainingResult result = CancellableTask.run(command, progress -> TumorJ.trainOnImage(
                new TumorJ.ImageTraining(r.settings(), r.features(), study, r.others(), Roi::getGroupName), progress,
                listener));
        Trained trained = new Trained(result.bundle(), imp.getTitle());
        last = trained;
        DetectionDisplay.show(command, imp, result.detections(), new DetectionDisplay.Shown(r.heatMap(), false, false));
        CommandLog.log(command, String.format(Locale.ROOT, "validation: %s; pixel AUC %.3f, threshold %.3g",
                result.validation(), result.bundle().metrics().auc().estimate(), result.bundle().threshold()));
        CommandLog.log(command, result.detections().findings().size() + " finding(s) on " + imp.getTitle()
                + "; correct the ROIs and train again, or keep the model with Save Model...");
        return trained;
    }

    /** Writes the session's last model as a bundle (whole or not at all) and returns where. */
    public static Path save(String command, Path folder) throws IOException {
        Trained t = last;
        if (t == null) {
            throw new IllegalStateException(command + ": no model trained in this Fiji session; run Plugins > TumorJ >"
                    + " Train on This Image... first");
        }
        t.bundle().save(folder, Progress.none());
        CommandLog.log(command, "model trained on " + t.image() + " saved to " + folder.toAbsolutePath());
        return folder;
    }

    /** The session's last model, or null when none was trained. */
    public static Trained last() {
        return last;
    }
}
