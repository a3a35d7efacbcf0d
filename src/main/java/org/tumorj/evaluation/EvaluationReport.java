package org.tumorj.evaluation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.tumorj.util.AtomicFiles;
import org.tumorj.metrics.Dice;
import org.tumorj.metrics.FrocCurve;
import org.tumorj.metrics.StudyResult;

/**
 * Lesion-, slice- and voxel-level evaluation over a set of studies.
 *
 * @param threshold detection threshold the findings were extracted with
 * @param studies series evaluated
 * @param lesions annotated lesions over all studies
 * @param detectedLesions lesions hit at the detection threshold
 * @param falsePositives findings hitting no lesion, all studies
 * @param froc the FROC curve from pooled lesion and false-positive scores
 * @param sliceAuc ROC AUC of each slice's highest probability for "the slice has a lesion"
 *     (NaN when all slices are positive or all negative)
 * @param positiveSlices slices holding a positive annotation
 * @param negativeSlices the other slices
 * @param dicePooled Dice over the voxels of all studies together
 * @param diceMean mean of the per-study Dice over studies where it is defined
 * @param perStudy one entry per study, in input order
 */
public record EvaluationReport(
        double threshold, int studies, int lesions, int detectedLesions, int falsePositives, FrocCurve froc,
        double sliceAuc, long positiveSlices, long negativeSlices, double dicePooled, double diceMean,
        List<StudyResult> perStudy) {

    public EvaluationReport {
        perStudy = List.copyOf(perStudy);
    }

    /** Lesions detected / lesions at the detection threshold. */
    public double sensitivity() {
        return lesions == 0 ? Double.NaN : (double) detectedLesions / lesions;
    }

    public double falsePositivesPerStudy() {
        return studies == 0 ? Double.NaN : (double) falsePositives / studies;
    }

    /** Writes {@link #toJson()} to {@code target} atomically. */
    public void writeJson(Path target) throws IOException {
        AtomicFiles.writeString(target, toJson());
    }

    /** The report as JSON; undefined values (NaN) are null. No patient names or IDs. */
    public String toJson() {
        Json j = new Json().beginObject();
        j.key("hit_rule").value(HitRule.DESCRIPTION);
        j.key("threshold").value(threshold);
        j.key("studies").value(studies);
        j.key("lesions").value(lesions);
        j.key("detected_lesions").value(detectedLesions);
        j.key("sensitivity").value(sensitivity());
        j.key("false_positives").value(falsePositives);
        j.key("false_positives_per_study").value(falsePositivesPerStudy());
        frocJson(j.key("froc"));
        j.key("slice_roc_auc").value(sliceAuc);
        j.key("positive_slices").value(positiveSlices);
        j.key("negative_slices").value(negativeSlices);
        j.key("dice_pooled").value(dicePooled);
        j.key("dice_mean_per_study").value(diceMean);
        j.key("per_study").beginArray();
        for (StudyResult s : perStudy) {
            studyJson(j, s);
        }
        j.endArray();
        return j.endObject().toString();
    }

    private void frocJson(Json j) {
        j.beginObject();
        j.key("fp_per_study_rates").array(FrocCurve.STANDARD_FP_RATES);
        j.key("sensitivity_at_rates").array(froc.standardSensitivities());
        j.key("average_sensitivity").value(froc.averageSensitivity());
        j.key("thresholds").array(froc.thresholds());
        j.key("sensitivity").array(froc.sensitivity());
        j.key("fp_per_study").array(froc.fpPerStudy());
        j.endObject();
    }

    private static void studyJson(Json j, StudyResult s) {
        j.beginObject();
        j.key("study").value(s.study());
        j.key("series").value(s.series());
        j.key("lesions").value(s.lesions());
        j.key("detected_lesions").value(s.detectedLesions());
        j.key("false_positives").value(s.falsePositives());
        j.key("findings").value(s.findings());
        j.key("annotated_voxels").value(s.annotatedVoxels());
        j.key("detected_voxels").value(s.detectedVoxels());
        j.key("overlap_voxels").value(s.overlapVoxels());
        j.key("dice").value(s.dice());
        j.endObject();
    }
}
