package org.tumorj.spark;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.spark.SparkEnv;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.SparkSession;
import org.tumorj.annotation.RoiSetZip;
import org.tumorj.api.TumorJ;
import org.tumorj.evaluation.DetectionEvaluation;
import org.tumorj.evaluation.EvaluationReport;
import org.tumorj.metrics.StudyResult;
import org.tumorj.pipeline.BatchDetection;
import org.tumorj.util.AtomicFiles;
import org.tumorj.util.Progress;

/**
 * Batch evaluation as a Spark job ({@code ./tumorj batch --evaluate}): each annotated study of a
 * folder is detected and scored against its annotations on an executor, one task per study, as
 * {@code ./tumorj evaluate} scores it; the driver pools the studies' scores, in the folder's
 * order, into {@code evaluate}'s report ({@value #REPORT}: FROC, slice ROC AUC, Dice, one entry per
 * study, the same JSON) and writes one row per study ({@value #TABLE}). A study that cannot be
 * read is a failed row with its reason and is left out of the pooled figures; the others go on.
 */
final class SparkBatchEvaluation {
    static final String REPORT = "evaluation.json";
    static final String TABLE = "evaluation.csv";
    static final String TABLE_HEADER =
            "study,status,lesions,detected_lesions,false_positives,findings,dice,reason,seconds,executor";

    private SparkBatchEvaluation() {}

    /** What the job gives: the pooled report (of the studies scored) and one row per study, in order. */
    record Result(EvaluationReport report, List<Evaluated> rows) {
        long failed() {
            return rows.stream().filter(r -> r.scores() == null).count();
        }
    }

    /** One study's scores (null when it failed, with the reason), as a task reports it. */
    record Evaluated(int index, String study, DetectionEvaluation.StudyScores scores, String reason, double seconds,
            String executor) implements Serializable {}

    /** What every task needs to score as {@code evaluate} would. */
    record Settings(String model, String series, boolean allowOtherSeries, double threshold, String deidentifySalt)
            implements Serializable {}

    static Result run(SparkSession spark, Path model, Path studies, Path output, Settings settings, int studiesPerTask,
            Progress progress) throws IOException {
        TumorJ.checkModel(model);
        List<Path> folders = TumorJ.evaluationStudies(studies);
        AtomicFiles.checkWritable(output, false);
        BatchDetection.prepareOutput(output, progress);
        List<StudyTask> tasks = new ArrayList<>();
        for (int i = 0; i < folders.size(); i++) {
            tasks.add(new StudyTask(i, folders.size(), folders.get(i).toAbsolutePath().toString()));
        }
        int partitions = (folders.size() + studiesPerTask - 1) / studiesPerTask;
        progress.log("batch evaluation: " + folders.size() + " annotated studies in " + partitions + " Spark task(s) on "
                + spark.sparkContext().master());
        List<Evaluated> rows = new ArrayList<>(JavaSparkContext.fromSparkContext(spark.sparkContext())
                .parallelize(tasks, partitions).mapPartitions(new EvaluateStudies(settings)).collect());
        rows.sort(Comparator.comparingInt(Evaluated::index));
        EvaluationReport report = TumorJ.pooledEvaluation(rows.stream().map(Evaluated::scores)
                .filter(s -> s != null).toList());
        report.writeJson(output.resolve(REPORT));
        AtomicFiles.writeString(output.resolve(TABLE), table(rows));
        return new Result(report, rows);
    }

    /** One row per study, in the batch's order. */
    static String table(List<Evaluated> rows) {
        StringBuilder out = new StringBuilder(TABLE_HEADER).append('\n');
        for (Evaluated e : rows) {
            StudyResult r = e.scores() == null ? null : e.scores().result();
            out.append(String.join(",", BatchDetection.cell(e.study()), r == null ? "failed" : "complete",
                    r == null ? "" : String.valueOf(r.lesions()), r == null ? "" : String.valueOf(r.detectedLesions()),
                    r == null ? "" : String.valueOf(r.falsePositives()), r == null ? "" : String.valueOf(r.findings()),
                    r == null || Double.isNaN(r.dice()) ? "" : String.format(Locale.ROOT, "%.4f", r.dice()),
                    BatchDetection.cell(e.reason()), String.format(Locale.ROOT, "%.3f", e.seconds()),
                    BatchDetection.cell(e.executor()))).append('\n');
        }
        return out.toString();
    }

    /** The work of one task: its studies scored with the executor's model ({@link ModelCache}). */
    static final class EvaluateStudies implements FlatMapFunction<Iterator<StudyTask>, Evaluated> {
        private static final long serialVersionUID = 1L;
        private final Settings settings;

        EvaluateStudies(Settings settings) {
            this.settings = settings;
        }

        @Override
        public Iterator<Evaluated> call(Iterator<StudyTask> tasks) {
            boolean[] openedNow = {false};
            TumorJ.OpenedModel model = tasks.hasNext() ? ModelCache.get(Path.of(settings.model()), openedNow).model() : null;
            TumorJ.Evaluation request = new TumorJ.Evaluation(Path.of(settings.model()), null, null, settings.series(),
                    settings.allowOtherSeries(), settings.threshold(), settings.deidentifySalt(), RoiSetZip.NO_GROUP_NAMES);
            TumorJ.FolderDetection naming = new TumorJ.FolderDetection(Path.of(settings.model()), null, null, null, false,
                    settings.deidentifySalt(), false, false, false);
            SparkEnv env = SparkEnv.get();
            String executor = env == null ? "" : env.executorId();
            List<Evaluated> rows = new ArrayList<>();
            while (tasks.hasNext()) {
                StudyTask task = tasks.next();
                Path study = Path.of(task.path());
                String label = TumorJ.studyLabel(model, naming, study);
                long start = System.nanoTime();
                DetectionEvaluation.StudyScores scores = null;
                String reason = "";
                try {
                    scores = TumorJ.evaluateStudy(model, request, study, Progress.none());
                } catch (IOException | RuntimeException e) {
                    String message = String.valueOf(e.getMessage());
                    // de-identified: neither the study's path nor its folder name in the reason
                    reason = settings.deidentifySalt() == null || settings.deidentifySalt().isBlank() ? message
                            : message.replace(study.toString(), "<" + label + ">")
                                    .replace(study.getFileName().toString(), "<" + label + ">");
                }
                String line = task.position() + " " + label + ": " + (scores == null ? "failed: " + reason
                        : scores.result().detectedLesions() + "/" + scores.result().lesions() + " lesions detected, "
                                + scores.result().falsePositives() + " false positive(s)");
                System.err.println("tumorj: " + line.replace('\n', ' ').replace('\r', ' '));
                rows.add(new Evaluated(task.index(), label, scores, reason, (System.nanoTime() - start) / 1e9, executor));
            }
            return rows.iterator();
        }
    }
}
