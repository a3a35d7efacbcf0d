package org.tumorj.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.tumorj.volume.VolumeInfo;

/** Which series a study's training or detection uses, and what is refused with which advice. */
class SeriesChoiceTest {
    private static final Path STUDY = Path.of("studies/mr-0001");
    private static final List<String> MR = List.of("T1 axial", "T2 axial", "FLAIR axial", "T1 post-contrast axial");

    @Test
    void kindsFromSeriesDescriptions() {
        assertEquals(SeriesKind.T1, SeriesKind.classify("T1 axial"));
        assertEquals(SeriesKind.T1, SeriesKind.classify("AX T1W MPRAGE"));
        assertEquals(SeriesKind.T1_POST, SeriesKind.classify("T1 post-contrast axial"));
        assertEquals(SeriesKind.T1_POST, SeriesKind.classify("AX T1 +C"));
        assertEquals(SeriesKind.T1_POST, SeriesKind.classify("t1_vibe_fs_Gd"));
        assertEquals(SeriesKind.T2, SeriesKind.classify("t2_tse_tra"));
        assertEquals(SeriesKind.T2, SeriesKind.classify("COR HASTE"));
        assertEquals(SeriesKind.FLAIR, SeriesKind.classify("AX T2 FLAIR"));
        assertEquals(SeriesKind.DWI_ADC, SeriesKind.classify("ep2d_diff_b1000 ADC"));
        assertEquals(SeriesKind.DWI_ADC, SeriesKind.classify("DWI b=800"));
        assertEquals(SeriesKind.T1, SeriesKind.classify("T1 posterior fossa"), "posterior is not post-contrast");
        assertEquals(SeriesKind.OTHER, SeriesKind.classify("Localizer"));
        assertEquals(SeriesKind.OTHER, SeriesKind.classify(""));
        assertEquals(SeriesKind.OTHER, SeriesKind.classify("T10 level"));
    }

    @Test
    void thePatternChoosesTheSeries() throws IOException {
        assertEquals(1, SeriesChoice.choose(STUDY, MR, Pattern.compile("t2", Pattern.CASE_INSENSITIVE)));
        assertEquals(3, SeriesChoice.choose(STUDY, MR, Pattern.compile("post", Pattern.CASE_INSENSITIVE)));
        assertEquals(0, SeriesChoice.choose(STUDY, List.of("CT abdomen"), null), "one series: no pattern needed");
    }

    @Test
    void severalSeriesWithoutAPatternAreRefusedWithTheirNames() {
        IOException e = assertThrows(IOException.class, () -> SeriesChoice.choose(STUDY, MR, null));
        for (String d : MR) {
            assertTrue(e.getMessage().contains("'" + d + "'"), e.getMessage());
        }
        assertTrue(e.getMessage().contains("--series") && e.getMessage().contains("series="), e.getMessage());
        assertTrue(e.getMessage().contains("mr-0001"), e.getMessage());
    }

    @Test
    void aPatternMatchingNothingIsRefusedWithTheSeriesFound() {
        IOException e = assertThrows(IOException.class, () -> SeriesChoice.choose(STUDY, MR, Pattern.compile("DWI")));
        assertTrue(e.getMessage().contains("'DWI'") && e.getMessage().contains("'FLAIR axial'"), e.getMessage());
    }

    @Test
    void aModelRefusesAnotherKindUnlessAllowedThenWarns() {
        TrainedSeries t2Model = new TrainedSeries(ModalityKind.MR, SeriesKind.T2, "T2");
        assertEquals(List.of(), t2Model.check(info("MR", "t2_tse_tra"), false));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t2Model.check(info("MR", "T1 axial"), false));
        assertTrue(e.getMessage().contains("T2") && e.getMessage().contains("T1") && e.getMessage().contains("--allow-other-series"),
                e.getMessage());
        List<String> warnings = t2Model.check(info("MR", "T1 axial"), true);
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).startsWith("WARNING"), warnings.get(0));
        e = assertThrows(IllegalArgumentException.class, () -> t2Model.check(info("CT", "abdomen"), false));
        assertTrue(e.getMessage().contains("trained on MR") && e.getMessage().contains("CT"), e.getMessage());
        assertEquals(List.of(), t2Model.check(info("MR", "Series 3"), false), "an unknown kind is not refused");
        assertEquals(List.of(), TrainedSeries.UNKNOWN.check(info("CT", ""), false), "older bundles refuse nothing");
    }

    @Test
    void theRecordSurvivesTheBundleJson() {
        TrainedSeries s = new TrainedSeries(ModalityKind.MR, SeriesKind.T1_POST, "post");
        com.google.gson.JsonObject training = new com.google.gson.JsonObject();
        training.add(TrainedSeries.KEY, s.toJson());
        assertEquals(s, TrainedSeries.fromTraining(training));
        assertEquals(TrainedSeries.UNKNOWN, TrainedSeries.fromTraining(new com.google.gson.JsonObject()));
        com.google.gson.JsonObject older = new com.google.gson.JsonObject();
        older.addProperty("seriesDescription", "T2");
        assertEquals("T2", TrainedSeries.fromTraining(older).pattern(), "an older bundle's --series still chooses");
    }

    static VolumeInfo info(String modality, String description) {
        return new VolumeInfo(modality, "1.2", "1.2.3", description, "", 4, 4, 1, 1, 1, new double[3],
                new double[] {1, 0, 0}, new double[] {0, 1, 0}, 40, 400, false, List.of("1.2.3.1"), List.of());
    }
}
