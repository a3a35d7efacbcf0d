package org.tumorj.spark;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.tumorj.api.TumorJ;
import org.tumorj.util.Progress;

/**
 * One {@code batch} run: a Spark session (embedded when a master is given, else the one
 * {@code spark-submit} configured), the job, its summary line, and the session stopped after.
 */
final class SparkBatchRun {
    private SparkBatchRun() {}

    static int run(String master, SparkBatchDetection.Request request, PrintStream out) throws IOException {
        // a wrong path fails before Spark starts
        List<String> studies = SparkBatchDetection.plan(request, HadoopFiles.configuration(new SparkConf()));
        boolean embedded = master != null && !master.isBlank();
        // local: the driver is the executor, so its model loads while the session starts
        Thread preload = isLocal(master) && !studies.isEmpty() ? ModelCache.preload(request.model()) : null;
        SparkSession.Builder builder = SparkSession.builder().appName("TumorJ batch detection")
                .config("spark.ui.showConsoleProgress", "false");
        if (embedded) {
            builder = builder.master(master).config("spark.ui.enabled", "false");
        }
        SparkSession spark;
        try {
            spark = builder.getOrCreate();
        } catch (RuntimeException e) {
            closeModels(preload, embedded);
            throw e;
        }
        try {
            SparkBatchDetection.Result result = SparkBatchDetection.run(spark, request, studies, log(out));
            String where = HadoopFiles.isUri(request.output()) ? request.output()
                    : Path.of(request.output()).toAbsolutePath().toString();
            out.println(result + "; results in " + where + " (" + BatchTables.FINDINGS
                    + ", " + BatchTables.STUDIES + ", Parquet beside them)");
            return SparkBatchCommand.exitStatus(result);
        } finally {
            spark.stop();
            closeModels(preload, embedded);
        }
    }

    /** Whether {@code master} runs the executors in this JVM ({@code local}, {@code local[N]}, {@code local[*]}). */
    static boolean isLocal(String master) {
        return master != null && (master.equals("local") || master.startsWith("local["));
    }

    /** The models an embedded run opened (its driver was the executor) go with its session; a preload is waited for first. */
    private static void closeModels(Thread preload, boolean embedded) {
        boolean interrupted = false;
        while (preload != null && preload.isAlive()) { // closing before it ends would leave its model open
            try {
                preload.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (embedded) {
            ModelCache.closeAll();
        }
    }

    /** A {@code batch --evaluate} run: exit status 0 when every study was scored, 1 when one failed. */
    static int evaluate(String master, Path model, Path studies, Path output, SparkBatchEvaluation.Settings settings,
            int studiesPerTask, PrintStream out) throws IOException {
        TumorJ.checkModel(model); // a wrong model fails before Spark starts
        TumorJ.evaluationStudies(studies);
        SparkSession spark = session(master);
        try {
            SparkBatchEvaluation.Result result = SparkBatchEvaluation.run(spark, model, studies, output, settings,
                    studiesPerTask, log(out));
            out.println("held-out evaluation: " + TumorJ.summary(result.report()) + "; " + result.failed()
                    + " study(ies) failed; results in " + output.toAbsolutePath() + " (" + SparkBatchEvaluation.REPORT
                    + ", " + SparkBatchEvaluation.TABLE + ")");
            return result.failed() > 0 ? 1 : 0;
        } finally {
            spark.stop();
            if (master != null && !master.isBlank()) {
                ModelCache.closeAll();
            }
        }
    }

    private static SparkSession session(String master) {
        SparkSession.Builder builder = SparkSession.builder().appName("TumorJ batch")
                .config("spark.ui.showConsoleProgress", "false");
        if (master != null && !master.isBlank()) {
            builder = builder.master(master).config("spark.ui.enabled", "false");
        }
        return builder.getOrCreate();
    }

    private static Progress log(PrintStream out) {
        return new Progress() {
            @Override public void update(String step, long done, long total) {}
            @Override public boolean isCancelled() { return false; }
            @Override public void log(String message) { out.println(message); }
        };
    }
}
