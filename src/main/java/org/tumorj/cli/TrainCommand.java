package org.tumorj.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.tumorj.annotation.AnnotationClasses;
import org.tumorj.backbone.Backbone;
import org.tumorj.backbone.Backbones;
import org.tumorj.backbone.ChannelMode;
import org.tumorj.backbone.Preprocessing;
import org.tumorj.backbone.Window;
import org.tumorj.dataset.AnnotationReader;
import org.tumorj.dataset.SamplingConfig;
import org.tumorj.ij.RoiSets;
import org.tumorj.model.ModelBundle;
import org.tumorj.pipeline.DetectorTraining;
import org.tumorj.pipeline.DicomStudies;
import org.tumorj.pipeline.TrainSettings;
import org.tumorj.train.TrainingOptions;
import org.tumorj.util.Progress;

/**
 * {@code ./tumorj train --studies DIR --out MODEL_DIR [options]}: trains a detector on a folder of
 * annotated studies (DICOM + RoiSet.zip or annotations.json per study folder) and writes the
 * model bundle.
 */
public final class TrainCommand implements CliCommand {
    static final Set<String> VALUED = Set.of("studies", "out", "seed", "epochs", "window", "context",
            "positive", "negative", "validation", "series", "input-scale");

    @Override public String name() { return "train"; }

    @Override public String summary() {
        return "train a detector on annotated studies: --studies DIR --out MODEL_DIR";
    }

    @Override
    public int run(List<String> args) throws Exception {
        Options o = Options.parse(args, VALUED, Set.of());
        Path studies = o.requirePath("studies");
        Path out = o.requirePath("out");
        if (!Files.isDirectory(studies)) {
            throw CliException.forFile(studies, "not a folder; give a folder of study folders");
        }
        TrainSettings settings = settings(o);
        Progress progress = new ConsoleProgress(System.out);
        try (Backbone backbone = Backbones.openDefault()) {
            ModelBundle bundle = new DetectorTraining(backbone, settings).trainOnFolder(studies,
                    new DicomStudies(org.tumorj.dicom.DicomReader.standard(), settings.seriesDescription(), progress),
                    annotations(), progress, e -> System.out.printf("  epoch %d: train loss %.4f, validation loss %.4f,"
                            + " validation AUC %.3f%s%n", e.epoch(), e.trainLoss(), e.validationLoss(), e.validationAuc(),
                            e.best() ? " (best)" : ""));
            bundle.save(out, progress);
        }
        System.out.println("model bundle: " + out.toAbsolutePath());
        return 0;
    }

    /** Both on-disk annotation formats: TumorJ's sidecar first, else the ROI Manager's zip. */
    static AnnotationReader annotations() {
        return AnnotationReader.sidecar().orElse(RoiSets.annotationReader());
    }

    static TrainSettings settings(Options o) throws CliException {
        long seed = (long) o.getDouble("seed", 42);
        TrainSettings d = TrainSettings.defaults(seed);
        try {
            boolean adjacent = switch (o.get("context", "2.5d")) {
                case "2d" -> false;
                case "2.5d" -> true;
                default -> throw new CliException("option --context must be 2d or 2.5d");
            };
            Window window = Window.preset(o.get("window", "soft tissue").replace('-', ' '));
            int scale = o.getInt("input-scale", d.inputScale());
            Preprocessing pre = new Preprocessing(List.of(window), ChannelMode.REPLICATE, d.preprocessing().patchSize());
            SamplingConfig sampling = d.sampling().withTwoPointFiveD(adjacent).withPatchSize(pre.patchSize() / scale);
            TrainingOptions training = d.training().withEpochs(o.getInt("epochs", d.training().maxEpochs()),
                    d.training().patience());
            AnnotationClasses classes = o.has("positive") || o.has("negative")
                    ? AnnotationClasses.parse(o.get("positive", "tumor,lesion"), o.get("negative", "normal,background"))
                    : d.classes();
            return new TrainSettings(pre, adjacent, sampling, training, classes,
                    o.getDouble("validation", d.validationFraction()), o.get("series", null), scale);
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage());
        }
    }
}
