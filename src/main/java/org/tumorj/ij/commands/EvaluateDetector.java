package org.tumorj.ij.commands;

import ij.IJ;
import ij.gui.Roi;
import java.io.IOException;
import java.nio.file.Path;
import org.tumorj.api.TumorJ;
import org.tumorj.evaluation.EvaluationReport;
import org.tumorj.ij.CancellableTask;
import org.tumorj.ij.EvaluationPlots;
import org.tumorj.ij.MacroKey;
import org.tumorj.ij.MacroKeys;
import org.tumorj.ij.MacroValues;
import org.tumorj.ij.PipelineSettings;
import org.tumorj.ij.TrainingPlots;
import org.tumorj.ij.TumorJCommand;

/**
 * Plugins > TumorJ > Evaluate...: {@code ./tumorj evaluate} from ImageJ. Runs the model over
 * annotated studies, writes lesion-level FROC, slice-level ROC AUC and Dice as JSON, logs the
 * summary and, with a screen, shows the FROC curve.
 */
public final class EvaluateDetector extends TumorJCommand {
    public static final String COMMAND = "Evaluate...";
    private static final MacroKeys KEYS = MacroKeys.of(COMMAND,
            PipelineSettings.MODEL_KEY,
            MacroKey.folder("studies", "", "Folder of annotated studies (as for training) the model has not seen"),
            MacroKey.file("report", "", "JSON report to write; empty = evaluation.json in the studies folder"),
            MacroKey.string("deidentify_salt", "", "When set, the report names studies by pseudonyms"
                    + " (DICOM PS3.15 Annex E basic profile); keep the salt secret and the same between runs"),
            PipelineSettings.SERIES_KEY, PipelineSettings.ALLOW_OTHER_SERIES_KEY);

    public EvaluateDetector() {
        super(KEYS, "model=/data/models/liver-v1 studies=/data/held-out report=/data/held-out/evaluation.json");
    }

    @Override
    protected void execute(MacroValues v) throws IOException {
        Path model = v.existingFolder("model");
        Path studies = v.existingFolder("studies");
        Path report = v.string("report").isBlank() ? studies.resolve("evaluation.json") : v.path("report");
        EvaluationReport r = CancellableTask.run(COMMAND, progress -> TumorJ.evaluate(new TumorJ.Evaluation(model, studies,
                report, v.string(PipelineSettings.SERIES_KEY.name()), v.bool("allow_other_series"), 0,
                v.string("deidentify_salt"), Roi::getGroupName), progress));
        IJ.log("Evaluate: " + TumorJ.summary(r));
        IJ.log("Evaluate: report " + report.toAbsolutePath());
        if (CancellableTask.userPresent()) {
            TrainingPlots.showAndWait(EvaluationPlots.froc(r));
        }
    }

}
