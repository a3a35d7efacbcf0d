package org.tumorj.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * ImageJ's real window with TumorJ installed, on the (virtual) display: opens an image with an
 * overlay, classifies a selection with the menu command, and saves a screenshot of the whole
 * screen to {@code target/screenshots/imagej-tumorj.png} for a person to look at. The test checks
 * that the screenshot shows the image's window (a grey ramp has many grey levels), that the
 * command reached the ROI Manager window, and that the Macro Recorder records the command's dialog
 * as {@code run("Set ROI Class...", "class=cyst");} (a user's OK played by {@link RecorderProbe}),
 * and that the Cancel button of a long task's window stops it ({@link CancelProbe}).
 */
class GuiScreenshotIT {
    private static final Path SCREENSHOT = Path.of("target/screenshots/imagej-tumorj.png").toAbsolutePath();

    /** The macro the lead will later point at a phantom series and Detect Tumors. */
    private static final String MACRO = """
            newImage("ramp", "8-bit ramp", 400, 300, 1);
            makeOval(60, 60, 120, 90);
            run("Add Selection...");
            makeRectangle(250, 150, 80, 60);
            run("Set ROI Class...", "class=tumor");
            getLocationAndSize(x, y, w, h);
            rois = "" + roiManager("count") + " " + call("ij.plugin.frame.RoiManager.getName", 0);
            wait(1500);
            run("Capture Screen");
            saveAs("PNG", getArgument());
            close();
            selectImage("ramp");
            makeRectangle(40, 200, 50, 40);
            recorded = call("org.tumorj.ij.RecorderProbe.record", "Set ROI Class...", "cyst");
            cancel = call("org.tumorj.ij.CancelProbe.cancelLongTask");
            print("screen=" + screenWidth + " " + screenHeight);
            print("window=" + x + " " + y + " " + w + " " + h);
            print("rois=" + rois);
            print("recorded=" + recorded);
            print("cancel=" + cancel);
            print("names=" + call("ij.plugin.frame.RoiManager.getName", 0) + "," + call("ij.plugin.frame.RoiManager.getName", 1));
            close("*");
            """;

    @Test
    void imageJWindowShowsTheImageAndTheCommandRan() throws IOException, InterruptedException {
        ImageJMacroRunner.requireDisplay();
        Files.createDirectories(SCREENSHOT.getParent());
        Files.deleteIfExists(SCREENSHOT);
        ImageJMacroRunner.Result r;
        try (ImageJMacroRunner imagej = ImageJMacroRunner.install().withTestClasses()) {
            r = imagej.runGui(MACRO, SCREENSHOT.toString(), Duration.ofSeconds(90));
        }
        assertFalse(r.timedOut(), r.describe());
        assertEquals(List.of("1 tumor 1"), r.values("rois="), r.describe());
        assertEquals(List.of("run(\"Set ROI Class...\", \"class=cyst\");"), r.values("recorded="),
                "the Macro Recorder records the dialog as the documented key; " + r.describe());
        assertEquals(List.of("tumor 1,cyst 1"), r.values("names="), r.describe());
        assertEquals(List.of("cancelled; window showed: Probe Task: steps N/1000000"), r.values("cancel="),
                "a long task's window shows its step and its Cancel button stops it; " + r.describe());
        assertTrue(Files.isRegularFile(SCREENSHOT), "no screenshot; " + r.describe());
        BufferedImage shot = ImageIO.read(SCREENSHOT.toFile());
        int[] win = numbers(r.values("window=").get(0));
        int[] screen = numbers(r.values("screen=").get(0));
        assertEquals(screen[0], shot.getWidth(), "the whole screen is captured");
        assertEquals(screen[1], shot.getHeight(), "the whole screen is captured");
        assertTrue(greyLevels(shot, win) >= 16,
                "the image window's area of the screenshot should show the grey ramp; " + r.describe());
    }

    private static int[] numbers(String line) {
        String[] parts = line.trim().split(" ");
        int[] out = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = (int) Double.parseDouble(parts[i]);
        }
        return out;
    }

    /** Distinct grey values (r == g == b) inside the rectangle x, y, w, h. */
    private static int greyLevels(BufferedImage img, int[] rect) {
        Set<Integer> greys = new HashSet<>();
        for (int y = Math.max(0, rect[1]); y < Math.min(img.getHeight(), rect[1] + rect[3]); y++) {
            for (int x = Math.max(0, rect[0]); x < Math.min(img.getWidth(), rect[0] + rect[2]); x++) {
                int rgb = img.getRGB(x, y);
                int r = (rgb >> 16) & 255;
                int g = (rgb >> 8) & 255;
                int b = rgb & 255;
                if (r == g && g == b) {
                    greys.add(r);
                }
            }
        }
        return greys.size();
    }
}
