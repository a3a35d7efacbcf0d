package org.tumorj.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tumorj.ij.commands.SetRoiClass;

/**
 * The Set ROI Class command in plain ImageJ 1 with -batch, run with the macro line the docs show,
 * as a lab's macro would run it.
 */
class SetRoiClassIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static ImageJMacroRunner imagej;

    @BeforeAll
    static void install() throws IOException {
        String display = System.getenv("DISPLAY");
        if (display != null && !display.isBlank()) {
            imagej = ImageJMacroRunner.install();
        }
    }

    /** Per test, so that each one is reported as skipped (with the reason) where there is no display. */
    @BeforeEach
    void display() {
        ImageJMacroRunner.requireDisplay();
    }

    @AfterAll
    static void remove() throws IOException {
        if (imagej != null) {
            imagej.close();
        }
    }

    /** A 64x64 image with three ROIs in the (batch mode) ROI Manager; the first two selected. */
    private static final String SETUP = """
            setBatchMode(true);
            newImage("ct", "16-bit ramp", 64, 64, 1);
            makeRectangle(2, 2, 10, 10); roiManager("add");
            makeOval(20, 20, 12, 12); roiManager("add");
            makeRectangle(40, 40, 8, 8); roiManager("add");
            roiManager("select", 2); roiManager("rename", "normal 1");
            run("Select None");
            roiManager("select", newArray(0, 1));
            """;

    private static final String REPORT = """
            n = roiManager("count");
            for (i = 0; i < n; i++) {
                roiManager("select", i);
                print("roi=" + Roi.getName + " group=" + Roi.getGroup);
            }
            print("groups=" + Roi.getGroupNames);
            """;

    @Test
    void documentedLineClassifiesTheSelectedRoisByGroupAndName() throws Exception {
        String line = documentedLine();
        ImageJMacroRunner.Result r = imagej.runBatch(SETUP + line + "\n" + REPORT, null, TIMEOUT);
        assertFalse(r.timedOut(), r.describe());
        List<String> rois = r.values("roi=");
        assertEquals(3, rois.size(), r.describe());
        assertEquals("tumor 1 group=1", rois.get(0), r.describe());
        assertEquals("tumor 2 group=1", rois.get(1), r.describe());
        assertEquals("normal 1 group=0", rois.get(2), "an unselected ROI is left alone; " + r.describe());
        assertEquals(List.of("tumor"), r.values("groups="), r.describe());
        assertFalse(r.output().contains("Warning:"), r.describe());
    }

    @Test
    void aSecondClassGetsItsOwnGroupAndNumbersContinue() throws Exception {
        String macro = SETUP + """
                run("Set ROI Class...", "class=tumor");
                roiManager("select", 2);
                run("Set ROI Class...", "class=cyst");
                makeRectangle(50, 2, 6, 6);
                roiManager("deselect");
                run("Set ROI Class...", "class=tumor");
                """ + REPORT;
        ImageJMacroRunner.Result r = imagej.runBatch(macro, null, TIMEOUT);
        assertEquals(List.of("tumor 1 group=1", "tumor 2 group=1", "cyst 1 group=2", "tumor 3 group=1"),
                r.values("roi="), "the image selection is classified and added to the ROI Manager; " + r.describe());
        assertEquals(List.of("tumor,cyst"), r.values("groups="), r.describe());
    }

    @Test
    void unknownKeyIsWarnedAboutAndTheKnownOnesStillApply() throws Exception {
        String macro = SETUP + "run(\"Set ROI Class...\", \"class=tumor clas=cyst\");\n" + REPORT;
        ImageJMacroRunner.Result r = imagej.runBatch(macro, null, TIMEOUT);
        assertTrue(r.output().contains("Warning: Set ROI Class...: unknown macro key 'clas' (did you mean 'class'?)"
                + " ignored; known keys: class"), r.describe());
        assertEquals("tumor 1 group=1", r.values("roi=").get(0), r.describe());
    }

    @Test
    void badClassNameStopsTheMacroWithAMessage() throws Exception {
        String macro = SETUP + "run(\"Set ROI Class...\", \"class=[normal liver]\");\nprint(\"after=reached\");\n";
        ImageJMacroRunner.Result r = imagej.runBatch(macro, null, TIMEOUT);
        assertFalse(r.timedOut(), r.describe());
        assertTrue(r.output().contains("TumorJ error: Set ROI Class...: class 'normal liver': use one word"), r.describe());
        assertEquals(List.of(), r.values("after="), "the macro must stop at the failed command; " + r.describe());
    }

    @Test
    void aboutPrintsTheVersionFromTheJar() throws Exception {
        ImageJMacroRunner.Result r = imagej.runBatch("run(\"About TumorJ\");\n", null, TIMEOUT);
        assertTrue(r.output().contains("TumorJ 0."), r.describe());
        assertFalse(r.output().contains("development build"), r.describe());
    }

    @Test
    void macroArgumentReachesGetArgumentAndSplitsIntoKeysAsMacrosReadmeShows() throws Exception {
        String macro = """
                args = getArgument();
                print("arg=" + args);
                print("input=" + call("ij.Macro.getValue", args, "input", ""));
                print("out=" + call("ij.Macro.getValue", args, "out", "none"));
                """;
        ImageJMacroRunner.Result r = imagej.runBatch(macro, "input=[/my data/study 1] out=/tmp/o", TIMEOUT);
        assertEquals(List.of("input=[/my data/study 1] out=/tmp/o"), r.values("arg="), r.describe());
        assertEquals(List.of("/my data/study 1"), r.values("input="), r.describe());
        assertEquals(List.of("/tmp/o"), r.values("out="), r.describe());
    }

    private static String documentedLine() throws IOException {
        List<String> lines = CommandDocs.documentedLines(Files.readString(Path.of("docs/commands.md")),
                SetRoiClass.COMMAND);
        assertEquals(1, lines.size(), "docs/commands.md shows one macro line for " + SetRoiClass.COMMAND);
        return lines.get(0);
    }
}
