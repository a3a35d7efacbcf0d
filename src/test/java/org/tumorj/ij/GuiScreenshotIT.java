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
import org.tumorj.phantom.PhantomConfig;
import org.tumorj.phantom.PhantomModality;
import org.tumorj.phantom.PhantomStudyWriter;
import org.tumorj.util.AtomicFiles;
import org.tumorj.util.Progress;

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

    private static final Path DETECT_SCREENSHOT = Path.of("target/screenshots/detect-overlay.png").toAbsolutePath();

    /**
     * A user's session: opens an annotated phantom series with its ROIs in the ROI Manager, trains
     * a detector on it and two more studies of a folder with the menu command (the loss curves
     * drawn live, the validation ROC at the end), opens an unseen series with Open DICOM Series,
     * runs Detect Tumors on it, zooms in, and captures the screen.
     */
    private static final String DETECT_MACRO = """
            args = getArgument();
            studies = call("ij.Macro.getValue", args, "studies", "");
            model = call("ij.Macro.getValue", args, "model", "");
            series = call("ij.Macro.getValue", args, "series", "");
            shot = call("ij.Macro.getValue", args, "shot", "");
            annotated = call("ij.Macro.getValue", args, "annotated", "");
            run("Open DICOM Series...", "path=[" + annotated + "]");
            roiManager("open", annotated + "/RoiSet.zip");
            run("Train Tumor Detector...", "studies=[" + studies + "] model=[" + model + "] epochs=4 seed=7 current_image");
            close("CT*");
            roiManager("reset");
            plots = "";
            for (i = 1; i <= nImages; i++) {
                selectImage(i);
                plots = plots + getTitle() + ";";
                setLocation(890, 20 + (i - 1) * 470);
            }
            run("Open DICOM Series...", "path=[" + series + "]");
            // the plot windows moved above may still take focus: make the series current by name
            for (i = 1; i <= nImages; i++) { selectImage(i); if (startsWith(getTitle(), "CT")) ct = getImageID(); }
            selectImage(ct);
            setLocation(10, 120);
            run("Set... ", "zoom=400");
            selectImage(ct);
            run("Detect Tumors...", "model=[" + model + "] heat_map results");
            getLocationAndSize(x, y, w, h);
            print("overlay=" + Overlay.size);
            print("rows=" + nResults);
            print("plots=" + plots);
            print("window=" + x + " " + y + " " + w + " " + h);
            wait(1500);
            run("Capture Screen");
            saveAs("PNG", shot);
            close("*");
            """;

    @Test
    void detectTumorsDrawsItsFindingsOnTheOpenSeriesInTheImageJWindow() throws Exception {
        ImageJMacroRunner.requireDisplay();
        Files.createDirectories(DETECT_SCREENSHOT.getParent());
        Files.deleteIfExists(DETECT_SCREENSHOT);
        Path work = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "gui-detect-");
        try (ImageJMacroRunner imagej = ImageJMacroRunner.install()) {
            List<Path> studies = PhantomStudyWriter.writeSet(work.resolve("annotated"),
                    PhantomConfig.of(PhantomModality.CT, 5, 1).withSize(128).withSlices(10), 4, Progress.none());
            Path annotated = Files.move(studies.get(2), work.resolve(studies.get(2).getFileName()));
            Path unseen = Files.move(studies.get(3), work.resolve(studies.get(3).getFileName()));
            String args = "studies=[" + work.resolve("annotated") + "] model=[" + work.resolve("model") + "] series=["
                    + unseen + "] shot=[" + DETECT_SCREENSHOT + "] annotated=[" + annotated + "]";
            ImageJMacroRunner.Result r = imagej.runGui(DETECT_MACRO, args, Duration.ofMinutes(2));
            assertFalse(r.timedOut(), r.describe());
            assertFalse(r.output().contains("TumorJ error"), r.describe());
            assertTrue(r.output().contains("Train Tumor Detector: the current image is study " + annotated.getFileName()
                    + " with "), "the open series and its ROI Manager are a study; " + r.describe());
            assertTrue(r.output().contains("studies: 2 training, 1 validation"), r.describe());
            assertTrue(r.values("plots=").get(0).contains("TumorJ training loss"), "live loss plot; " + r.describe());
            assertTrue(r.values("plots=").get(0).contains("Validation ROC"), "final ROC plot; " + r.describe());
            assertTrue(Integer.parseInt(r.values("overlay=").get(0)) > 0, r.describe());
            assertTrue(Files.isRegularFile(DETECT_SCREENSHOT), r.describe());
            BufferedImage shot = ImageIO.read(DETECT_SCREENSHOT.toFile());
            assertTrue(colouredPixels(shot, numbers(r.values("window=").get(0))) > 500,
                    "the image window should show the coloured heat map and outlines; " + r.describe());
        } finally {
            AtomicFiles.deleteRecursively(work);
        }
    }

    private static final Path XR_SCREENSHOT = Path.of("target/screenshots/detect-overlay-xr.png").toAbsolutePath();

    /**
     * A radiograph lab's session: trains on a folder of chest radiograph studies with the menu
     * command, opens an unseen MONOCHROME1 radiograph with a VOI LUT (shown inverted, through the
     * LUT's curve), runs Detect Tumors with the heat map and captures the screen.
     */
    private static final String XR_MACRO = """
            args = getArgument();
            studies = call("ij.Macro.getValue", args, "studies", "");
            model = call("ij.Macro.getValue", args, "model", "");
            image = call("ij.Macro.getValue", args, "image", "");
            shot = call("ij.Macro.getValue", args, "shot", "");
            run("Train Tumor Detector...", "studies=[" + studies + "] model=[" + model + "] epochs=3 seed=7");
            close("*");
            run("Open DICOM Series...", "path=[" + image + "]");
            setLocation(10, 40);
            getLut(reds, greens, blues);
            print("lut=" + reds[0] + " " + reds[64] + " " + reds[128] + " " + reds[192] + " " + reds[255]);
            run("Detect Tumors...", "model=[" + model + "] heat_map results");
            getLocationAndSize(x, y, w, h);
            getPixelSize(unit, pw, ph);
            print("size=" + getWidth() + " " + getHeight() + " " + nSlices);
            print("pixel=" + unit + " " + pw);
            print("overlay=" + Overlay.size);
            print("window=" + x + " " + y + " " + w + " " + h);
            wait(1500);
            run("Capture Screen");
            saveAs("PNG", shot);
            close("*");
            """;

    @Test
    void detectTumorsOnARadiographShowsItsHeatMapOnTheOriginalPixels() throws Exception {
        ImageJMacroRunner.requireDisplay();
        Files.createDirectories(XR_SCREENSHOT.getParent());
        Files.deleteIfExists(XR_SCREENSHOT);
        Path work = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "gui-xr-");
        Path shipped = Path.of("test-images/phantoms/xr").toAbsolutePath();
        try (ImageJMacroRunner imagej = ImageJMacroRunner.install()) {
            for (String study : List.of("xr-0001", "xr-0002", "xr-0003")) {
                Path target = Files.createDirectories(work.resolve("studies").resolve(study));
                try (var files = Files.list(shipped.resolve(study))) {
                    for (Path f : files.toList()) {
                        Files.copy(f, target.resolve(f.getFileName()));
                    }
                }
            }
            Path unseen = shipped.resolve("xr-0007"); // MONOCHROME1, VOI LUT
            String args = "studies=[" + work.resolve("studies") + "] model=[" + work.resolve("model") + "] image=["
                    + unseen + "] shot=[" + XR_SCREENSHOT + "]";
            ImageJMacroRunner.Result r = imagej.runGui(XR_MACRO, args, Duration.ofMinutes(4));
            assertFalse(r.timedOut(), r.describe());
            assertFalse(r.output().contains("TumorJ error"), r.describe());
            assertTrue(r.output().contains("RADIOGRAPH studies"), "trained as radiographs; " + r.describe());
            assertEquals(List.of("768 768 1"), r.values("size="), "the original pixels, one image; " + r.describe());
            assertTrue(r.values("pixel=").get(0).startsWith("mm "), r.describe());
            assertTrue(Integer.parseInt(r.values("overlay=").get(0)) > 0, "heat map overlay; " + r.describe());
            BufferedImage shot = ImageIO.read(XR_SCREENSHOT.toFile());
            int[] window = numbers(r.values("window=").get(0));
            assertTrue(colouredPixels(shot, window) > 500, "the heat map over the radiograph; " + r.describe());
            int[] lut = numbers(r.values("lut=").get(0));
            for (int i = 1; i < lut.length; i++) {
                assertTrue(lut[i] < lut[i - 1], "MONOCHROME1: the display LUT runs from white to black; " + r.describe());
            }
        } finally {
            AtomicFiles.deleteRecursively(work);
        }
    }

    private static final Path LOOP_SCREENSHOT = Path.of("target/screenshots/train-on-this-image.png").toAbsolutePath();

    /**
     * The loop on one image, as the README shows it: a shipped phantom series opened with its
     * outlines in the ROI Manager, Train on This Image from the menu command with the other shipped
     * CT phantoms as other studies (the folder's copy of the open series replaced by it; the loss
     * plot drawn live), and the image with the model's findings and heat map, zoomed in; the screen region
     * with the image, the ROI Manager and the plot is saved. Copied by hand to
     * {@code docs/images/train-on-this-image.png} when the picture should change.
     */
    private static final String LOOP_MACRO = """
            args = getArgument();
            study = call("ij.Macro.getValue", args, "study", "");
            shot = call("ij.Macro.getValue", args, "shot", "");
            others = call("ij.Macro.getValue", args, "others", "");
            run("Open DICOM Series...", "path=[" + study + "]");
            setLocation(10, 30);
            run("Set... ", "zoom=300");
            roiManager("open", study + "/RoiSet.zip");
            roiManager("Show None");
            run("Train on This Image...", "other_studies=[" + others + "] seed=7 heat_map");
            for (i = 1; i <= nImages; i++) {
                selectImage(i);
                if (startsWith(getTitle(), "CT")) ct = getImageID(); else setLocation(600, 30);
            }
            selectImage(ct);
            getLocationAndSize(x, y, w, h);
            print("overlay=" + Overlay.size);
            print("window=" + x + " " + y + " " + w + " " + h);
            wait(1500);
            run("Capture Screen");
            makeRectangle(0, 0, 1310, 660);
            run("Crop");
            saveAs("PNG", shot);
            close("*");
            """;

    @Test
    void trainOnThisImageShowsTheModelsFindingsAndHeatMapOnTheAnnotatedImage() throws Exception {
        ImageJMacroRunner.requireDisplay();
        Files.createDirectories(LOOP_SCREENSHOT.getParent());
        Files.deleteIfExists(LOOP_SCREENSHOT);
        Path others = Path.of("test-images/phantoms/ct").toAbsolutePath();
        Path study = others.resolve("ct-0001");
        try (ImageJMacroRunner imagej = ImageJMacroRunner.install()) {
            ImageJMacroRunner.Result r = imagej.runGui(LOOP_MACRO, "study=[" + study + "] others=[" + others + "] shot=["
                    + LOOP_SCREENSHOT + "]", Duration.ofMinutes(5));
            assertFalse(r.timedOut(), r.describe());
            assertFalse(r.output().contains("TumorJ error"), r.describe());
            assertTrue(r.output().contains("study ct-0001: the folder's copy replaced by the open image"), r.describe());
            assertTrue(r.output().contains("Train on This Image: validation: studies: 4 training (the image ct-0001 and 3"
                    + " other), 2 validation"), r.describe());
            assertTrue(Integer.parseInt(r.values("overlay=").get(0)) > 0, r.describe());
            BufferedImage shot = ImageIO.read(LOOP_SCREENSHOT.toFile());
            assertTrue(colouredPixels(shot, numbers(r.values("window=").get(0))) > 500,
                    "the image window shows the heat map and the findings; " + r.describe());
        }
    }

    /** Pixels inside x, y, w, h that are not grey: overlay colours on a grey CT slice. */
    private static int colouredPixels(BufferedImage img, int[] rect) {
        int n = 0;
        for (int y = Math.max(0, rect[1]); y < Math.min(img.getHeight(), rect[1] + rect[3]); y++) {
            for (int x = Math.max(0, rect[0]); x < Math.min(img.getWidth(), rect[0] + rect[2]); x++) {
                int rgb = img.getRGB(x, y);
                int r = (rgb >> 16) & 255, g = (rgb >> 8) & 255, b = rgb & 255;
                if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 40) {
                    n++;
                }
            }
        }
        return n;
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
