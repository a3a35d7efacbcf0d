package org.tumorj.backbone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The per-series windows of MR and radiographs: their maths, and how bundles store them. */
class SeriesNormalisationTest {
    /** 60 % air near 0, 40 % body: values 200, 250, 300, 350 repeated. */
    private static float[] airAndBody() {
        float[] v = new float[1000];
        for (int i = 0; i < v.length; i++) {
            v[i] = i < 600 ? (i % 3) : 200 + 50 * (i % 4);
        }
        return v;
    }

    @Test
    void otsuSeparatesTheBodyFromTheAir() {
        double t = Foreground.otsuThreshold(airAndBody());
        assertTrue(t > 2 && t <= 200, "threshold between air and body, got " + t);
        assertEquals(400, Foreground.inside(airAndBody()).length);
    }

    @Test
    void zScoreMapsMeanToHalfAndTwoSdToTheEdges() {
        InputWindow w = InputWindow.zScore(0.25).resolve(airAndBody());
        // body: 200..350 evenly, mean 275, SD sqrt(3125) = 55.9; air left out of both
        double sd = Math.sqrt(3125);
        assertEquals(0.5, w.apply(275), 1e-4);
        assertEquals(0.5 + 0.25, w.apply((float) (275 + sd)), 1e-4);
        assertEquals(1, w.apply((float) (275 + 2 * sd + 1)), 1e-6);
        assertEquals(0, w.apply(0), 1e-6, "air far below the body's mean is black");
    }

    @Test
    void bodyPercentilesIgnoreHowMuchAirTheFieldOfViewHolds() {
        float[] moreAir = new float[2000];
        float[] base = airAndBody();
        for (int i = 0; i < moreAir.length; i++) {
            moreAir[i] = i < 1600 ? i % 3 : base[600 + (i - 1600)];
        }
        InputWindow a = InputWindow.AUTO_BODY.resolve(base), b = InputWindow.AUTO_BODY.resolve(moreAir);
        assertEquals(a.center(), b.center(), 1e-6);
        assertEquals(a.width(), b.width(), 1e-6);
        assertEquals(0, a.apply(200), 1e-6, "the body's darkest tissue is black, not mid-grey");
        assertTrue(InputWindow.AUTO.resolve(moreAir).apply(200) > 0.5, "whole-series percentiles spend half the range on air");
    }

    @Test
    void presentationTakesTheSeriesCurveAndCannotResolveWithoutIt() {
        InputWindow resolved = InputWindow.PRESENTATION.resolve(new float[] {0, 1}, v -> 1 - v / 100);
        assertEquals(0.75, resolved.apply(25), 1e-6);
        assertThrows(IllegalStateException.class, () -> InputWindow.PRESENTATION.resolve(new float[] {0, 1}));
        assertThrows(IllegalStateException.class, () -> InputWindow.PRESENTATION.apply(1));
    }

    @Test
    void everySchemeSurvivesTheBundleJson() {
        for (InputWindow w : List.of(InputWindow.AUTO, InputWindow.AUTO_BODY, InputWindow.zScore(0.3), InputWindow.PRESENTATION, InputWindow.SOFT_TISSUE,
                InputWindow.BY_MODALITY)) {
            Preprocessing p = new Preprocessing(List.of(w), ChannelMode.REPLICATE, 224);
            assertEquals(p, Preprocessing.fromJson(p.toJson()), w.name());
        }
    }

    @Test
    void bundlesWrittenBeforeSchemesStillRead() {
        String old = "{\"channelMode\":\"REPLICATE\",\"patchSize\":224,\"windows\":[{\"name\":\"auto 1-99%\","
                + "\"lowPercentile\":1,\"highPercentile\":99}]}";
        assertEquals(Preprocessing.auto(), Preprocessing.fromJson(old));
        String ct = "{\"channelMode\":\"REPLICATE\",\"patchSize\":224,\"windows\":[{\"name\":\"soft tissue\","
                + "\"center\":40,\"width\":400}]}";
        assertEquals(Preprocessing.ctSoftTissue(), Preprocessing.fromJson(ct));
    }

    @Test
    void anUnknownSchemeIsNamed() {
        String future = "{\"channelMode\":\"REPLICATE\",\"patchSize\":224,\"windows\":[{\"name\":\"x\",\"scheme\":\"HISTOGRAM_MATCH\"}]}";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Preprocessing.fromJson(future));
        assertTrue(e.getMessage().contains("HISTOGRAM_MATCH"), e.getMessage());
    }

    @Test
    void windowNamesUsersTypeAreKnown() {
        assertEquals(InputWindow.ZSCORE, InputWindow.preset("zscore"));
        assertEquals(InputWindow.AUTO_BODY, InputWindow.preset("auto_body"));
        assertEquals(InputWindow.PRESENTATION, InputWindow.preset("Presentation"));
        assertEquals(InputWindow.BY_MODALITY, InputWindow.preset("modality"));
        assertNotNull(assertThrows(IllegalArgumentException.class, () -> InputWindow.preset("t2")).getMessage().contains("zscore"));
    }
}
