package org.tumorj.ij;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import ij.ImagePlus;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.tumorj.dicom.DicomReader;
import org.tumorj.util.Progress;
import org.tumorj.volume.Volume;
import org.tumorj.volume.VolumeInfo;

/**
 * A radiograph with a VOI LUT looks in ImageJ as the LUT says, with its pixel values untouched,
 * and its shutters survive the trip through the image.
 */
class RadiographDisplayTest {
    private static final Path FILE = Path.of("test-images/dicom/xray/voi-lut-16bit.dcm");

    private static Volume read() {
        DicomReader reader = DicomReader.standard();
        return reader.readVolume(reader.scan(FILE, Progress.none()).largest().orElseThrow(), Progress.none());
    }

    @Test
    void screenGreyFollowsTheVoiLutAndValuesStayModalityValues() {
        Volume v = read();
        assertShownThroughLut(v);
    }

    @Test
    void inversionIsAppliedOnTopOfTheLut() {
        Volume v = read();
        VolumeInfo i = v.info();
        VolumeInfo inverted = new VolumeInfo(i.modality(), i.studyInstanceUid(), i.seriesInstanceUid(), i.seriesDescription(),
                i.patientId(), i.width(), i.height(), i.spacingX(), i.spacingY(), i.spacingZ(), i.origin(), i.rowDirection(),
                i.columnDirection(), i.windowCenter(), i.windowWidth(), true, i.sopInstanceUids(), i.warnings(), i.voiLut(), i.shutter());
        assertShownThroughLut(new Volume(inverted, v.slices()));
    }

    @Test
    void shuttersComeBackWithTheVolumeRebuiltFromTheImage() {
        DicomReader reader = DicomReader.standard();
        Volume v = reader.readVolume(reader.scan(Path.of("test-images/dicom/xray/shutter-rect-circle.dcm"), Progress.none())
                .largest().orElseThrow(), Progress.none());
        VolumeInfo back = VolumeImages.toVolume(VolumeImages.toImagePlus(v, null)).info();
        assertArrayEquals(v.info().shutter().rectangle(), back.shutter().rectangle(), 0.0);
        assertArrayEquals(v.info().shutter().circle(), back.shutter().circle(), 0.0);
        assertNull(back.shutter().polygon());
    }

    private static void assertShownThroughLut(Volume v) {
        VolumeInfo info = v.info();
        ImagePlus imp = VolumeImages.toImagePlus(v, null);
        assertSame(v.slice(0), imp.getProcessor().getPixels(), "pixels are the modality values themselves");
        assertEquals(info.voiLut().firstInput(), imp.getDisplayRangeMin(), 1e-9);
        assertEquals(info.voiLut().firstInput() + info.voiLut().table().length - 1, imp.getDisplayRangeMax(), 1e-9);
        assertEquals(info.spacingX(), imp.getCalibration().pixelWidth, 1e-12);
        assertEquals(info.spacingY(), imp.getCalibration().pixelHeight, 1e-12);
        BufferedImage shown = imp.getProcessor().getBufferedImage();
        double worst = 0;
        for (int y = 0; y < v.height(); y += 3) {
            for (int x = 0; x < v.width(); x += 3) {
                int grey = shown.getRGB(x, y) & 0xFF;
                double wanted = 255 * info.presentation(v.slice(0)[y * v.width() + x]);
                worst = Math.max(worst, Math.abs(grey - wanted));
            }
        }
        // 256 samples of a 2500-entry curve: steep parts move up to a few grey levels per sample
        assertEquals(0, worst, 6, "largest difference from the LUT's grey, in 8-bit levels");
    }
}
