package org.tumorj.spark;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.tumorj.api.TumorJ;
import org.tumorj.pipeline.BatchDetection;
import org.tumorj.util.AtomicFiles;
import org.tumorj.util.Progress;

/**
 * Batch detection as a Spark job. On the driver, before any executor starts: the model bundle is
 * checked, the studies are listed (folder, list or manifest) and the output folder is checked,
 * so a wrong path fails at once with its name. Then one task per study (or per
 * {@code studiesPerTask} studies) runs {@link DetectStudies} on the executors, and the driver
 * writes the batch's tables ({@link BatchTables}).
 */
public final class SparkBatchDetection {
    private SparkBatchDetection() {}

    /**
     * A batch: the options of {@code ./tumorj detect}, and how many studies one task takes.
     *
     * @param input a folder of studies, a manifest CSV with a {@code path} column, or a text file
     *     of study paths (one a line)
     * @param skipExisting leave studies whose outputs are complete (a failed job resumes)
     * @param studiesPerTask studies per Spark task: 1 spreads best, a few amortise task start-up
     */
    public record Request(Path model, Path input, Path output, String series, boolean includePatientId,
            String deidentifySalt, boolean allowOtherSeries, boolean candidates, boolean skipExisting,
            int studiesPerTask) {
        public Request {
            if (studiesPerTask < 1) {
                throw new IllegalArgumentException("studies per task: " + studiesPerTask + "; give 1 or more");
            }
        }
    }

    /**
     * What the job did.
     *
     * @param rows one per study, in the batch's order
     * @param seconds the job's wall time on the driver, from the output's preparation to the tables
     * @param tablesSeconds of which writing the tables (CSV, then Parquet through Spark)
     */
    public record Result(List<StudyRow> rows, double seconds, double tablesSeconds) {
        public long count(String status) {
            return rows.stream().filter(r -> r.status().equals(status)).count();
        }

        @Override
        public String toString() {
            return rows.size() + " studies: " + count(BatchDetection.StudyResult.COMPLETE) + " complete, "
                    + count(BatchDetection.StudyResult.PARTIAL) + " partial (files unreadable or slices missing), "
                    + count(BatchDetection.StudyResult.DONE_EARLIER) + " skipped (already done), "
                    + count(BatchDetection.StudyResult.FAILED) + " failed, in " + String.format(Locale.ROOT, "%.1f", seconds)
                    + " s (tables " + String.format(Locale.ROOT, "%.1f", tablesSeconds) + " s)";
        }
    }

    /**
     * What the driver checks before a Spark session or executor starts: the model bundle is
     * readable, the input lists studies, the output folder can be written.
     *
     * @return the batch's studies, in order
     * @throws IOException naming the model, input or output and what is wrong with it
     */
    public static List<Path> plan(Request r) throws IOException {
        TumorJ.checkModel(r.model());
        List<Path> studies = StudyInputs.resolve(r.input());
        AtomicFiles.checkWritable(r.output(), false);
        return studies;
    }

    /** Plans the batch ({@link #plan}), then runs it. */
    public static Result run(SparkSession spark, Request r, Progress progress) throws IOException {
        return run(spark, r, plan(r), progress);
    }

    /** Runs a planned batch: its studies on the executors, then its tables on the driver. */
    public static Result run(SparkSession spark, Request r, List<Path> studies, Progress progress) throws IOException {
        long start = System.nanoTime();
        BatchDetection.prepareOutput(r.output(), progress);
        List<StudyTask> tasks = new ArrayList<>();
        for (int i = 0; i < studies.size(); i++) {
            tasks.add(new StudyTask(i, studies.size(), studies.get(i).toAbsolutePath().toString()));
        }
        int partitions = (studies.size() + r.studiesPerTask() - 1) / r.studiesPerTask();
        progress.log("batch: " + studies.size() + " studies in " + partitions + " Spark task(s) on "
                + spark.sparkContext().master());
        JobSettings settings = new JobSettings(r.model().toAbsolutePath().toString(),
                r.output().toAbsolutePath().toString(), r.series(), r.includePatientId(), r.deidentifySalt(),
                r.allowOtherSeries(), r.candidates(), r.skipExisting());
        List<StudyRow> rows = new ArrayList<>(JavaSparkContext.fromSparkContext(spark.sparkContext())
                .parallelize(tasks, partitions).mapPartitions(new DetectStudies(settings)).collect());
        rows.sort(Comparator.comparingInt(StudyRow::index));
        long tables = System.nanoTime();
        BatchTables.write(spark, r.output(), rows, r.includePatientId());
        long end = System.nanoTime();
        return new Result(rows, (end - start) / 1e9, (end - tables) / 1e9);
    }
}
