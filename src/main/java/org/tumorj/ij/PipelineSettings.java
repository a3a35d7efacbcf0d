package org.tumorj.ij;

import java.util.List;
import java.util.Locale;
import org.tumorj.annotation.AnnotationClasses;
import org.tumorj.backbone.ChannelMode;
import org.tumorj.backbone.Preprocessing;
import org.tumorj.backbone.Window;
import org.tumorj.dataset.AnnotationReader;
import org.tumorj.dataset.SamplingConfig;
import org.tumorj.metrics.EvaluationReport;
import org.tumorj.pipeline.TrainSettings;
import org.tumorj.train.TrainingOptions;

/**
 * What the Fiji commands share with {@code ./tumorj}: the annotation formats read from study
 * folders, training settings built from the same options, and the one-line evaluation summary.
 * Kept equal to the command line's choices so a model trained in Fiji is the model the command
 * line would train from the same options.
 */
public final class PipelineSettings {
    /** The window choices of the training command: the CT presets and auto, as macro words. */
    public static final String[] WINDOWS = {"soft_tissue", "lung", "bone", "brain", "liver", "mediastinum", "auto"};

    private PipelineSettings() {}

    /** Both on-disk annotation formats: TumorJ's sidecar first, else the ROI Manager's zip. */
    public static AnnotationReader annotations() {
        return AnnotationReader.sidecar().orElse(RoiSets.annotationReader());
    }

    /**
     * The command line's defaults with these choices applied.
     *
     * @param window one of {@link #WINDOWS}
     * @param positive comma-separated class names, or blank for the defaults (same for negative)
     */
    public static TrainSettings training(long seed, int epochs, boolean adjacentSlices, String window, int inputScale,
            String positive, String negative, double validation) {
        TrainSettings d = TrainSettings.defaults(seed);
        if (inputScale < 1) {
            throw new IllegalArgumentException("input_scale must be 1 or more, got " + inputScale);
        }
        Preprocessing pre = new Preprocessing(List.of(Window.preset(window)), ChannelMode.REPLICATE,
                d.preprocessing().patchSize());
        SamplingConfig sampling = d.sampling().withTwoPointFiveD(adjacentSlices).withPatchSize(pre.patchSize() / inputScale);
        TrainingOptions options = d.training().withEpochs(epochs, d.training().patience());
        AnnotationClasses classes = positive.isBlank() && negative.isBlank() ? d.classes()
                : AnnotationClasses.parse(positive.isBlank() ? "tumor,lesion" : positive,
                        negative.isBlank() ? "normal,background" : negative);
        return new TrainSettings(pre, adjacentSlices, sampling, options, classes, validation, null, inputScale);
    }

    /** The evaluation in one line, as {@code ./tumorj evaluate} prints it. */
    public static String summary(EvaluationReport r) {
        return String.format(Locale.ROOT, "%d studies, %d lesions, %d detected (sensitivity %.2f),"
                        + " %.2f false positives per study; FROC sensitivity at 1 FP/study %.2f, average %.2f;"
                        + " slice AUC %.3f; Dice %.3f",
                r.studies(), r.lesions(), r.detectedLesions(), r.sensitivity(), r.falsePositivesPerStudy(),
                r.froc().sensitivityAt(1), r.froc().averageSensitivity(), r.sliceAuc(), r.dicePooled());
    }
}
