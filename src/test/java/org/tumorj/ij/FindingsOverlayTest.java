package org.tumorj.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.gui.ImageRoi;
import ij.gui.Overlay;
import ij.gui.Roi;
import ij.measure.ResultsTable;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import java.awt.Rectangle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tumorj.detect.DenseDetector;
import org.tumorj.detect.DetectionParams;
import org.tumorj.detect.Detections;
import org.tumorj.detect.DetectionsCsv;
import org.tumorj.detect.FakeBackbone;
import org.tumorj.detect.FakeHead;
import org.tumorj.detect.Finding;
import org.tumorj.detect.FindingSlice;
import org.tumorj.detect.TestVolumes;
import org.tumorj.util.Progress;
import org.tumorj.volume.Volume;
import org.tumorj.volume.VolumeInfo;

/** Headless: overlays, tables and files from detections on a synthetic series. */
class FindingsOverlayTest {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    private static final VolumeInfo INFO = TestVolumes.info("CT", 96, 64, 6, 0.6, 0.6, 2, new double[] {-10, -20, 30});
    private static final Volume VOLUME = TestVolumes.discs(INFO, 0.05f,
            new TestVolumes.Disc(30, 30, 10, 1, 3, 0.9f), new TestVolumes.Disc(70, 25, 7, 4, 4, 0.7f));

    private static Detections detections() {
        return new DenseDetector(new FakeBackbone(1, 2), new FakeHead(2), TestVolumes.identity(1), DetectionParams.of(0.5))
                .detect(VOLUME, "study-1", Progress.none());
    }

    private static ImagePlus image() {
        ImageStack stack = new ImageStack(INFO.width(), INFO.height());
        for (float[] s : VOLUME.slices()) {
            stack.addSlice(new FloatProcessor(INFO.width(), INFO.height(), s.clone()));
        }
        ImagePlus imp = new ImagePlus("series", stack);
        imp.getProcessor().setMinAndMax(0, 1);
        return imp;
    }

    private static List<Roi> named(Overlay o, String kind) {
        return FindingsOverlay.elements(o, kind);
    }

    @Test
    void overlayHasAnOutlinePerFindingSliceWhoseMaskIsTheFinding() {
        Detections d = detections();
        assertEquals(2, d.findings().size());
        ImagePlus imp = image();
        Overlay user = new Overlay(new Roi(1, 1, 3, 3));
        imp.setOverlay(user);
        FindingsOverlay.show(imp, d, true);
        Overlay o = imp.getOverlay();
        List<Roi> outlines = named(o, FindingsOverlay.OUTLINE);
        assertEquals(4, outlines.size(), "3 slices of finding 1, 1 of finding 2");
        assertEquals(4, named(o, FindingsOverlay.LABEL).size());
        assertEquals(4, named(o, FindingsOverlay.HEAT_MAP).size(), "heat map only where p reaches the floor");
        assertFalse(named(o, FindingsOverlay.LEGEND).isEmpty());
        assertTrue(Arrays.stream(o.toArray()).anyMatch(r -> r.getName() == null), "user's ROI kept");
        Finding f = d.findings().get(0);
        FindingSlice s = f.slices().get(1);
        Roi outline = outlines.get(1);
        assertEquals(s.z() + 1, outline.getPosition());
        assertEquals(ScoreColors.of(f.probabilityMax()), outline.getStrokeColor());
        assertMaskIsRegion(outline, s);
        assertTrue(named(o, FindingsOverlay.LABEL).get(0) instanceof ij.gui.TextRoi);
        assertTrue(((ij.gui.TextRoi) named(o, FindingsOverlay.LABEL).get(0)).getText().startsWith("1 0.90"));
    }

    private static void assertMaskIsRegion(Roi roi, FindingSlice s) {
        ImageProcessor mask = roi.getMask();
        Rectangle b = roi.getBounds();
        long inside = 0;
        for (int y = 0; y < b.height; y++) {
            for (int x = 0; x < b.width; x++) {
                boolean in = mask == null || mask.get(x, y) != 0;
                assertEquals(s.region().contains(x + b.x, y + b.y), in, "pixel " + (x + b.x) + "," + (y + b.y));
                inside += in ? 1 : 0;
            }
        }
        assertEquals(s.region().pixelCount(), inside);
    }

    @Test
    void hyperstackOutlinesArePositionedBySlice() {
        ImageStack twoChannels = new ImageStack(INFO.width(), INFO.height());
        for (float[] sl : VOLUME.slices()) {
            twoChannels.addSlice(new FloatProcessor(INFO.width(), INFO.height(), sl.clone()));
            twoChannels.addSlice(new FloatProcessor(INFO.width(), INFO.height(), sl.clone()));
        }
        ImagePlus imp = new ImagePlus("series", twoChannels);
        imp.setDimensions(2, 6, 1);
        imp.setOpenAsHyperStack(true);
        assertTrue(imp.isHyperStack());
        FindingsOverlay.show(imp, detections(), false);
        List<Roi> outlines = named(imp.getOverlay(), FindingsOverlay.OUTLINE);
        assertEquals(2, outlines.get(0).getZPosition());
        assertEquals(5, outlines.get(3).getZPosition());
        assertEquals(0, outlines.get(0).getCPosition(), "all channels");
    }

    @Test
    void refusesDetectionsOfAnotherSeries() {
        ImagePlus other = new ImagePlus("other", new FloatProcessor(10, 10));
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> FindingsOverlay.show(other, detections(), true));
        assertTrue(e.getMessage().contains("96x64x6"), e.getMessage());
    }

    /**
     * A low score threshold (a finding scorer's scale) must not colour the whole image: the heat map
     * starts at half the weakest finding's peak probability, and the legend's title stays inside.
     */
    @Test
    void heatMapStartsNearTheFindingsNotAtAScoreThresholdAndTheLegendFits() {
        Detections d = new DenseDetector(new FakeBackbone(1, 2), new FakeHead(2), TestVolumes.identity(1),
                DetectionParams.of(0.004)).detect(VOLUME, "study-1", Progress.none());
        float weakest = (float) d.findings().stream().mapToDouble(Finding::probabilityMax).min().orElseThrow();
        assertEquals(Math.min(FindingsOverlay.HEAT_MAP_FLOOR, weakest / 2), FindingsOverlay.heatMapFloor(d), 1e-6);
        ImagePlus imp = image();
        FindingsOverlay.show(imp, d, true);
        ImageRoi heat = (ImageRoi) named(imp.getOverlay(), FindingsOverlay.HEAT_MAP).get(0);
        ij.process.ImageProcessor ip = heat.getProcessor();
        int n = ip.getPixelCount();
        long coloured = IntStream.range(0, n).filter(i -> (ip.get(i) & 0xffffff) != 0).count();
        assertTrue(coloured < n / 4, coloured + " of " + n + " pixels coloured: the background is lit");
        for (Roi r : named(imp.getOverlay(), FindingsOverlay.LEGEND)) {
            assertTrue(r.getBounds().x >= 0 && r.getBounds().x + r.getBounds().width <= imp.getWidth(),
                    "legend element outside the image: " + r.getBounds());
        }
    }

    @Test
    void scoresNearZeroOrOneKeepTheDigitsThatSeparateThem() {
        assertEquals("0.42", FindingsOverlay.scoreText(0.4213));
        assertEquals("0.998", FindingsOverlay.scoreText(0.9981));
        assertEquals("0.995", FindingsOverlay.scoreText(0.9953));
        assertEquals("0.00412", FindingsOverlay.scoreText(0.004123));
    }

    /** Two findings side by side on one slice: their labels must not cover each other. */
    @Test
    void labelsOfNeighbouringFindingsDoNotOverlap() {
        VolumeInfo info = TestVolumes.info("CT", 96, 64, 1, 0.6, 0.6, 2, new double[] {0, 0, 0});
        Volume twins = TestVolumes.discs(info, 0.05f, new TestVolumes.Disc(30, 30, 5, 0, 0, 0.9f),
                new TestVolumes.Disc(42, 31, 5, 0, 0, 0.8f));
        Detections d = new DenseDetector(new FakeBackbone(1, 2), new FakeHead(2), TestVolumes.identity(1),
                DetectionParams.of(0.5)).detect(twins, "study-1", Progress.none());
        assertEquals(2, d.findings().size());
        ImagePlus imp = new ImagePlus("twins", new FloatProcessor(96, 64, twins.slice(0).clone()));
        FindingsOverlay.show(imp, d, false);
        List<Roi> labels = named(imp.getOverlay(), FindingsOverlay.LABEL);
        assertEquals(2, labels.size());
        assertFalse(labels.get(0).getBounds().intersects(labels.get(1).getBounds()),
                labels.get(0).getBounds() + " and " + labels.get(1).getBounds());
    }

    /**
     * On CT the heat map is drawn inside the body only, as findings are cut: air around the patient
     * (connected to the image border) stays clear even where the model's map is high.
     */
    @Test
    void onCtTheHeatMapStaysInsideTheBody() {
        Detections d = new DenseDetector(new FakeBackbone(1, 2), new FakeHead(2), TestVolumes.identity(1),
                DetectionParams.of(0.5).withBodyMask(true)).detect(VOLUME, "study-1", Progress.none());
        ImageStack stack = new ImageStack(INFO.width(), INFO.height());
        for (int z = 0; z < VOLUME.depth(); z++) {
            float[] hu = new float[INFO.width() * INFO.height()];
            for (int i = 0; i < hu.length; i++) {
                hu[i] = i % INFO.width() < 50 ? 40 : -1000; // body on the left, air (around disc 2) on the right
            }
            stack.addSlice(new FloatProcessor(INFO.width(), INFO.height(), hu));
        }
        long[] inside = {0}, outside = {0};
        ImagePlus masked = new ImagePlus("ct", stack);
        FindingsOverlay.show(masked, d, true);
        colouredPixels(masked, inside, outside);
        assertTrue(inside[0] > 0, "disc 1, inside the body, is coloured");
        assertEquals(0, outside[0], "pixels coloured in the air around the body");

        Detections unmasked = new DenseDetector(new FakeBackbone(1, 2), new FakeHead(2), TestVolumes.identity(1),
                DetectionParams.of(0.5)).detect(VOLUME, "study-1", Progress.none());
        ImagePlus plain = new ImagePlus("ct", stack);
        FindingsOverlay.show(plain, unmasked, true);
        long[] in2 = {0}, out2 = {0};
        colouredPixels(plain, in2, out2);
        assertTrue(out2[0] > 0, "without the body mask (as the findings were found) disc 2 is coloured");
    }

    private static void colouredPixels(ImagePlus imp, long[] leftOf50, long[] rightOf50) {
        for (Roi r : named(imp.getOverlay(), FindingsOverlay.HEAT_MAP)) {
            ImageProcessor ip = ((ImageRoi) r).getProcessor();
            for (int y = 0; y < ip.getHeight(); y++) {
                for (int x = 0; x < ip.getWidth(); x++) {
                    if ((ip.get(x, y) & 0xffffff) != 0) {
                        (x < 50 ? leftOf50 : rightOf50)[0]++;
                    }
                }
            }
        }
    }

    @Test
    void heatMapCanBeHiddenAndShownAgain() {
        ImagePlus imp = image();
        FindingsOverlay.show(imp, detections(), false);
        assertFalse(FindingsOverlay.isHeatMapVisible(imp));
        FindingsOverlay.setHeatMapVisible(imp, true);
        assertTrue(FindingsOverlay.isHeatMapVisible(imp));
        assertEquals(4, named(imp.getOverlay(), FindingsOverlay.HEAT_MAP).size());
        FindingsOverlay.setHeatMapVisible(imp, false);
        assertFalse(FindingsOverlay.isHeatMapVisible(imp));
        assertEquals(4, named(imp.getOverlay(), FindingsOverlay.OUTLINE).size(), "outlines stay");
    }

    @Test
    void reviewRoisAreNamedByFindingAndPositioned() {
        List<Roi> rois = FindingsOverlay.reviewRois(image(), detections());
        assertEquals(4, rois.size());
        assertEquals("tumor 1", rois.get(0).getName());
        assertEquals(2, rois.get(0).getPosition());
        assertEquals("tumor 2", rois.get(3).getName());
        assertEquals(5, rois.get(3).getPosition());
    }

    @Test
    void resultsTableHasOneRowPerFinding() {
        ResultsTable rt = FindingsOverlay.resultsTable(List.of(detections()));
        assertEquals(2, rt.size());
        assertEquals("study-1", rt.getStringValue("study", 0));
        assertEquals(2, rt.getValue("slice_first", 0), 0);
        assertEquals(4, rt.getValue("slice_last", 0), 0);
        assertEquals(30, rt.getValue("centroid_x_px", 0), 1e-9);
        assertEquals(-10 + 30 * 0.6, rt.getValue("centroid_x_mm", 0), 1e-9);
        assertEquals(0.7, rt.getValue("score", 1), 1e-6);
        assertEquals(0.7, rt.getValue("probability_max", 1), 1e-6);
        // issue 15: the table's columns are the CSV's, so a macro's getResult("score", 0) is not NaN
        assertEquals(DetectionsCsv.header(false), java.util.Arrays.asList(rt.getHeadings()).subList(
                rt.getHeadings().length - DetectionsCsv.header(false).size(), rt.getHeadings().length));
    }

    @Test
    void resultsTableOfAStudyWithoutFindingsIsEmpty() {
        Detections none = new DenseDetector(new FakeBackbone(1, 2), new FakeHead(2), TestVolumes.identity(1),
                DetectionParams.of(0.999)).detect(VOLUME, "study-1", Progress.none());
        assertEquals(0, none.findings().size());
        assertEquals(0, FindingsOverlay.resultsTable(List.of(none)).size());
    }

    @Test
    void overlayTiffReopensWithItsOverlayAndHeatMapTiffWithItsValues(@TempDir Path dir) throws Exception {
        Detections d = detections();
        ImagePlus imp = image();
        FindingsOverlay.show(imp, d, true);
        Path tif = dir.resolve("study-1/overlay.tif");
        DetectionFiles.saveOverlayTiff(imp, tif);
        assertEquals("series", imp.getTitle(), "the user's image is not renamed");
        ImagePlus back = IJ.openImage(tif.toString());
        assertNotNull(back);
        assertEquals(6, back.getStackSize());
        Overlay o = back.getOverlay();
        assertNotNull(o, "overlay survives the TIFF");
        List<Roi> outlines = named(o, FindingsOverlay.OUTLINE);
        assertEquals(4, outlines.size());
        assertEquals(2, outlines.get(0).getPosition());
        assertMaskIsRegion(outlines.get(0), d.findings().get(0).slices().get(0));
        assertTrue(named(o, FindingsOverlay.HEAT_MAP).get(0) instanceof ImageRoi);

        Path heat = dir.resolve("study-1/heatmap.tif");
        org.tumorj.pipeline.StudyOutputs.heatMap().write(heat.getParent(), null, d); // written without ImageJ
        ImagePlus h = IJ.openImage(heat.toString());
        assertEquals(32, h.getBitDepth());
        assertEquals(6, h.getStackSize());
        assertEquals(0.9f, h.getStack().getProcessor(3).getf(30, 30), 1e-6);
        assertEquals(0.6, h.getCalibration().pixelWidth, 1e-5); // TIFF stores a rational
        assertEquals("mm", h.getCalibration().getUnit());
        assertEquals(2.0, h.getCalibration().pixelDepth, 1e-9);
        assertEquals(0, h.getDisplayRangeMin());
        assertEquals(1, h.getDisplayRangeMax());

        Path png = dir.resolve("study-1/preview.png");
        DetectionFiles.saveMontagePng(imp, d, png);
        ImagePlus m = IJ.openImage(png.toString());
        assertEquals(ImagePlus.COLOR_RGB, m.getType());
        assertEquals(2 * 96 + 2, m.getWidth(), 2, "two tiles side by side");
        try (var files = Files.list(tif.getParent())) {
            assertEquals(3, files.count(), "no temporary files left");
        }
    }
}
