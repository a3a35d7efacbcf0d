package org.tumorj.cli;

import org.tumorj.dataset.AnnotationReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.tumorj.annotation.AnnotationClasses;
import org.tumorj.evaluation.EvaluationReport;
import org.tumorj.pipeline.Bundles;
import org.tumorj.pipeline.DicomStudies;
import org.tumorj.pipeline.StudyEvaluation;
import org.tumorj.privacy.Deidentifier;
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
        try (Bundles.Opened opened = Bundles.open(model)) {
            EvaluationReport report = StudyEvaluation.evaluate(opened.detector(), studies,
                    opened.detector().trainedOn().guard(new DicomStudies(org.tumorj.dicom.DicomReader.standard(),
                            DetectCommand.series(o, opened), progress), o.has("allow-other-series"), progress),
                    AnnotationReader.standard(), AnnotationClasses.defaults(), o.getDouble("threshold", 0),
                    o.has("deidentify") ? new Deidentifier(o.get("deidentify", "")) : null, progress)
                    .report();
            report.writeJson(reportFile);
            System.out.println("held-out evaluation: " + StudyEvaluation.summary(report));
        }
        System.out.println("report: " + reportFile.toAbsolutePath());
        return 0;
    }
}
