package org.tumorj.spark;

import java.util.List;
import java.util.Set;
import org.tumorj.cli.CliCommand;
import org.tumorj.cli.CliException;
import org.tumorj.cli.Options;
import org.tumorj.pipeline.BatchDetection;

/**
 * {@code ./tumorj batch [--spark MASTER] --model MODEL_DIR --input DIR|MANIFEST.csv|LIST.txt --out DIR}:
 * batch detection as a Spark job ({@link SparkBatchDetection}), embedded with
 * {@code --spark local[*]} or, without {@code --spark}, on the cluster {@code spark-submit}
 * names. The options of {@code detect} apply. Exit status as {@code detect}'s: 0 every study
 * complete (or done earlier), 3 some partial and none failed, 1 any failed.
 *
 * <p>This class names no Spark type, so {@code help} lists it with or without Spark's jars;
 * {@link SparkBatchRun} does the work once they are found.
 */
public final class SparkBatchCommand implements CliCommand {
    static final String SPARK_SESSION = "org.apache.spark.sql.SparkSession";

    @Override public String name() { return "batch"; }

    @Override public String summary() {
        return "detect on Apache Spark: --spark local[*] --model MODEL_DIR --input DIR|MANIFEST.csv --out DIR";
    }

    @Override
    public int run(List<String> args) throws Exception {
        Options o = Options.parse(args, Set.of("spark", "model", "input", "out", "series", "deidentify",
                "studies-per-task"), Set.of("redo", "include-patient-id", "allow-other-series", "candidates"));
        if (o.has("deidentify") && o.has("include-patient-id")) {
            throw new CliException("--deidentify and --include-patient-id contradict each other; choose one");
        }
        SparkBatchDetection.Request request;
        try {
            request = new SparkBatchDetection.Request(o.requirePath("model"), o.requirePath("input"),
                    o.requirePath("out"), o.get("series", null), o.has("include-patient-id"), o.get("deidentify", null),
                    o.has("allow-other-series"), o.has("candidates"), !o.has("redo"), o.getInt("studies-per-task", 1));
        } catch (IllegalArgumentException e) {
            throw new CliException("--" + e.getMessage());
        }
        requireSpark();
        return SparkBatchRun.run(o.get("spark", null), request, System.out);
    }

    private static void requireSpark() throws CliException {
        try {
            Class.forName(SPARK_SESSION, false, SparkBatchCommand.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new CliException("Apache Spark is not on the class path: run this through the launcher,"
                    + " ./tumorj batch ..., which fetches Spark's jars from Maven Central on first use; on a cluster,"
                    + " spark-submit --class org.tumorj.cli.TumorJCli target/TumorJ_.jar batch ... (docs/scale-out.md)");
        }
    }

    /** 0: every study complete or done earlier; 1: a study failed; 3: none failed but some were partial. */
    static int exitStatus(SparkBatchDetection.Result result) {
        return result.count(BatchDetection.StudyResult.FAILED) > 0 ? 1
                : result.count(BatchDetection.StudyResult.PARTIAL) > 0 ? 3 : 0;
    }
}
