package org.tumorj.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import java.awt.event.KeyEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tumorj.util.CancelledException;

class IjProgressTest {

    @AfterEach
    void releaseEscape() {
        IJ.resetEscape();
    }

    @Test
    void escapeCancelsButOnlyWhenPressedDuringTheRun() {
        IJ.setKeyDown(KeyEvent.VK_ESCAPE);
        IjProgress progress = IjProgress.start("Detect Tumors...");
        assertFalse(progress.isCancelled(), "an Escape from before the run must not cancel it");
        IJ.setKeyDown(KeyEvent.VK_ESCAPE);
        assertTrue(progress.isCancelled());
        assertThrows(CancelledException.class, progress::checkCancelled);
    }

    @Test
    void cancelFromADialogStopsAtTheNextCheck() {
        IjProgress progress = IjProgress.start("Train Tumor Detector...");
        progress.checkCancelled();
        progress.cancel();
        assertThrows(CancelledException.class, progress::checkCancelled);
    }

    @Test
    void theLastStepAlwaysReachesTheStatusListener() {
        IjProgress progress = IjProgress.start("Detect Tumors...");
        List<String> seen = new ArrayList<>();
        progress.onStatus(seen::add);
        for (int i = 1; i <= 1000; i++) {
            progress.update("slices", i, 1000);
        }
        assertEquals("Detect Tumors: slices 1000/1000", seen.get(seen.size() - 1));
        assertTrue(seen.size() < 1000, "status updates are throttled, got " + seen.size());
    }

    @Test
    void cancellableTaskRunsTheWorkHeadlessAndPassesCancellationOn() throws Exception {
        assertEquals("done", CancellableTask.run("X", p -> "done"));
        assertThrows(CancelledException.class, () -> CancellableTask.run("X", p -> {
            IJ.setKeyDown(KeyEvent.VK_ESCAPE);
            p.checkCancelled();
            return 0;
        }));
    }
}
