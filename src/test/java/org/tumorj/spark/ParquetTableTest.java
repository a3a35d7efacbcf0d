package org.tumorj.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The batch tables' Parquet, written without Spark SQL: cells, nulls and types as Spark's CSV reader takes them. */
class ParquetTableTest {
    private static final StructType SCHEMA = new StructType().add("study", DataTypes.StringType)
            .add("findings", DataTypes.IntegerType).add("id", DataTypes.LongType).add("score", DataTypes.DoubleType);

    @TempDir Path tmp;

    @Test
    void csvRecordsFollowRfc4180() {
        List<List<String>> r = ParquetTable.Csv.records("a,b\n\"x, \"\"y\"\"\",\n\"two\nlines\",3\r\n");
        assertEquals(List.of(List.of("a", "b"), List.of("x, \"y\"", ""), List.of("two\nlines", "3")), r);
    }

    @Test
    void rowsAreTypedAndEmptyCellsNull() throws IOException {
        String csv = "study,findings,id,score\n\"'=a, b\",3,12,0.5\nc,,,NaN\nd,0,1,-Inf\n";
        org.apache.hadoop.fs.Path dir = new org.apache.hadoop.fs.Path(tmp.toUri());
        FileSystem fs = HadoopFiles.fileSystem(dir, new Configuration());
        ParquetTable.write(csv, SCHEMA, fs, dir);

        assertTrue(Files.isRegularFile(tmp.resolve(ParquetTable.SUCCESS)));
        try (var files = Files.list(tmp)) {
            assertFalse(files.anyMatch(f -> f.getFileName().toString().endsWith(".crc")), "no .crc side files");
        }
        org.apache.hadoop.fs.Path part = new org.apache.hadoop.fs.Path(dir, ParquetTable.PART);
        try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(part, new Configuration()))) {
            assertEquals(ParquetTable.messageType(SCHEMA), reader.getFileMetaData().getSchema());
            assertEquals(SCHEMA.json(), reader.getFileMetaData().getKeyValueMetaData()
                    .get("org.apache.spark.sql.parquet.row.metadata"));
        }
        List<Group> rows = new ArrayList<>();
        try (ParquetReader<Group> reader = ParquetReader.builder(new GroupReadSupport(), part).build()) {
            for (Group g = reader.read(); g != null; g = reader.read()) {
                rows.add(g);
            }
        }
        assertEquals(3, rows.size());
        assertEquals("'=a, b", rows.get(0).getString("study", 0));
        assertEquals(3, rows.get(0).getInteger("findings", 0));
        assertEquals(12L, rows.get(0).getLong("id", 0));
        assertEquals(0.5, rows.get(0).getDouble("score", 0));
        assertEquals(0, rows.get(1).getFieldRepetitionCount("findings"), "an empty cell is null");
        assertEquals(0, rows.get(1).getFieldRepetitionCount("id"));
        assertTrue(Double.isNaN(rows.get(1).getDouble("score", 0)));
        assertEquals(Double.NEGATIVE_INFINITY, rows.get(2).getDouble("score", 0));
    }

    @Test
    void aRowOfTheWrongWidthOrANonNumberIsRefused() {
        org.apache.hadoop.fs.Path dir = new org.apache.hadoop.fs.Path(tmp.toUri());
        IOException shortRow = assertThrows(IOException.class, () -> ParquetTable.write(
                "study,findings,id,score\nPAT-SECRET-42,1\n", SCHEMA, HadoopFiles.fileSystem(dir, new Configuration()), dir));
        assertTrue(shortRow.getMessage().contains("row 1") && shortRow.getMessage().contains("part-"), shortRow.getMessage());
        assertFalse(shortRow.getMessage().contains("PAT-SECRET"), "no cell contents in the message: " + shortRow.getMessage());
        assertThrows(IOException.class, () -> ParquetTable.write("study,findings,id,score\na,x,1,1\n", SCHEMA,
                HadoopFiles.fileSystem(dir, new Configuration()), dir));
    }
}
