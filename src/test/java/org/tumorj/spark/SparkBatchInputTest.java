package org.tumorj.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
        assertEquals(List.of(dir.resolve("ct-0002"), Path.of("/data/ct-0001")), StudyInputs.resolve(manifest));
        Path list = Files.writeString(dir.resolve("studies.txt"), "# cohort 1\nct-0003\n\n  ct-0004  \n");
        assertEquals(List.of(dir.resolve("ct-0003"), dir.resolve("ct-0004")), StudyInputs.resolve(list));
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
}
