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
import org.tumorj.pipeline.StudyEvaluation;
import org.tumorj.privacy.Deidentifier;
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
    public static final String[] WINDOWS = {"modality", "soft_tissue", "lung", "bone", "brain", "liver", "mediastinum",
        "auto", "auto_body", "zscore", "presentation"};
    /** Help of the detection commands' {@code series} key. */
    public static final String SERIES_HELP_DETECT = "Regular expression for the SeriesDescription of the series to"
            + " detect on in each study; empty = the pattern the model was trained with";
    /** Help of the {@code allow_other_series} key. */
    public static final String ALLOW_OTHER_SERIES_HELP = "Run the model even on a series of another modality or"
            + " kind (e.g. a T2 model on T1); a warning goes to the Log and to warnings.txt beside the outputs";

    private PipelineSettings() {}

    /** Both on-disk annotation formats: TumorJ's sidecar first, else the ROI Manager's zip. */
    public static AnnotationReader annotations() {
        return AnnotationReader.sidecar().orElse(RoiSets.annotationReader());
    }

    /** The command line's defaults with these choices applied (see {@link TrainSettings#of}). */
    public static TrainSettings training(long seed, int epochs, boolean adjacentSlices, String window, int inputScale,
            String positive, String negative, double validation, String series) {
        return TrainSettings.of(seed, epochs, adjacentSlices, window, inputScale, positive, negative, validation, series);
    }

    /** The {@code series} key's pattern, else the one the model was trained with (null: the only series). */
    public static String series(String key, org.tumorj.pipeline.TrainedDetector detector) {
        return key == null || key.isBlank() ? detector.trainedOn().pattern() : key;
    }

    /** The de-identifier for a {@code deidentify_salt} key, or null when the key is blank (off). */
    public static Deidentifier deidentifier(String salt) {
        return salt == null || salt.isBlank() ? null : new Deidentifier(salt);
    }

    /** The evaluation in one line, as {@code ./tumorj evaluate} prints it. */
    public static String summary(EvaluationReport r) {
        return StudyEvaluation.summary(r);
    }
}
