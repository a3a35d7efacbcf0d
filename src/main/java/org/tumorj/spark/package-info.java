/**
 * Batch detection on Apache Spark (issue 17): a folder, a list of study paths or a manifest CSV
 * spread over executors, one task per study (or per small group), each executor process opening
 * the model bundle once ({@link org.tumorj.spark.ModelCache}); per study the files of
 * {@code ./tumorj detect}, written atomically and skipped when complete, so a failed job resumes;
 * all findings as one table (CSV and Parquet) and one row per study with its status, reason and
 * timings. Studies and outputs given as Hadoop URIs ({@code hdfs://}, {@code s3a://},
 * {@code file://}) are staged per study through a local folder ({@link org.tumorj.spark.HadoopFiles});
 * {@code batch --evaluate} scores annotated studies per task and pools them into
 * {@code ./tumorj evaluate}'s report ({@link org.tumorj.spark.SparkBatchEvaluation}).
 * {@code ./tumorj batch --spark local[*]} runs it on this machine; {@code spark-submit}
 * runs the same jar on a cluster (docs/scale-out.md).
 *
 * <p>Last in the flow: it uses the core only through {@code org.tumorj.api.TumorJ} and the
 * command line's {@link org.tumorj.cli.CliCommand}, and nothing depends on it, so the plugin jar
 * and the plain command line run without Spark (a {@code provided} dependency, absent from
 * {@code target/lib} and Fiji). The {@code batch} command is found through a service file and
 * says how to get Spark when its jars are missing.
 */
package org.tumorj.spark;
