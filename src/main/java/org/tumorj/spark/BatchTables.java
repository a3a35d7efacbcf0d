package org.tumorj.spark;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.tumorj.detect.DetectionsCsv;
import org.tumorj.pipeline.BatchDetection;
import org.tumorj.util.AtomicFiles;

/**
 * A batch's tables, for cohort analysis in Spark SQL or pandas: every finding of every study
 * ({@value #FINDINGS} / {@value #FINDINGS_PARQUET}, the columns of {@code detections.csv}) and one
 * row per study ({@value #STUDIES} / {@value #STUDIES_PARQUET}: status, reason, timings), with
 * column types given ({@link #findingsSchema}). The CSVs
 * are written whole or not at all; each Parquet folder is written beside and swapped in, by the
 * driver from the CSV text ({@link ParquetTable}: no Spark SQL query, which cost seconds of
 * planning and code generation for kilobytes).
 */
final class BatchTables {
    static final String FINDINGS = "findings.csv";
    static final String FINDINGS_PARQUET = "findings.parquet";
    static final String STUDIES = "studies.csv";
    static final String STUDIES_PARQUET = "studies.parquet";
    static final String STUDIES_HEADER = "study,status,findings,reason,seconds,model_load_seconds,executor";

    private BatchTables() {}

    static void write(SparkSession spark, Path output, List<StudyRow> rows, boolean includePatientId)
            throws IOException {
        String findings = findingsCsv(rows, includePatientId);
        AtomicFiles.writeString(output.resolve(FINDINGS), findings);
        String studies = studiesCsv(rows);
        AtomicFiles.writeString(output.resolve(STUDIES), studies);
        Configuration hadoop = spark.sparkContext().hadoopConfiguration();
        toParquet(hadoop, findings, findingsSchema(DetectionsCsv.header(includePatientId)), output.resolve(FINDINGS_PARQUET));
        toParquet(hadoop, studies, studiesSchema(), output.resolve(STUDIES_PARQUET));
    }

    /**
     * As {@link #write(SparkSession, Path, List, boolean)}, into an output folder given as a URI
     * (Hadoop's file systems): each table written under a temporary name, then renamed into place.
     */
    static void write(SparkSession spark, String output, List<StudyRow> rows, boolean includePatientId)
            throws IOException {
        if (!HadoopFiles.isUri(output)) {
            write(spark, Path.of(output), rows, includePatientId);
            return;
        }
        org.apache.hadoop.fs.Path out = HadoopFiles.path(output);
        FileSystem fs = HadoopFiles.fileSystem(out, spark.sparkContext().hadoopConfiguration());
        String findings = findingsCsv(rows, includePatientId);
        HadoopFiles.writeString(fs, new org.apache.hadoop.fs.Path(out, FINDINGS), findings);
        String studies = studiesCsv(rows);
        HadoopFiles.writeString(fs, new org.apache.hadoop.fs.Path(out, STUDIES), studies);
        toParquet(fs, findings, findingsSchema(DetectionsCsv.header(includePatientId)),
                new org.apache.hadoop.fs.Path(out, FINDINGS_PARQUET));
        toParquet(fs, studies, studiesSchema(), new org.apache.hadoop.fs.Path(out, STUDIES_PARQUET));
    }

    /** The CSV text as a Parquet folder of the given column types, written beside and renamed into place. */
    private static void toParquet(FileSystem fs, String csv, StructType schema, org.apache.hadoop.fs.Path parquet)
            throws IOException {
        org.apache.hadoop.fs.Path tmp = HadoopFiles.temporarySibling(parquet);
        try {
            fs.mkdirs(tmp);
            ParquetTable.write(csv, schema, fs, tmp);
            if (fs.exists(parquet)) {
                fs.delete(parquet, true);
            }
            if (!fs.rename(tmp, parquet)) {
                throw new IOException(parquet + ": could not be renamed into place");
            }
        } finally {
            fs.delete(tmp, true);
        }
    }

    /** Text columns of {@code detections.csv}; the others hold numbers. */
    private static final Set<String> TEXT = Set.of("study", "series", DetectionsCsv.PATIENT_ID);
    /** Its whole-number columns; the rest are decimals. */
    private static final Set<String> WHOLE = Set.of("finding_id", "slice_first", "slice_last", "slice_count",
            "voxels", "bbox_x_px", "bbox_y_px", "bbox_width_px", "bbox_height_px");

    /**
     * The findings' column types, given rather than inferred: inference reads the CSV once more,
     * and a column of a small batch could come out as whole numbers in one run and decimals in the
     * next.
     */
    static StructType findingsSchema(List<String> header) {
        StructType schema = new StructType();
        for (String column : header) {
            schema = schema.add(column, TEXT.contains(column) ? DataTypes.StringType
                    : WHOLE.contains(column) ? DataTypes.LongType : DataTypes.DoubleType);
        }
        return schema;
    }

    static StructType studiesSchema() {
        return new StructType().add("study", DataTypes.StringType).add("status", DataTypes.StringType)
                .add("findings", DataTypes.IntegerType).add("reason", DataTypes.StringType)
                .add("seconds", DataTypes.DoubleType).add("model_load_seconds", DataTypes.DoubleType)
                .add("executor", DataTypes.StringType);
    }

    /** The header of {@code detections.csv}, then each study's rows in the batch's order. */
    static String findingsCsv(List<StudyRow> rows, boolean includePatientId) {
        StringBuilder out = new StringBuilder(String.join(",", DetectionsCsv.header(includePatientId))).append('\n');
        rows.forEach(r -> out.append(r.findingsCsv()));
        return out.toString();
    }

    static String studiesCsv(List<StudyRow> rows) {
        StringBuilder out = new StringBuilder(STUDIES_HEADER).append('\n');
        for (StudyRow r : rows) {
            out.append(String.join(",", BatchDetection.cell(r.study()), r.status(), r.findings(),
                    BatchDetection.cell(r.reason()), seconds(r.seconds()), seconds(r.modelLoadSeconds()),
                    BatchDetection.cell(r.executor()))).append('\n');
        }
        return out.toString();
    }

    private static String seconds(double s) {
        return String.format(Locale.ROOT, "%.3f", s);
    }

    /** The CSV text as a Parquet folder of the given column types, swapped in whole. */
    private static void toParquet(Configuration hadoop, String csv, StructType schema, Path parquet) throws IOException {
        AtomicFiles.writeDirectory(parquet, dir -> {
            org.apache.hadoop.fs.Path at = new org.apache.hadoop.fs.Path(dir.toUri());
            ParquetTable.write(csv, schema, HadoopFiles.fileSystem(at, hadoop), at);
        });
    }
}
