package org.tumorj.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

/** What training's log says about the threshold it chose, and when it warns that it rests on little. */
class DetectionThresholdChoiceTest {

    @Test
    void saysWhatTheThresholdWasChosenOn() {
        String line = new DetectionThreshold.Choice(0.0123, new JsonObject(), 12, 3).logLine();
        assertEquals("detection threshold 0.0123 (chosen on 12 held-out lesion(s) in 3 studies)", line);
    }

    @Test
    void warnsWhenFewHeldOutLesionsDecidedIt() {
        String line = new DetectionThreshold.Choice(0.0092, new JsonObject(), 1, 1).logLine();
        assertTrue(line.startsWith("detection threshold 0.00920 (chosen on 1 held-out lesion(s) in 1 study); with so little"),
                line);
        assertTrue(line.contains("./tumorj model set-threshold"), line);
        assertTrue(line.contains("Detect Tumors' threshold"), line);
    }

    @Test
    void theWarningStopsAtFiveLesionsInTwoStudies() {
        assertTrue(warns(DetectionThreshold.FEW_LESIONS - 1, 2));
        assertFalse(warns(DetectionThreshold.FEW_LESIONS, 2));
    }

    @Test
    void oneValidationStudyWarnsWhateverItsLesions() {
        // one held-out patient tells little about the next, however many lesions it holds
        assertTrue(warns(29, 1));
    }

    private static boolean warns(int lesions, int studies) {
        return new DetectionThreshold.Choice(0.5, new JsonObject(), lesions, studies).logLine().contains("with so little");
    }
}
