package org.tumorj.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tumorj.ij.commands.SaveModel;
import org.tumorj.ij.commands.ToggleHeatMap;
import org.tumorj.ij.commands.TrainOnThisImage;
import org.tumorj.model.ModelBundle;
import org.tumorj.pipeline.ImageTrainingPlan;
import org.tumorj.util.AtomicFiles;

/**
 * The annotate-train-review loop in plain ImageJ with {@code -batch}, with the macro lines the
 * docs show: a shipped phantom series opened, its outlines in the ROI Manager, Train on This
 * Image (validated on held-out slices of the image), its findings and heat map in the image's
 * overlay, the heat map toggled off and on, a correction (a normal region on a training slice) and
 * a second round that trains on it,
 * Save Model, and the saved bundle read back and run by Detect Tumors.
 */
class ImageTrainingLoopIT {
    private static final String MACRO = """
            args = getArgument();
            study = call("ij.Macro.getValue", args, "study", "");
            model = call("ij.Macro.getValue", args, "model", "");
            setBatchMode(true);
            run("Open DICOM Series...", "path=[" + study + "]");
            roiManager("open", study + "/RoiSet.zip");
            print("rois=" + roiManager("count"));
            TRAIN_LINE
            print("overlay=" + count("tumorj-heatmap") + " " + count("tumorj-outline"));
            TOGGLE_LINE
            print("toggled=" + count("tumorj-heatmap"));
            run("Toggle Heat Map...", "heat_map=show");
            print("shown=" + count("tumorj-heatmap"));
            setSlice(15);
            makeRectangle(60, 60, 14, 14);
            roiManager("deselect");
            run("Set ROI Class...", "class=normal");
            print("rois=" + roiManager("count"));
            TRAIN_LINE
            print("overlay=" + count("tumorj-heatmap") + " " + count("tumorj-outline"));
            SAVE_LINE
            run("Detect Tumors...", "model=[" + model + "] threshold=0 results");
            print("detected=" + nResults);

            function count(kind) {
                n = 0;
                for (i = 0; i < Overlay.size; i++) {
                    Overlay.activateSelection(i);
                    if (Roi.getName == kind) n++;
                }
                run("Select None");
                return n;
            }
            """;

    @Test
    void trainOnThisImageShowsItsFindingsAndSaveModelWritesABundleThatDetects() throws Exception {
        ImageJMacroRunner.requireDisplay();
        Path work = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "image-loop-");
        Path study = Path.of("test-images/phantoms/ct/ct-0001").toAbsolutePath();
        Path model = work.resolve("model");
        // the documented lines, as written but for fewer epochs (each round then takes seconds) and the model's folder
        String train = documented(TrainOnThisImage.COMMAND).replace("epochs=30", "epochs=4");
        String save = documented(SaveModel.COMMAND).replace("model=/data/models/liver-v1", "model=[\" + model + \"]");
        String macro = MACRO.replace("TRAIN_LINE", train).replace("TOGGLE_LINE", documented(ToggleHeatMap.COMMAND))
                .replace("SAVE_LINE", save);
        try (ImageJMacroRunner imagej = ImageJMacroRunner.install()) {
            ImageJMacroRunner.Result r = imagej.runBatch(macro, "study=[" + study + "] model=[" + model + "]",
                    Duration.ofMinutes(6));
            assertFalse(r.timedOut(), r.describe());
            assertFalse(r.output().contains("TumorJ error"), r.describe());
            List<String> rois = r.values("rois=");
            assertEquals(Integer.parseInt(rois.get(0)) + 1, Integer.parseInt(rois.get(1)), "the correction joined; "
                    + r.describe());
            assertTrue(r.output().contains("held out slices 1-7 (1 lesion(s)) for validation, trained on slices 10-24"),
                    "validated on held-out slices; " + r.describe());
            List<String> pixels = r.lines().stream().filter(l -> l.startsWith("pixels: ")).toList();
            assertEquals(2, pixels.size(), r.describe());
            assertTrue(!pixels.get(0).equals(pixels.get(1)), "the normal region drawn on training slice 15 is trained on"
                    + " in the second round; " + r.describe());
            for (String overlay : r.values("overlay=")) {
                String[] n = overlay.split(" ");
                assertTrue(Integer.parseInt(n[0]) > 0, "heat map on the image after each round; " + r.describe());
            }
            assertEquals(List.of("0"), r.values("toggled="), "Toggle Heat Map hid it; " + r.describe());
            assertEquals(r.values("overlay=").get(0).split(" ")[0], r.values("shown=").get(0), r.describe());
            assertEquals(2, r.output().lines().filter(l -> l.contains("finding(s) on ")).count(), "two rounds; "
                    + r.describe());
            ModelBundle bundle = ModelBundle.read(model);
            assertTrue(bundle.training().has(ImageTrainingPlan.KEY), "the bundle says what was held out");
            assertEquals(1, r.values("detected=").size(), "Detect Tumors ran on the saved bundle; " + r.describe());
        } finally {
            AtomicFiles.deleteRecursively(work);
        }
    }

    /**
     * What a user gets when the loop is run out of order: Save Model before any training, Train on
     * This Image with an empty ROI Manager, Toggle Heat Map on an image without one. Each stops
     * its macro with a message saying what to do first.
     */
    @Test
    void outOfOrderStepsStopTheMacroWithWhatToDoFirst() throws Exception {
        ImageJMacroRunner.requireDisplay();
        Path study = Path.of("test-images/phantoms/ct/ct-0001").toAbsolutePath();
        try (ImageJMacroRunner imagej = ImageJMacroRunner.install()) {
            assertStops(imagej, "run(\"Save Model...\", \"model=[" + study.resolveSibling("never") + "]\");",
                    "Save Model...: no model trained in this Fiji session; run Plugins > TumorJ > Train on This Image... first");
            String open = "setBatchMode(true); run(\"Open DICOM Series...\", \"path=[" + study + "]\");\n";
            assertStops(imagej, open + "run(\"Train on This Image...\", \"epochs=1\");",
                    "Train on This Image...: the ROI Manager holds no ROIs for");
            assertStops(imagej, open + "run(\"Toggle Heat Map...\", \"heat_map=toggle\");",
                    "has no TumorJ heat map; run Detect Tumors or Train on This Image on it first");
        }
        assertFalse(Files.exists(study.resolveSibling("never")), "nothing written");
    }

    private static void assertStops(ImageJMacroRunner imagej, String lines, String message) throws Exception {
        ImageJMacroRunner.Result r = imagej.runBatch(lines + "\nprint(\"after=reached\");\n", null, Duration.ofMinutes(1));
        assertFalse(r.timedOut(), r.describe());
        assertTrue(r.output().contains("TumorJ error: ") && r.output().contains(message), r.describe());
        assertEquals(List.of(), r.values("after="), "the macro stops at the failed step; " + r.describe());
    }

    private static String documented(String command) throws java.io.IOException {
        List<String> lines = CommandDocs.documentedLines(Files.readString(Path.of("docs/commands.md")), command);
        assertEquals(1, lines.size(), "docs/commands.md shows one macro line for " + command);
        return lines.get(0);
    }
}
