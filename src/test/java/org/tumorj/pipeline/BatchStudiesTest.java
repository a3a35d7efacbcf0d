package org.tumorj.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tumorj.util.Progress;
import org.tumorj.volume.Volume;

/** What a batch counts as a study: a folder of radiographs is one 2D study per file. */
class BatchStudiesTest {
    private static final Path PHANTOMS = Path.of("test-images/phantoms");

    @Test
    void aFolderOfRadiographsIsOneStudyPerFile(@TempDir Path dir) throws IOException {
        for (int i = 1; i <= 3; i++) {
            Files.copy(PHANTOMS.resolve("xr/xr-000" + i + "/IM-0001.dcm"), dir.resolve("chest-" + i + ".dcm"));
        }
        Files.writeString(dir.resolve("notes.txt"), "not DICOM");
        List<Path> studies = BatchDetection.studies(dir);
        assertEquals(List.of(dir.resolve("chest-1.dcm"), dir.resolve("chest-2.dcm"), dir.resolve("chest-3.dcm"),
                dir.resolve("notes.txt")), studies, "each file is a study; the note fails on its own in the batch");
        assertEquals("chest-2", BatchDetection.studyName(studies.get(1)));
        Volume one = DicomStudies.standard(Progress.none()).load(studies.get(1));
        assertEquals(1, one.depth());
    }

    @Test
    void aFolderOfCtSlicesIsOneStudy(@TempDir Path dir) throws IOException {
        try (var files = Files.list(PHANTOMS.resolve("ct/ct-0001"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".dcm")).limit(4).toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        assertEquals(List.of(dir), BatchDetection.studies(dir));
        assertEquals(dir.getFileName().toString(), BatchDetection.studyName(dir));
    }

    @Test
    void aFolderOfStudyFoldersIsOneStudyPerFolder() throws IOException {
        List<Path> studies = BatchDetection.studies(PHANTOMS.resolve("mr"));
        assertEquals(List.of("mr-0001", "mr-0002", "mr-0003", "mr-0004", "mr-0005", "mr-0006", "mr-0007", "mr-0008"),
                studies.stream().map(BatchDetection::studyName).toList());
    }
}
