package org.tumorj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tumorj.model.ModelBundle;
import org.tumorj.pipeline.BatchDetection;
import org.tumorj.pipeline.StudyOutputs;
import org.tumorj.pipeline.TrainedSeries;

/**
 * MR with several series per study, through the real commands: training needs a series choice,
 * trains on T2 with {@code --series T2} and records it; detection then takes each study's T2
 * series by itself, refuses T1 post unless allowed, and leaves a warning when allowed.
 */
class MrSeriesCommandsTest {
    @TempDir static Path dir;
    static Path studies;
    static Path model;
    static CliRun training;

    @BeforeAll
    static void trainOnT2() {
        studies = dir.resolve("mr");
        model = dir.resolve("model");
        assertEquals(0, CliRun.of("phantoms", "--out", studies.toString(), "--modality", "MR", "--studies", "3", "--seed", "5",
                "--size", "96", "--slices", "8", "--mr-series", "T2,T1_POST").status());
        training = CliRun.of("train", "--studies", studies.toString(), "--out", model.toString(), "--series", "T2",
                "--epochs", "3", "--validation", "0.34");
    }

    @Test
    void severalSeriesWithoutAChoiceAreRefusedNamingThem() {
        CliRun r = CliRun.of("train", "--studies", studies.toString(), "--out", dir.resolve("none").toString(), "--epochs", "1");
        assertTrue(r.status() != 0, "refused");
        assertTrue(r.err().contains("T2 axial") && r.err().contains("T1 post-contrast axial") && r.err().contains("--series"),
                r.err());
    }

    @Test
    void theBundleRecordsModalityKindPatternAndTheMrWindow() throws Exception {
        assertEquals(0, training.status(), training.err() + training.out());
        ModelBundle b = ModelBundle.read(model);
        TrainedSeries s = TrainedSeries.fromTraining(b.training());
        assertEquals("MR", s.modality().name());
        assertEquals("T2", s.kind().name());
        assertEquals("T2", s.pattern());
        assertTrue(b.preprocessing().toString().contains("PERCENTILE_IN_BODY") || b.preprocessing().toString().contains("ZSCORE"),
                b.preprocessing().toString());
    }

    @Test
    void detectionTakesTheModelsSeriesAndRefusesAnotherKindUnlessAllowed() throws Exception {
        Path one = studies.resolve("mr-0001");
        Path out = dir.resolve("detect");
        CliRun ok = CliRun.of("detect", "--model", model.toString(), "--input", one.toString(), "--out", out.toString());
        assertEquals(0, ok.status(), ok.err() + ok.out());
        assertTrue(Files.exists(out.resolve("mr-0001").resolve(StudyOutputs.CSV)));
        assertFalse(Files.exists(out.resolve("mr-0001").resolve(BatchDetection.WARNINGS)));

        Path refusedOut = dir.resolve("refused");
        CliRun refused = CliRun.of("detect", "--model", model.toString(), "--input", one.toString(), "--out",
                refusedOut.toString(), "--series", "post");
        assertFalse(Files.exists(refusedOut.resolve("mr-0001")), "no outputs for a refused study");
        assertTrue(refused.status() != 0 && refused.out().contains("T1_POST") && refused.out().contains("--allow-other-series"),
                refused.out());

        Path allowedOut = dir.resolve("allowed");
        CliRun allowed = CliRun.of("detect", "--model", model.toString(), "--input", one.toString(), "--out",
                allowedOut.toString(), "--series", "post", "--allow-other-series");
        assertEquals(0, allowed.status(), allowed.err() + allowed.out());
        String warning = Files.readString(allowedOut.resolve("mr-0001").resolve(BatchDetection.WARNINGS));
        assertTrue(warning.contains("WARNING") && warning.contains("T1_POST"), warning);
    }

    /** (Allowed, it would stop at the annotations: they name T2's slices, which T1 post does not have.) */
    @Test
    void evaluationRefusesAnotherKind() {
        CliRun refused = CliRun.of("evaluate", "--model", model.toString(), "--studies", studies.toString(), "--report",
                dir.resolve("refused.json").toString(), "--series", "post");
        assertTrue(refused.status() != 0 && refused.err().contains("T1_POST")
                && refused.err().contains("--allow-other-series"), refused.err());
        assertFalse(Files.exists(dir.resolve("refused.json")));
    }

    @Test
    void exportWritesOneSegmentAndOneRoiPerFindingDeidentifiedWithTheRest() throws Exception {
        Path out = dir.resolve("exported");
        CliRun r = CliRun.of("detect", "--model", model.toString(), "--input", studies.resolve("mr-0001").toString(),
                "--out", out.toString(), "--export", "seg,rtstruct,seg-fractional", "--deidentify", "lab secret");
        assertEquals(0, r.status(), r.err() + r.out());
        Path study;
        try (var folders = Files.list(out)) {
            study = folders.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        String map = org.tumorj.dicom.DicomReader.standard().headerText(study.resolve("seg-fractional.dcm"), true);
        assertTrue(map.contains("FRACTIONAL") && map.contains("PROBABILITY"), "the map, with or without findings");
        assertFalse(map.contains("PHANTOM"), "de-identified like the rest");
        long findings = Files.readAllLines(study.resolve(StudyOutputs.CSV)).size() - 1;
        if (findings == 0) {
            assertFalse(Files.exists(study.resolve("seg.dcm")) || Files.exists(study.resolve("rtstruct.dcm")),
                    "no objects without findings");
            return;
        }
        org.tumorj.dicom.DicomReader reader = org.tumorj.dicom.DicomReader.standard();
        String seg = reader.headerText(study.resolve("seg.dcm"), true);
        String rt = reader.headerText(study.resolve("rtstruct.dcm"), true);
        assertEquals(findings, seg.lines().filter(l -> l.contains("(0062,0004) US")).count(), "segments");
        assertEquals(findings, rt.lines().filter(l -> l.contains("(3006,0022) IS")).count(), "ROIs");
        for (String text : List.of(seg, rt)) {
            assertFalse(text.contains("PHANTOM"), "no patient name or ID once de-identified");
        }
    }

    @Test
    void anUnknownExportIsRefusedBeforeTheModelLoads() {
        CliRun r = CliRun.of("detect", "--model", model.toString(), "--input", studies.toString(), "--out",
                dir.resolve("never").toString(), "--export", "seg,nifti");
        assertTrue(r.status() != 0 && r.err().contains("nifti") && r.err().contains("rtstruct"), r.err());
        assertFalse(Files.exists(dir.resolve("never")));
    }
}
