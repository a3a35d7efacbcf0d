package org.tumorj.spark;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopStreams;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A table CSV (RFC 4180, a header line) written as one Parquet file by the driver with
 * parquet-hadoop, without a Spark SQL query: the file Spark's {@code read().schema(s).csv(..)
 * .write().parquet(..)} gives, read back with the same schema and rows (nullable columns, an
 * empty cell null, Spark's schema in the file's metadata), for tables of kilobytes that Spark SQL
 * took seconds to plan and compile on a cold JVM.
 */
final class ParquetTable {
    /** The part file's name, as Spark numbers a single partition's. */
    static final String PART = "part-00000.snappy.parquet";
    /** The empty marker Spark's committer leaves in a finished Parquet folder. */
    static final String SUCCESS = "_SUCCESS";
    /** Where Spark keeps a table's schema in its Parquet files, read back first by {@code spark.read().parquet}. */
    private static final String SPARK_SCHEMA = "org.apache.spark.sql.parquet.row.metadata";

    private ParquetTable() {}

    /** Writes {@code csv}'s rows into the folder {@code dir} (which exists) as {@value #PART}, then {@value #SUCCESS}. */
    static void write(String csv, StructType schema, FileSystem fs, Path dir) throws IOException {
        MessageType type = messageType(schema);
        SimpleGroupFactory groups = new SimpleGroupFactory(type);
        try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(outputFile(fs, new Path(dir, PART)))
                .withConf(new Configuration(false)).withType(type).withCompressionCodec(CompressionCodecName.SNAPPY)
                .withExtraMetaData(Map.of(SPARK_SCHEMA, schema.json())).withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .build()) {
            List<List<String>> records = Csv.records(csv);
            for (int r = 1; r < records.size(); r++) { // record 0 is the header
                try {
                    writer.write(row(groups.newGroup(), schema, records.get(r)));
                } catch (IOException e) {
                    throw new IOException(new Path(dir, PART) + ", row " + r + ": " + e.getMessage(), e);
                }
            }
        }
        fs.create(new Path(dir, SUCCESS), true).close();
    }

    /** Spark's Parquet schema for {@code schema}: every column optional, text as UTF-8 strings. */
    static MessageType messageType(StructType schema) {
        Types.MessageTypeBuilder message = Types.buildMessage();
        for (StructField f : schema.fields()) {
            DataType t = f.dataType();
            if (t.equals(DataTypes.StringType)) {
                message.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(f.name());
            } else if (t.equals(DataTypes.LongType)) {
                message.optional(PrimitiveTypeName.INT64).named(f.name());
            } else if (t.equals(DataTypes.IntegerType)) {
                message.optional(PrimitiveTypeName.INT32).named(f.name());
            } else if (t.equals(DataTypes.DoubleType)) {
                message.optional(PrimitiveTypeName.DOUBLE).named(f.name());
            } else {
                throw new IllegalArgumentException(f.name() + ": no Parquet column for " + t);
            }
        }
        return message.named("spark_schema");
    }

    /** One CSV record as a row: an empty cell is null, as Spark's CSV reader takes it. */
    private static Group row(Group g, StructType schema, List<String> cells) throws IOException {
        StructField[] fields = schema.fields();
        if (cells.size() != fields.length) {
            // No cell contents in the message: rows may hold patient IDs and study names.
            throw new IOException(cells.size() + " cells, not " + fields.length + " as the table's columns");
        }
        for (int i = 0; i < fields.length; i++) {
            String cell = cells.get(i);
            if (!cell.isEmpty()) {
                add(g, fields[i], cell);
            }
        }
        return g;
    }

    private static void add(Group g, StructField f, String cell) throws IOException {
        DataType t = f.dataType();
        try {
            if (t.equals(DataTypes.StringType)) {
                g.add(f.name(), cell);
            } else if (t.equals(DataTypes.LongType)) {
                g.add(f.name(), Long.parseLong(cell));
            } else if (t.equals(DataTypes.IntegerType)) {
                g.add(f.name(), Integer.parseInt(cell));
            } else {
                g.add(f.name(), number(cell));
            }
        } catch (NumberFormatException e) {
            throw new IOException("column " + f.name() + " is not a number"); // not the cell: it may be identifying
        }
    }

    /** A decimal as Spark's CSV reader reads it ({@code NaN}, {@code Inf} and {@code -Inf} included). */
    private static double number(String cell) {
        return switch (cell) {
            case "Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(cell);
        };
    }

    /** The file on {@code fs} as parquet-hadoop writes it (on the raw local file system: no {@code .crc} beside it). */
    private static OutputFile outputFile(FileSystem fs, Path file) {
        return new OutputFile() {
            @Override public PositionOutputStream create(long blockSizeHint) throws IOException {
                return HadoopStreams.wrap(fs.create(file, false));
            }
            @Override public PositionOutputStream createOrOverwrite(long blockSizeHint) throws IOException {
                return HadoopStreams.wrap(fs.create(file, true));
            }
            @Override public boolean supportsBlockSize() { return false; }
            @Override public long defaultBlockSize() { return 0; }
        };
    }

    /** RFC 4180 records: cells split at commas outside quotes, {@code ""} inside quotes a quote. */
    static final class Csv {
        private Csv() {}

        static List<List<String>> records(String text) {
            List<List<String>> records = new ArrayList<>();
            List<String> record = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (quoted) {
                    if (c != '"') {
                        cell.append(c);
                    } else if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    record.add(cell.toString());
                    cell.setLength(0);
                } else if (c == '\n' || c == '\r') {
                    if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                    record.add(cell.toString());
                    cell.setLength(0);
                    records.add(record);
                    record = new ArrayList<>();
                } else {
                    cell.append(c);
                }
            }
            if (cell.length() > 0 || !record.isEmpty()) {
                record.add(cell.toString());
                records.add(record);
            }
            return records;
        }
    }
}
