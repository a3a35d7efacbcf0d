package org.tumorj.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.tumorj.annotation.RoiSetZip;
import org.tumorj.api.TumorJ;
import org.tumorj.dataset.StudySet;
import org.tumorj.pipeline.FeatureChoice;
import org.tumorj.pipeline.TrainSettings;
import org.tumorj.train.TrainingListener;
import org.tumorj.util.AtomicFiles;
import org.tumorj.util.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./tumorj train --studies DIR --out MODEL_DIR [options]}: trains a detector on a folder of
 * annotated studies (DICOM + RoiSet.zip or annotations.json per study folder) and writes the
 * model bundle.
 */
@Command(name = "train", description = {"Train a detector on a folder of annotated studies; write the model bundle.",
    "Each study folder holds its DICOM files and RoiSet.zip, annotations.json, rtstruct.dcm or seg.dcm (or NIfTI "
        + "image + label pairs); studies are split into training and validation by patient."})
public final class TrainCommand implements CliCommand {
    private static final TrainSettings DEFAULTS = TrainSettings.defaults(0);

    @Option(names = "--studies", required = true, paramLabel = "DIR", description = "A folder of annotated study folders.")
    Path studies;

    @Option(names = "--out", required = true, paramLabel = "MODEL_DIR", description = "The model bundle's folder (written atomically).")
    Path out;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the split, sampling and training (default: ${DEFAULT-VALUE}).")
    long seed = 42;

    @Option(names = "--epochs", paramLabel = "N", description = "Most epochs of the head's training (default: ${DEFAULT-VALUE}).")
    int epochs = DEFAULTS.training().maxEpochs();

    @Option(names = "--context", paramLabel = "2.5d|2d",
            description = "2.5d: the slices below, at and above as channels; 2d: the slice alone (default: ${DEFAULT-VALUE}).")
    String context = "2.5d";

    @Option(names = "--window", paramLabel = "NAME", description = "Input encoding: modality (chosen by the studies' modality), soft_tissue, lung, bone, brain, ..., "
            + "auto, auto_body, zscore, presentation (default: ${DEFAULT-VALUE}).")
    String window = "modality";

    @Option(names = "--input-scale", paramLabel = "N", description = "Slices enlarged N times for the network (default: ${DEFAULT-VALUE}).")
    int inputScale = DEFAULTS.inputScale();

    @Option(names = "--positive", paramLabel = "LABELS",
            description = "Region labels that are tumour, comma-separated (default: tumor,lesion).")
    String positive = "";

    @Option(names = "--negative", paramLabel = "LABELS",
            description = "Region labels that are normal tissue, comma-separated (default: normal,background).")
    String negative = "";

    @Option(names = "--validation", paramLabel = "FRACTION",
            description = "Share of the patients held out for validation (default: ${DEFAULT-VALUE}).")
    double validation = DEFAULTS.validationFraction();

    @Option(names = "--series", paramLabel = "REGEX",
            description = "Train on the series whose SeriesDescription matches (default: the only series).")
    String series = "";

    @Option(names = "--features", paramLabel = "filters|both|hypercolumns|cells",
            description = "Per-pixel features: the filter bank, with the network's hypercolumns, or those alone (default: ${DEFAULT-VALUE}).")
    String features = FeatureChoice.DEFAULT.toString();

    @Option(names = "--fine-tune", paramLabel = "N",
            description = "With both|hypercolumns: train the network's top N blocks first (default: ${DEFAULT-VALUE}).")
    int fineTune;

    @Option(names = "--members", paramLabel = "N",
            description = "Detectors in the ensemble, each validated on its own share of the studies, their findings"
                    + " fused by location; 0: the modality's default, 3 for CT, MR and radiographs, 1 otherwise (default: ${DEFAULT-VALUE}).")
    int members;

    @Mixin Verbosity verbosity;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(studies)) {
            throw CliException.forFile(studies, "not a folder; give a folder of study folders");
        }
        TrainSettings settings = settings();
        FeatureChoice choice = featureChoice();
        StudySet.open(studies); // validate before the backbone loads: a wrong folder fails in a second
        AtomicFiles.checkWritable(out, true); // and an output that cannot be written, before training
        Progress progress = verbosity.console();
        TumorJ.train(new TumorJ.TrainingRequest(settings, choice, studies, List.of(), RoiSetZip.NO_GROUP_NAMES, out,
                members),
                progress, TrainingListener.none());
        System.out.println("model bundle: " + out.toAbsolutePath());
        return 0;
    }

    private FeatureChoice featureChoice() throws CliException {
        try {
            return FeatureChoice.parse(features);
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage());
        }
    }

    private TrainSettings settings() throws CliException {
        boolean adjacent = switch (context) {
            case "2d" -> false;
            case "2.5d" -> true;
            default -> throw new CliException("option --context must be 2d or 2.5d");
        };
        try {
            return TrainSettings.of(seed, epochs, adjacent, window, inputScale, positive, negative, validation, series)
                    .withFineTunedBlocks(fineTune);
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage());
        }
    }
}
