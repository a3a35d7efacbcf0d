package org.tumorj.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tumorj.annotation.AnnotationSidecar;
import org.tumorj.annotation.RoiSetZip;
import org.tumorj.cli.CliException;
import org.tumorj.cli.TumorJCli;
import org.tumorj.ij.RoiSets;
import org.tumorj.phantom.AnswerKey;

class PhantomsCommandTest {
    @TempDir Path out;

    @Test
    void writesOneFolderPerStudyWithDicomAndBothAnnotationFormats() throws Exception {
        assertTrue(TumorJCli.allCommands().stream().anyMatch(c -> c.name().equals("phantoms")), "registered");
        int rc = new PhantomsCommand().run(List.of("--out", out.toString(), "--modality", "mr", "--studies", "2",
                "--seed", "9", "--size", "64", "--slices", "6"));
        assertEquals(0, rc);
        for (String id : List.of("mr-0001", "mr-0002")) {
            Path study = out.resolve(id);
            try (Stream<Path> files = Files.list(study)) {
                assertEquals(6 * 4, files.filter(p -> p.toString().endsWith(".dcm")).count(), id + ": T2, T1, FLAIR, T1 post");
            }
            int regions = AnnotationSidecar.read(study.resolve("annotations.json")).size();
            assertTrue(regions > 0, id + " has regions");
            assertEquals(regions, RoiSetZip.read(study.resolve("RoiSet.zip")).size());
            assertEquals("MR", AnswerKey.read(study.resolve("ground-truth.json")).modality());
        }
    }

    @Test
    void badOptionsAreUserErrors() {
        PhantomsCommand c = new PhantomsCommand();
        assertTrue(assertThrows(CliException.class, () -> c.run(List.of("--out", out.toString(), "--modality", "PET")))
                .getMessage().contains("CT or MR"));
        assertThrows(CliException.class, () -> c.run(List.of("--modality", "CT")));
        assertTrue(assertThrows(CliException.class, () -> c.run(List.of("--out", out.toString(), "--size", "20")))
                .getMessage().contains("size"));
        assertTrue(assertThrows(CliException.class, () -> c.run(List.of("--out", out.toString(), "--seed", "x")))
                .getMessage().contains("--seed"));
    }
}
