package org.tumorj.pipeline;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.tumorj.dataset.LoadedStudy;
import org.tumorj.dataset.Split;
import org.tumorj.dataset.StudySplitter;

/**
 * How one annotated image (Fiji's open stack and its ROI Manager) is trained on honestly, with or
 * without other annotated studies:
 * <ul>
 *   <li>alone: its stack is cut between lesions and one end held out ({@link SliceHoldout}), so
 *       the threshold is chosen on lesions of the same patient that training never saw;</li>
 *   <li>with other studies: the image is trained on whole (the corrections a user just made all
 *       count) and the others are split by patient as Train Tumor Detector splits them, a single
 *       other study being the validation side; the threshold is chosen on the held-out studies.</li>
 * </ul>
 *
 * @param studies every study or slab the training reads
 * @param describe the log line saying what was held out
 * @param record the same for the bundle's training record ({@link #KEY})
 */
public record ImageTrainingPlan(List<LoadedStudy> studies, Split<LoadedStudy> split, String describe, JsonObject record) {
    /** Key of the split's record in the bundle's training record. */
    public static final String KEY = "validationSplit";

    public static ImageTrainingPlan of(LoadedStudy image, List<LoadedStudy> others, TrainSettings settings) {
        if (others.isEmpty()) {
            SliceHoldout.Holdout h = SliceHoldout.split(image, settings.classes(), settings.validationFraction());
            List<LoadedStudy> parts = new ArrayList<>(h.split().train());
            parts.addAll(h.split().validation());
            return new ImageTrainingPlan(parts, h.split(), "study " + image.id() + ": " + h.describe()
                    + "; the threshold is chosen on the held-out lesions", h.toJson());
        }
        Split<LoadedStudy> theirs = others.size() == 1 ? new Split<>(List.of(), others)
                : StudySplitter.split(others, settings.classes(), settings.validationFraction(), settings.training().seed());
        List<LoadedStudy> train = new ArrayList<>(List.of(image));
        train.addAll(theirs.train());
        List<LoadedStudy> all = new ArrayList<>(train);
        all.addAll(theirs.validation());
        JsonObject record = new JsonObject();
        record.addProperty("kind", "the image whole for training, other studies split by patient");
        record.addProperty("trainingStudies", train.size());
        record.addProperty("validationStudies", theirs.validation().size());
        return new ImageTrainingPlan(all, new Split<>(train, theirs.validation()), String.format("studies: %d training"
                + " (the image %s and %d other), %d validation (other studies, split by patient); the threshold is"
                + " chosen on the validation studies' lesions", train.size(), image.id(), theirs.train().size(),
                theirs.validation().size()), record);
    }
}
