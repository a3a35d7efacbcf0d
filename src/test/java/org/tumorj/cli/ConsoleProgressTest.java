package org.tumorj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The console stays readable: a log file gets one line per finished step, a terminal one bar per step. */
class ConsoleProgressTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    private String run(boolean terminal) {
        ConsoleProgress p = new ConsoleProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), terminal);
        for (int i = 1; i <= 40; i++) {
            p.update("Reading DICOM headers", i, 40);
        }
        p.update("Dense detection", 1, 4);
        p.log("ct-0004: 1 finding(s)");
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aLogFileGetsOneLinePerFinishedStep() {
        assertEquals("  Reading DICOM headers: 40/40\nct-0004: 1 finding(s)\n", run(false));
    }

    @Test
    void aTerminalGetsABarRedrawnInPlaceAndLogLinesOnTheirOwn() {
        String[] lines = run(true).split("\n");
        assertEquals(3, lines.length, String.join("|", lines));
        assertEquals("  Reading DICOM headers [####################] 40/40", lines[0].substring(lines[0].lastIndexOf('\r') + 1));
        assertEquals("\r  Dense detection [#####...............] 1/4", lines[1]);
        assertEquals("ct-0004: 1 finding(s)", lines[2]);
    }

    @Test
    void detailsAreQuietUnlessVerbose() {
        for (boolean verbose : new boolean[] {false, true}) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ConsoleProgress p = new ConsoleProgress(new PrintStream(out, true, StandardCharsets.UTF_8), false, verbose);
            p.log("studies: 3 training, 1 validation");
            p.detail("epoch 1: train loss 0.4853");
            p.about("ct-0004").update("Reading DICOM headers", 27, 27);
            p.about("ct-0004").detail("study ct-0004: 9 regions");
            assertEquals("studies: 3 training, 1 validation\n"
                    + (verbose ? "epoch 1: train loss 0.4853\n" : "")
                    + "  ct-0004: Reading DICOM headers: 27/27\n"
                    + (verbose ? "study ct-0004: 9 regions\n" : ""), out.toString(StandardCharsets.UTF_8));
        }
    }
}
