package org.tumorj.spark;

import java.nio.file.Path;
import org.tumorj.cli.CliCommand;
import org.tumorj.cli.CliException;
import org.tumorj.cli.DetectionChoices;
import org.tumorj.pipeline.BatchDetection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

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
@Command(name = "batch", description = {"Detect on Apache Spark: one task per study, detect's files per study (docs/scale-out.md).",
    "Spark's jars are fetched by the launcher on first use; exit status as detect's."})
public final class SparkBatchCommand implements CliCommand {
    static final String SPARK_SESSION = "org.apache.spark.sql.SparkSession";

    @Option(names = "--spark", paramLabel = "MASTER",
            description = "Run Spark embedded with this master (local[*]); without it, on the cluster spark-submit names.")
    String master;

    @Option(names = "--model", required = true, paramLabel = "MODEL_DIR", description = "The trained model bundle.")
    Path model;

    @Option(names = "--input", required = true, paramLabel = "DIR|MANIFEST.csv|LIST.txt",
            description = {"A folder of study folders, a manifest CSV with a path column, or a text file of study folders;",
                "a local path or a URI (hdfs://, s3a://, file://) read through Hadoop's file systems."})
    String input;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Where the per-study folders and the tables go: a local path or a URI (hdfs://, s3a://, file://).")
    String out;

    @Option(names = "--studies-per-task", paramLabel = "N", description = "Studies per Spark task (default: ${DEFAULT-VALUE}).")
    int studiesPerTask = 1;

    @Option(names = "--evaluate", description = {"Score the detector on a folder of annotated studies instead, as evaluate does:",
        "evaluation.json (the pooled FROC, slice AUC and Dice) and evaluation.csv (one row per study) in --out."})
    boolean evaluate;

    @Option(names = "--threshold", paramLabel = "P",
            description = "With --evaluate: score threshold for the report's operating point; default (0): the model's own.")
    double threshold;

    @Mixin DetectionChoices choices;

    @Override
    public Integer call() throws Exception {
        String salt = choices.deidentifySalt();
        if (evaluate) {
            return evaluate(salt);
        }
        SparkBatchDetection.Request request;
        try {
            request = new SparkBatchDetection.Request(model, input, out, choices.series(), choices.includePatientId(),
                    salt, choices.allowOtherSeries(), choices.candidates(), choices.skipDone(), studiesPerTask);
        } catch (IllegalArgumentException e) {
            throw new CliException("--" + e.getMessage());
        }
        requireSpark();
        return SparkBatchRun.run(master, request, System.out);
    }

    private Integer evaluate(String salt) throws Exception {
        if (HadoopFiles.isUri(input) || HadoopFiles.isUri(out)) {
            throw new CliException("--evaluate reads a local folder of annotated studies and writes a local folder;"
                    + " give paths, not URIs");
        }
        if (studiesPerTask < 1) {
            throw new CliException("--studies per task: " + studiesPerTask + "; give 1 or more");
        }
        requireSpark();
        return SparkBatchRun.evaluate(master, model, Path.of(input), Path.of(out), new SparkBatchEvaluation.Settings(
                model.toAbsolutePath().toString(), choices.series(), choices.allowOtherSeries(), threshold, salt),
                studiesPerTask, System.out);
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
