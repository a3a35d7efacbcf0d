package org.tumorj.spark;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
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
    /** Temporary names older than this in an output on Hadoop's file systems were left by killed runs. */
    private static final Duration LEFTOVER_AGE = Duration.ofMinutes(10);

    private SparkBatchDetection() {}

    /**
     * A batch: the options of {@code ./tumorj detect}, and how many studies one task takes.
     *
     * @param input a folder of studies, a manifest CSV with a {@code path} column, or a text file
     *     of study paths (one a line): a local path, or a URI for Hadoop's file systems
     *     ({@code hdfs://}, {@code s3a://}, {@code file://})
     * @param output the folder of the studies' folders and the tables: a local path or a URI
     * @param skipExisting leave studies whose outputs are complete (a failed job resumes)
     * @param studiesPerTask studies per Spark task: 1 spreads best, a few amortise task start-up
     */
    public record Request(Path model, String input, String output, String series, boolean includePatientId,
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
     * @param hadoop Hadoop's configuration, for an input or output given as a URI
     * @return the batch's studies, in order: absolute local paths, or URIs
     * @throws IOException naming the model, input or output and what is wrong with it
     */
    public static List<String> plan(Request r, Configuration hadoop) throws IOException {
        TumorJ.checkModel(r.model());
        List<String> studies = StudyInputs.resolve(r.input(), hadoop);
        if (HadoopFiles.isUri(r.output())) {
            HadoopFiles.checkWritable(r.output(), hadoop);
        } else {
            AtomicFiles.checkWritable(Path.of(r.output()), false);
        }
        return studies;
    }

    /** Plans the batch ({@link #plan}), then runs it. */
    public static Result run(SparkSession spark, Request r, Progress progress) throws IOException {
        return run(spark, r, plan(r, spark.sparkContext().hadoopConfiguration()), progress);
    }

    /** Runs a planned batch: its studies on the executors, then its tables on the driver. */
    public static Result run(SparkSession spark, Request r, List<String> studies, Progress progress) throws IOException {
        long start = System.nanoTime();
        String output = prepareOutput(spark, r.output(), progress);
        List<StudyTask> tasks = new ArrayList<>();
        for (int i = 0; i < studies.size(); i++) {
            tasks.add(new StudyTask(i, studies.size(), studies.get(i)));
        }
        int partitions = (studies.size() + r.studiesPerTask() - 1) / r.studiesPerTask();
        progress.log("batch: " + studies.size() + " studies in " + partitions + " Spark task(s) on "
                + spark.sparkContext().master());
        JobSettings settings = new JobSettings(r.model().toAbsolutePath().toString(), output, r.series(), r.includePatientId(), r.deidentifySalt(),
                r.allowOtherSeries(), r.candidates(), r.skipExisting());
        List<StudyRow> rows = new ArrayList<>(JavaSparkContext.fromSparkContext(spark.sparkContext())
                .parallelize(tasks, partitions).mapPartitions(new DetectStudies(settings)).collect());
        rows.sort(Comparator.comparingInt(StudyRow::index));
        long tables = System.nanoTime();
        BatchTables.write(spark, output, rows, r.includePatientId());
        long end = System.nanoTime();
        return new Result(rows, (end - start) / 1e9, (end - tables) / 1e9);
    }

    /**
     * Creates the output folder and removes what killed jobs left there long ago, as
     * {@code detect} does; returns it as the executors are to see it (an absolute path, or the URI).
     */
    private static String prepareOutput(SparkSession spark, String output, Progress progress) throws IOException {
        if (!HadoopFiles.isUri(output)) {
            BatchDetection.prepareOutput(Path.of(output), progress);
            return Path.of(output).toAbsolutePath().toString();
        }
        org.apache.hadoop.fs.Path out = HadoopFiles.path(output);
        FileSystem fs = HadoopFiles.fileSystem(out, spark.sparkContext().hadoopConfiguration());
        fs.mkdirs(out);
        int stale = HadoopFiles.removeLeftovers(fs, out, LEFTOVER_AGE);
        if (stale > 0) {
            progress.log("removed " + stale + " unfinished output(s) left by an earlier, interrupted run");
        }
        return output;
    }
}
