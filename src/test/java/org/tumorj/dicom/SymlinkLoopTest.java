package org.tumorj.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tumorj.util.Progress;

/** Issue 13: a symbolic link loop anywhere in a folder refused the whole folder. */
class SymlinkLoopTest {

    @Test
    void aLinkLoopIsSkippedWithAWarningAndTheRestIsRead(@TempDir Path dir) throws IOException {
        Path study = Files.createDirectories(dir.resolve("study"));
        for (int z = 0; z < 3; z++) {
            TestDicomWriter.ctSlice("1.2.3", z + 1, 4, 4, 2.5 * z, new short[16])
                    .writeTo(study.resolve("IM-000" + (z + 1) + ".dcm"), TestDicomWriter.EXPLICIT_LE);
        }
        Path loop = Files.createSymbolicLink(Files.createDirectories(study.resolve("sub")).resolve("back"), study);

        DicomScan scan = DicomReader.standard().scan(study, Progress.none());

        assertEquals(1, scan.series().size());
        assertEquals(3, scan.series().get(0).slices().size());
        assertEquals(1, scan.problems().size(), scan.problems().toString());
        assertEquals(loop, scan.problems().get(0).file());
        assertTrue(scan.problems().get(0).getMessage().contains("symbolic link loops back"), scan.problems().toString());
    }
}
