package org.tumorj.backbone;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PreprocessingTest {

    @Test
    void softTissueWindowMapsItsEdgesToZeroAndOne() {
        assertEquals(0f, InputWindow.SOFT_TISSUE.apply(-160));
        assertEquals(0.5f, InputWindow.SOFT_TISSUE.apply(40));
        assertEquals(1f, InputWindow.SOFT_TISSUE.apply(240));
        assertEquals(0f, InputWindow.SOFT_TISSUE.apply(-1000)); // air clamps
        assertEquals(1f, InputWindow.SOFT_TISSUE.apply(3000)); // metal clamps
    }

    @Test
    void ctPresetsHaveTheStandardValues() {
        assertEquals(InputWindow.fixed("lung", -600, 1500), InputWindow.preset("lung"));
        assertEquals(InputWindow.fixed("bone", 400, 1800), InputWindow.preset("BONE"));
        assertEquals(InputWindow.fixed("brain", 40, 80), InputWindow.preset("brain"));
        assertEquals(InputWindow.fixed("liver", 60, 160), InputWindow.preset("liver"));
        assertEquals(InputWindow.fixed("mediastinum", 50, 350), InputWindow.preset("mediastinum"));
        assertEquals(InputWindow.fixed("soft tissue", 40, 400), InputWindow.preset("soft-tissue"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> InputWindow.preset("abdomen"));
        assertTrue(e.getMessage().contains("known: auto") && e.getMessage().contains("soft tissue")
                && e.getMessage().contains("zscore"), e.getMessage());
    }

    @Test
    void autoWindowSpansTheChosenPercentiles() {
        float[] values = new float[101];
        for (int i = 0; i <= 100; i++) {
            values[i] = 1000 + 10 * i; // percentile p is 1000 + 10 p
        }
        values[50] = Float.NaN; // ignored
        InputWindow w = InputWindow.auto(10, 90).resolve(values);
        assertEquals(0f, w.apply(1100), 0.02f);
        assertEquals(1f, w.apply(1900), 0.02f);
        assertThrows(IllegalStateException.class, () -> InputWindow.AUTO.apply(1));
    }

    @Test
    void flatImageDoesNotDivideByZero() {
        InputWindow w = InputWindow.AUTO.resolve(new float[] {5, 5, 5});
        assertTrue(Float.isFinite(w.apply(5)));
    }

    @Test
    void replicateCopiesGreyToRgbAndPadsToMultipleOf32() {
        float[] slice = new float[40 * 30];
        java.util.Arrays.fill(slice, 40); // soft-tissue centre -> 0.5
        FloatTensor t = Preprocessing.ctSoftTissue().toRgb(slice, 40, 30, Padding.ZERO);
        assertEquals(List.of(1, 32, 64, 3), List.of(t.n(), t.h(), t.w(), t.c()));
        assertArrayEquals(new float[] {0.5f, 0.5f, 0.5f}, new float[] {t.get(0, 0, 0, 0), t.get(0, 0, 0, 1), t.get(0, 0, 0, 2)});
        assertEquals(0f, t.get(0, 31, 63, 0)); // zero padding outside the slice
    }

    @Test
    void edgePaddingRepeatsTheBorder() {
        float[] slice = {-160, 240}; // 2 x 1: black, white in soft tissue
        FloatTensor t = Preprocessing.ctSoftTissue().crop(slice, 2, 1, -1, 0, 32, 32, Padding.EDGE);
        assertEquals(0f, t.get(0, 0, 0, 0)); // left of the slice: repeats the black pixel
        assertEquals(1f, t.get(0, 5, 10, 0)); // right and below: repeats the white pixel
    }

    @Test
    void threeWindowsBecomeRgb() {
        FloatTensor t = Preprocessing.ctThreeWindows().toRgb(new float[] {-600}, 1, 1, Padding.ZERO);
        assertEquals(0f, t.get(0, 0, 0, 0)); // soft tissue: below
        assertEquals(0.5f, t.get(0, 0, 0, 1)); // lung: centre
        assertEquals(0f, t.get(0, 0, 0, 2)); // bone: below
    }

    @Test
    void jsonRoundTrip() {
        for (Preprocessing p : List.of(Preprocessing.ctSoftTissue(), Preprocessing.ctThreeWindows(), Preprocessing.auto(),
                new Preprocessing(List.of(InputWindow.fixed("custom \"x\"", -12.5, 0.75)), ChannelMode.REPLICATE, 256))) {
            assertEquals(p, Preprocessing.fromJson(p.toJson()), p.toJson());
        }
    }

    @Test
    void invalidConfigurationsAreRejectedWithReasons() {
        assertThrows(IllegalArgumentException.class, () -> new Preprocessing(List.of(InputWindow.LUNG), ChannelMode.THREE_WINDOWS, 224));
        assertThrows(IllegalArgumentException.class, () -> new Preprocessing(List.of(InputWindow.LUNG), ChannelMode.REPLICATE, 200));
        assertThrows(IllegalArgumentException.class, () -> InputWindow.fixed("w", 0, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Preprocessing.fromJson("{\"channelMode\":\"GREY\",\"patchSize\":224,\"windows\":[]}"));
        assertTrue(e.getMessage().contains("REPLICATE or THREE_WINDOWS"), e.getMessage());
    }
}
