package org.tumorj.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.gui.ImageRoi;
import ij.gui.Roi;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tumorj.detect.DetectionParams;
import org.tumorj.detect.Detections;
import org.tumorj.detect.Finding;
import org.tumorj.detect.Point3;
import org.tumorj.detect.ProbabilityMap;
import org.tumorj.detect.ProbabilityMaps;
import org.tumorj.phantom.LesionTruth;
import org.tumorj.phantom.PhantomConfig;
import org.tumorj.phantom.PhantomGenerator;
import org.tumorj.phantom.PhantomModality;
import org.tumorj.phantom.PhantomStudy;
import org.tumorj.volume.BoundingBox;
import org.tumorj.volume.VolumeInfo;

/**
 * A radiograph's heat map is drawn inside its lung fields, over every reported finding wherever
 * it lies, and over the whole image when the image no longer holds the radiograph's values.
 */
class RadiographHeatMapTest {
    private static final PhantomStudy STUDY = PhantomGenerator.generate(PhantomConfig.of(PhantomModality.XR, 2026, 1));
    private static final VolumeInfo INFO = STUDY.volume().info();
    private static final int W = INFO.width(), H = INFO.height();
    /** A finding in the top-left corner, outside both lungs. */
    private static final BoundingBox CORNER = new BoundingBox(4, 4, 16, 16);

    @Test
    void drawnInTheLungsAndOverFindingsOutsideThem() {
        ImageProcessor heat = heatMap(new ImagePlus("xr", new FloatProcessor(W, H, STUDY.volume().slice(0).clone())));
        for (LesionTruth l : STUDY.groundTruth().lesions()) {
            int x = (int) Math.round(l.centrePixel()[0]), y = (int) Math.round(l.centrePixel()[1]);
            assertTrue(coloured(heat, x, y), "nodule " + l.id() + " in the lung field is coloured");
        }
        assertTrue(coloured(heat, CORNER.x() + 8, CORNER.y() + 8), "the finding outside the lungs is coloured");
        assertFalse(coloured(heat, W - 3, 2), "the image corner, outside lungs and findings, is transparent");
    }

    @Test
    void aConvertedOrResizedImageIsNotMasked() {
        FloatProcessor radiograph = new FloatProcessor(W, H, STUDY.volume().slice(0).clone());
        ImagePlus eightBit = new ImagePlus("xr 8-bit", radiograph.convertToByteProcessor());
        assertTrue(coloured(heatMap(eightBit), W - 3, 2), "no lung mask from pixels that are not the radiograph's values");
        radiograph.setRoi(0, 0, W - 10, H);
        ImagePlus cropped = new ImagePlus("xr cropped", radiograph.crop());
        assertTrue(coloured(heatMap(cropped), W - 3, 2), "no lung mask from an image of another size");
    }

    /** The heat map's pixels are ARGB once zero is transparent: colour, not alpha, says drawn. */
    private static boolean coloured(ImageProcessor heat, int x, int y) {
        return (heat.get(x, y) & 0xffffff) != 0;
    }

    private static ImageProcessor heatMap(ImagePlus imp) {
        float[] p = new float[W * H];
        Arrays.fill(p, 0.5f);
        ProbabilityMaps maps = new ProbabilityMaps(List.of(new ProbabilityMap(p, W, H, 1, 0)), W, H);
        Point3 c = new Point3(CORNER.x() + 8, CORNER.y() + 8, 0);
        Finding corner = new Finding(1, 0.5f, 0.5f, 0.5f, 0, 0, CORNER, 256, 10, 10, c, c, List.of());
        Detections d = new Detections("xr-1", INFO, DetectionParams.of(0.5), maps, List.of(corner), new float[] {0.5f});
        List<Roi> rois = FindingsOverlay.heatMapRois(imp, d);
        assertEquals(1, rois.size());
        return ((ImageRoi) rois.get(0)).getProcessor();
    }
}
