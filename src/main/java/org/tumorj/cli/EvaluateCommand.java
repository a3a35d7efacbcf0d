package org.tumorj.cli;

import java.nio.file.Path;
import org.tumorj.annotation.RoiSetZip;
import org.tumorj.api.TumorJ;
import org.tumorj.evaluation.EvaluationReport;
import org.tumorj.util.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./tumorj evaluate --model MODEL_DIR --studies DIR [--report FILE]}: runs the detector on
 * annotated studies and writes lesion-level FROC, slice-level ROC AUC and Dice as JSON.
 */
@Command(name = "evaluate", description = {"Score a detector on annotated studies.",
    "Lesion-level FROC, slice-level ROC AUC and Dice, written as JSON."})
public final class EvaluateCommand implements CliCommand {
    @Option(names = "--model", required = true, paramLabel = "MODEL_DIR", description = "The trained model bundle.")
    Path model;

    @Option(names = "--studies", required = true, paramLabel = "DIR", description = "A folder of annotated study folders.")
    Path studies;

    @Option(names = "--report", paramLabel = "FILE", description = "Where the JSON report goes; default: DIR/evaluation.json.")
    Path report;

    @Option(names = "--threshold", paramLabel = "P",
            description = "Score threshold for the report's operating point; default (0): the model's own.")
    double threshold;

    @Option(names = "--deidentify", paramLabel = "SALT", description = "Pseudonyms instead of study folder names and UIDs.")
    String deidentify;

    @Option(names = "--series", paramLabel = "REGEX",
            description = "The series whose SeriesDescription matches; default: the model's own pattern.")
    String series;

    @Option(names = "--allow-other-series", description = "Score a series of another modality or kind than the model's.")
    boolean allowOtherSeries;

    @Mixin Verbosity verbosity;

    @Override
    public Integer call() throws Exception {
        Path reportFile = report != null ? report : studies.resolve("evaluation.json");
        Progress progress = verbosity.console();
        EvaluationReport result = TumorJ.evaluate(new TumorJ.Evaluation(model, studies, reportFile, series,
                allowOtherSeries, threshold, deidentify, RoiSetZip.NO_GROUP_NAMES), progress);
        System.out.println("held-out evaluation: " + TumorJ.summary(result));
        System.out.println("report: " + reportFile.toAbsolutePath());
        return 0;
    }
}
