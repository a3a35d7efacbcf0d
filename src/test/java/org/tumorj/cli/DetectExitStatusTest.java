package org.tumorj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tumorj.pipeline.BatchDetection;

/** The documented exit status of {@code ./tumorj detect}: a script can tell complete, partial and failed apart. */
class DetectExitStatusTest {

    @Test
    void completePartialAndFailedBatchesExitDifferently() {
        assertEquals(0, DetectCommand.exitStatus(new BatchDetection.Summary(2, 2, 0, List.of(), List.of())));
        assertEquals(3, DetectCommand.exitStatus(new BatchDetection.Summary(2, 1, 0, List.of("2/2 B: partial"), List.of())));
        assertEquals(1, DetectCommand.exitStatus(new BatchDetection.Summary(2, 0, 0, List.of("1/2 A: partial"),
                List.of("2/2 B: failed"))));
    }
}
