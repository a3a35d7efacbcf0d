package org.tumorj.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tumorj.util.Progress;
import org.tumorj.volume.VolumeInfo;

class DetectionsCsvTest {

    private static Detections oneFinding(String study) {
        VolumeInfo info = TestVolumes.info("CT", 50, 40, 6, 0.5, 0.5, 2, new double[] {-10, -20, 30});
        return new DenseDetector(new FakeBackbone(1, 4), new FakeHead(4), TestVolumes.identity(1), DetectionParams.of(0.5))
                .detect(TestVolumes.discs(info, 0, new TestVolumes.Disc(20, 15, 5, 2, 4, 0.75f)), study, Progress.none());
    }

    @Test
    void writesOneRowPerFindingWithDocumentedColumnsAndNoPatientIdByDefault(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("out/detections.csv");
        DetectionsCsv.write(csv, List.of(oneFinding("study-1")), false);
        List<String> lines = Files.readAllLines(csv);
        assertEquals(2, lines.size());
        assertEquals(String.join(",", DetectionsCsv.COLUMNS), lines.get(0));
        assertFalse(Files.readString(csv).contains("PAT-SECRET-42"));
        String[] row = lines.get(1).split(",");
        assertEquals("study-1", row[0]);
        assertEquals("1.2.3.9", row[1]);
        assertEquals("1", row[2]);
        assertEquals("3", row[3], "slice_first is 1-based");
        assertEquals("5", row[4]);
        assertEquals("3", row[5]);
        assertEquals("20.00", row[6]);
        assertEquals("15.00", row[7]);
        assertEquals("4.00", row[8], "centroid_slice is 1-based");
        assertEquals("0.00", row[9]);     // -10 + 20 * 0.5
        assertEquals("-12.50", row[10]);  // -20 + 15 * 0.5
        assertEquals("36.00", row[11]);   // 30 + 3 * 2
        assertEquals("0.7500000", row[15], "scores with 7 decimals, so faint findings stay ranked");
        try (var files = Files.list(csv.getParent())) {
            assertEquals(List.of(csv), files.toList(), "no temporary file left behind");
        }
    }

    @Test
    void patientIdOnlyWhenAskedAndFieldsWithCommasAreQuoted() {
        String text = DetectionsCsv.format(List.of(oneFinding("Smith, lab 2")), true);
        String[] lines = text.split("\n");
        assertTrue(lines[0].startsWith("study,series,patient_id,finding_id,"), lines[0]);
        assertTrue(lines[1].startsWith("\"Smith, lab 2\",1.2.3.9,PAT-SECRET-42,1,"), lines[1]);
    }

    /** Issue 13: a study folder named like a formula ran as one when detections.csv was opened in a spreadsheet. */
    @Test
    void aStudyNamedLikeAFormulaIsTextNotAFormula() {
        for (String name : List.of("=HYPERLINK(\"http://x\",1)", "+1", "-2+3", "@SUM(A1)")) {
            String row = DetectionsCsv.format(List.of(oneFinding(name)), false).split("\n")[1];
            assertTrue(row.startsWith("'" + name.charAt(0)) || row.startsWith("\"'" + name.charAt(0)), row);
        }
        String row = DetectionsCsv.format(List.of(oneFinding("study-1")), false).split("\n")[1];
        assertTrue(row.contains(",-12.50,"), "numbers keep their sign: " + row);
    }
}
