package org.tumorj.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tumorj.volume.Volume;
import org.tumorj.volume.VolumeInfo;

/** The feature record a bundle carries: what detection must compute again. */
class FeatureSpecTest {
    private static final FeatureSpec TWO_STAGE = FeatureSpec.filters(new double[] {1, 2, 4}, new double[] {2.5})
            .withContextDrift(0.5).withMapContext(true);

    @Test
    void aTwoStageRecordReadsBackEqual() {
        FeatureSpec back = FeatureSpec.fromJson(TWO_STAGE.toJson());
        assertEquals(TWO_STAGE, back);
        assertTrue(back.mapContext());
        assertEquals("filters+context(drift)+map-context", back.families());
        assertEquals(TWO_STAGE.withMapContext(false), back.firstStage());
    }

    @Test
    void recordsFromBeforeTheMapContextReadAsOneStage() {
        JsonObject older = TWO_STAGE.toJson();
        older.remove("mapContext");
        FeatureSpec read = FeatureSpec.fromJson(older);
        assertFalse(read.mapContext());
        assertFalse(read.hasGridChannels());
    }

    @Test
    void aTwoStageSpecNeedsTheFirstStagesChannels() {
        VolumeInfo info = new VolumeInfo("CT", "1.2", "1.3", "t", "p", 16, 16, 1, 1, 2.5, new double[3],
                new double[] {1, 0, 0}, new double[] {0, 1, 0}, 40, 400, false, List.of("1", "2"), List.of());
        Volume volume = new Volume(info, List.of(new float[256], new float[256]));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SliceFeatures(TWO_STAGE, volume, z -> new float[][] {volume.slice(z)}, null));
        assertTrue(e.getMessage().contains("beside the filter bank"), e.getMessage());
    }

    @Test
    void localContrastIsRecordedAndOlderRecordsReadWithout() {
        FeatureSpec radiograph = FeatureSpec.filters(new double[] {1, 2, 4}, new double[0]).withLocalContrast(16);
        FeatureSpec back = FeatureSpec.fromJson(radiograph.toJson());
        assertEquals(radiograph, back);
        assertEquals(16, back.localContrastPx());
        assertEquals("filters(local-contrast)", back.families());
        JsonObject older = radiograph.toJson();
        older.remove("localContrastPx");
        FeatureSpec read = FeatureSpec.fromJson(older);
        assertEquals(0, read.localContrastPx());
        float[] plane = {0.1f, 0.2f, 0.3f, 0.4f};
        assertTrue(plane == read.bankPlane(plane, 2, 2), "without local contrast the bank sees the plane as it is");
        assertThrows(IllegalArgumentException.class, () -> radiograph.withLocalContrast(0.5));
    }
}
