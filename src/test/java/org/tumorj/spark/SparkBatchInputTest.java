package org.tumorj.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tumorj.cli.CliException;

/**
 * What {@code ./tumorj batch} checks on the driver before Spark starts (issue 17): a missing model
 * or an unreadable manifest fails at once, naming it; a manifest's and a list's paths are taken
 * from the file's own folder.
 */
class SparkBatchInputTest {
    @TempDir Path dir;

    @Test
    void aMissingModelFailsBeforeSparkStarts() throws IOException {
        Path studies = Files.createDirectories(dir.resolve("studies").resolve("A"));
        Path missing = dir.resolve("no-model");
        Exception e = assertThrows(IOException.class, () -> new SparkBatchCommand().run(List.of("--spark", "local[1]",
                "--model", missing.toString(), "--input", studies.getParent().toString(), "--out",
                dir.resolve("out").toString())));
        assertTrue(e.getMessage().startsWith(missing + ": no model bundle"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("out")), "nothing written");
    }

    @Test
    void aManifestWithoutAPathColumnIsRefusedNamingIt() throws IOException {
        Path manifest = Files.writeString(dir.resolve("cohort.csv"), "study,site\nA,1\n");
        IOException e = assertThrows(IOException.class, () -> StudyInputs.resolve(manifest));
        assertTrue(e.getMessage().startsWith(manifest + ": no 'path' column"), e.getMessage());
        Path empty = Files.writeString(dir.resolve("empty.csv"), "path\n");
        assertTrue(assertThrows(IOException.class, () -> StudyInputs.resolve(empty)).getMessage().contains("lists no study"));
        Path gone = dir.resolve("gone.csv");
        assertTrue(assertThrows(IOException.class, () -> StudyInputs.resolve(gone)).getMessage().startsWith(gone + ": "));
    }

    @Test
    void manifestAndListPathsAreTakenFromTheirOwnFolder() throws IOException {
        Path manifest = Files.writeString(dir.resolve("cohort.csv"), "site,path\n1,ct-0002\n2,\"/data/ct-0001\"\n");
        assertEquals(List.of(dir.resolve("ct-0002").toString(), "/data/ct-0001"), StudyInputs.resolve(manifest));
        Path list = Files.writeString(dir.resolve("studies.txt"), "# cohort 1\nct-0003\n\n  ct-0004  \n");
        assertEquals(List.of(dir.resolve("ct-0003").toString(), dir.resolve("ct-0004").toString()),
                StudyInputs.resolve(list));
        Path line3 = Files.writeString(dir.resolve("holes.csv"), "path,site\nct-1,1\n,2\n");
        assertTrue(assertThrows(IOException.class, () -> StudyInputs.resolve(line3)).getMessage()
                .contains("line 3 has no path"));
    }

    @Test
    void badOptionsAreTheUsersToFix() {
        assertThrows(CliException.class, () -> new SparkBatchCommand().run(List.of("--model", "m", "--input", "i",
                "--out", "o", "--studies-per-task", "0")));
        assertThrows(CliException.class, () -> new SparkBatchCommand().run(List.of("--model", "m", "--input", "i")));
    }

    /** Issue 13: a study folder named like a formula is text in the batch's tables, as in batch-summary.csv. */
    @Test
    void studyNamesInTheTablesAreNotFormulas() {
        StudyRow row = new StudyRow(0, "=HYPERLINK(1)", "failed", "", "-1 + 1", 1.0, 0, "@exec", "");
        String studies = BatchTables.studiesCsv(List.of(row));
        assertEquals("'=HYPERLINK(1),failed,,'-1 + 1,1.000,0.000,'@exec", studies.split("\n")[1]);
    }

    /** Issue 17: a location with a scheme goes through Hadoop's file systems; a plain path stays a local path. */
    @Test
    void urisAreTakenForHadoopAndPathsForTheLocalDisk() {
        for (String uri : List.of("hdfs://namenode:8020/cohort/manifest.csv", "s3a://bucket/studies", "file:///data/ct-1",
                "file:/data/ct-1", "abfss://c@account.dfs.core.windows.net/x")) {
            assertTrue(HadoopFiles.isUri(uri), uri);
        }
        for (String path : List.of("/data/ct-1", "ct-1", "relative/dir", "C:\\data\\ct-1", "weird:name", "")) {
            assertFalse(HadoopFiles.isUri(path), path);
        }
    }

    /**
     * Issue 17: an input given as a URI is read through Hadoop: a folder's subfolders in name order
     * (hidden ones left out), a manifest's relative paths from its own folder on the same file
     * system, its URIs as written; a missing one fails, naming it.
     */
    @Test
    void inputsGivenAsUrisAreListedThroughHadoop() throws IOException {
        Path studies = Files.createDirectories(dir.resolve("studies"));
        for (String s : List.of("ct-0002", "ct-0001", ".hidden", "_temporary")) {
            Files.createDirectories(studies.resolve(s));
        }
        Files.writeString(studies.resolve("notes.txt"), "not a study");
        Configuration conf = new Configuration();
        assertEquals(List.of("file:" + studies.resolve("ct-0001"), "file:" + studies.resolve("ct-0002")),
                StudyInputs.resolve(studies.toUri().toString(), conf));
        Path manifest = Files.writeString(dir.resolve("cohort.csv"), "path,site\nstudies/ct-0002,1\n"
                + "hdfs://nn/cohort/ct-9,2\n");
        assertEquals(List.of("file:" + studies.resolve("ct-0002"), "hdfs://nn/cohort/ct-9"),
                StudyInputs.resolve(manifest.toUri().toString(), conf));
        String gone = dir.resolve("gone").toUri().toString();
        assertTrue(assertThrows(IOException.class, () -> StudyInputs.resolve(gone, conf)).getMessage()
                .startsWith(gone + ": no such folder or file"));
    }

    /**
     * Issue 17: a study's outputs are copied back under a hidden temporary name and renamed into
     * place, replacing an older folder whole; the local file system writes no {@code .crc} files;
     * an output that is a file is refused before Spark starts, naming it.
     */
    @Test
    void outputsArePublishedWholeThroughHadoop() throws IOException {
        Path local = Files.createDirectories(dir.resolve("local").resolve("ANON-1"));
        Files.writeString(local.resolve("detections.csv"), "finding_id\n1\n");
        Files.createDirectories(local.resolve("sub"));
        Files.writeString(local.resolve("sub").resolve("preview.png"), "png");
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.createDirectories(out.resolve("ANON-1"));
        Files.writeString(out.resolve("ANON-1").resolve("stale.txt"), "from an older run");
        org.apache.hadoop.fs.Path target = HadoopFiles.path(out.resolve("ANON-1").toUri().toString());
        FileSystem fs = HadoopFiles.fileSystem(target, new Configuration());
        HadoopFiles.publish(local, fs, target);
        try (Stream<Path> files = Files.walk(out)) {
            assertEquals(List.of("ANON-1/detections.csv", "ANON-1/sub/preview.png"), files.filter(Files::isRegularFile)
                    .map(p -> out.relativize(p).toString()).sorted().toList());
        }
        assertEquals("finding_id\n1\n", Files.readString(out.resolve("ANON-1").resolve("detections.csv")));
        assertTrue(HadoopFiles.holdsAll(fs, target, List.of("detections.csv", "sub/preview.png")));
        assertFalse(HadoopFiles.holdsAll(fs, target, List.of("detections.csv", "heatmap.tif")));
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        String uri = file.toUri().toString();
        assertTrue(assertThrows(IOException.class, () -> HadoopFiles.checkWritable(uri, new Configuration()))
                .getMessage().startsWith(uri + ": the output folder cannot be written"));
    }

    /** Batch evaluation: a study that could not be scored is a failed row with its reason, its figures empty. */
    @Test
    void aStudyThatCouldNotBeScoredIsAFailedRow() {
        String table = SparkBatchEvaluation.table(List.of(new SparkBatchEvaluation.Evaluated(0, "ct-0001", null,
                "no annotations, 2 files", 0.5, "1")));
        assertEquals(SparkBatchEvaluation.TABLE_HEADER + "\nct-0001,failed,,,,,,\"no annotations, 2 files\",0.500,1\n",
                table);
    }
}
