package org.tumorj.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.tumorj.annotation.RoiSetZip;
import org.tumorj.api.TumorJ;
import org.tumorj.evaluation.EvaluationReport;
import org.tumorj.util.Progress;

/**
 * {@code ./tumorj evaluate --model MODEL_DIR --studies DIR [--report FILE]}: runs the detector on
 * annotated studies and writes lesion-level FROC, slice-level ROC AUC and Dice as JSON.
 */
public final class EvaluateCommand implements CliCommand {
    @Override public String name() { return "evaluate"; }

    @Override public String summary() {
        return "score a detector on annotated studies: --model MODEL_DIR --studies DIR [--report FILE]";
    }

    @Override
    public int run(List<String> args) throws Exception {
        Options o = Options.parse(args, Set.of("model", "studies", "report", "series", "threshold", "deidentify"),
                Set.of("allow-other-series"));
        Path model = o.requirePath("model");
        Path studies = o.requirePath("studies");
        Path reportFile = Path.of(o.get("report", studies.resolve("evaluation.json").toString()));
        Progress progress = new ConsoleProgress(System.out);
        EvaluationReport report = TumorJ.evaluate(new TumorJ.Evaluation(model, studies, reportFile, o.get("series", null),
                o.has("allow-other-series"), o.getDouble("threshold", 0), o.get("deidentify", null),
                RoiSetZip.NO_GROUP_NAMES), progress);
        System.out.println("held-out evaluation: " + TumorJ.summary(report));
        System.out.println("report: " + reportFile.toAbsolutePath());
        return 0;
    }
}
