package org.tumorj.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tumorj.interop.DicomExport;

/** The plain decisions the thin commands delegate: names in the Log, study ids, batch choices. */
class CommandHelpersTest {
    @TempDir
    Path tmp;

    @Test
    void logLinesNameTheCommandWithoutItsEllipsis() {
        assertEquals("Detect Tumors", CommandLog.name("Detect Tumors..."));
        assertEquals("About TumorJ", CommandLog.name("About TumorJ"));
    }

    @Test
    void aSeriesOpenedFromAFolderOrAFileIsTheStudyOfItsFolder() throws IOException {
        Path study = Files.createDirectories(tmp.resolve("patient-01"));
        Path file = Files.writeString(study.resolve("1.dcm"), "");
        assertEquals("patient-01", DicomSeriesOpener.studyId(study));
        assertEquals("patient-01", DicomSeriesOpener.studyId(file));
    }

    @Test
    void aSaltAndThePatientIdColumnContradictEachOther() {
        assertEquals("s3cret", FolderDetections.pseudonymSalt("Batch Detect Folder...", "s3cret", false));
        assertEquals("", FolderDetections.pseudonymSalt("Batch Detect Folder...", "", true));
        assertEquals("Batch Detect Folder...: deidentify_salt and include_patient_id contradict each other; choose one",
                assertThrows(IllegalArgumentException.class,
                        () -> FolderDetections.pseudonymSalt("Batch Detect Folder...", "s3cret", true)).getMessage());
    }

    @Test
    void dicomExportsAreTheTickedOnes() {
        assertEquals(Set.of(), FolderDetections.dicomExports(false, false, false));
        assertEquals(Set.of(DicomExport.SEG), FolderDetections.dicomExports(true, false, false));
        assertEquals(Set.of(DicomExport.SEG, DicomExport.RTSTRUCT), FolderDetections.dicomExports(true, true, false));
        assertEquals(Set.of(DicomExport.SEG_FRACTIONAL), FolderDetections.dicomExports(false, false, true));
    }
}
