package org.tumorj.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.tumorj.annotation.RoiSetZip;
import org.tumorj.api.TumorJ;
import org.tumorj.dataset.StudySet;
import org.tumorj.pipeline.FeatureChoice;
import org.tumorj.pipeline.TrainSettings;
import org.tumorj.train.TrainingListener;
import org.tumorj.util.AtomicFiles;
import org.tumorj.util.Progress;

/**
 * {@code ./tumorj train --studies DIR --out MODEL_DIR [options]}: trains a detector on a folder of
 * annotated studies (DICOM + RoiSet.zip or annotations.json per study folder) and writes the
 * model bundle.
 */
public final class TrainCommand implements CliCommand {
    static final Set<String> VALUED = Set.of("studies", "out", "seed", "epochs", "window", "context",
            "positive", "negative", "validation", "series", "input-scale", "features", "fine-tune");

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
        FeatureChoice features = features(o);
        StudySet.open(studies); // validate before the backbone loads: a wrong folder fails in a second
        AtomicFiles.checkWritable(out, true); // and an output that cannot be written, before training
        Progress progress = new ConsoleProgress(System.out);
        TumorJ.train(new TumorJ.TrainingRequest(settings, features, studies, List.of(), RoiSetZip.NO_GROUP_NAMES, out),
                progress, TrainingListener.none());
        System.out.println("model bundle: " + out.toAbsolutePath());
        return 0;
    }

    static FeatureChoice features(Options o) throws CliException {
        try {
            return FeatureChoice.parse(o.get("features", FeatureChoice.DEFAULT.toString()));
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage());
        }
    }

    static TrainSettings settings(Options o) throws CliException {
        boolean adjacent = switch (o.get("context", "2.5d")) {
            case "2d" -> false;
            case "2.5d" -> true;
            default -> throw new CliException("option --context must be 2d or 2.5d");
        };
        TrainSettings d = TrainSettings.defaults(0);
        try {
            return TrainSettings.of((long) o.getDouble("seed", 42), o.getInt("epochs", d.training().maxEpochs()),
                    adjacent, o.get("window", "modality"), o.getInt("input-scale", d.inputScale()),
                    o.get("positive", ""), o.get("negative", ""), o.getDouble("validation", d.validationFraction()),
                    o.get("series", "")).withFineTunedBlocks(o.getInt("fine-tune", 0));
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage());
        }
    }
}
