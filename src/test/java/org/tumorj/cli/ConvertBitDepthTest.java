package org.tumorj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ij.IJ;
import ij.ImagePlus;
import ij.measure.Calibration;
import ij.process.ImageProcessor;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tumorj.dicom.DicomReader;
import org.tumorj.dicom.TestDicomWriter;
import org.tumorj.util.Progress;
import org.tumorj.volume.Volume;

/**
 * {@code convert} stores 16-bit where every modality value is an integer within a 16-bit span and
 * float where not; ImageJ 1.54, opening the TIFF, shows the modality values either way.
 */
class ConvertBitDepthTest {
    private static final Path DICOM = Path.of("test-images", "dicom");
    @TempDir Path dir;

    @Test
    void ctInHounsfieldUnitsIs16BitAndImageJShowsTheSameValuesAndWindow() {
        Path series = DICOM.resolve("pydicom/CT2");
        ImagePlus imp = convertAndOpen(series);
        Volume v = read(series);

        assertEquals(ImagePlus.GRAY16, imp.getType());
        assertEquals("HU", imp.getCalibration().getValueUnit());
        assertShowsModalityValues(v, imp);
        Calibration cal = imp.getCalibration();
        double low = v.info().windowCenter() - v.info().windowWidth() / 2;
        assertEquals(low, cal.getCValue(imp.getDisplayRangeMin()), 1e-6, "window in HU");
        assertEquals(low + v.info().windowWidth(), cal.getCValue(imp.getDisplayRangeMax()), 1e-6);
    }

    @Test
    void aNonIntegerRescaleSlopeStaysFloat() throws IOException {
        Path series = writeSeries("0.5", "-1024", -2000, 3000, "40\\400");
        ImagePlus imp = convertAndOpen(series);
        assertEquals(ImagePlus.GRAY32, imp.getType());
        assertShowsModalityValues(read(series), imp);
    }

    @Test
    void integerValuesSpanningMoreThan16BitsStayFloat() throws IOException {
        Path series = writeSeries("2", "0", -30000, 30000, "40\\400"); // -60000..60000
        ImagePlus imp = convertAndOpen(series);
        assertEquals(ImagePlus.GRAY32, imp.getType());
        assertShowsModalityValues(read(series), imp);
    }

    /**
     * With a window in the header the series is streamed, so the coding comes from the header: it
     * allows -72768..-7233 (signed 16-bit stored values, intercept -40000), 16 bits from its minimum.
     */
    @Test
    void valuesBelowTheSignedRangeAreStoredFromTheHeadersMinimum() throws IOException {
        Path series = writeSeries("1", "-40000", 0, 1000, "-39500\\1000");
        ImagePlus imp = convertAndOpen(series);
        assertEquals(ImagePlus.GRAY16, imp.getType());
        assertEquals(-40000 - 32768, imp.getCalibration().getCValue(0), 0);
        assertShowsModalityValues(read(series), imp);
    }

    /** Without a window in the header the values are read first, and the coding fits them: from their minimum. */
    @Test
    void valuesBelowTheSignedRangeAreStoredFromTheirMinimum() throws IOException {
        Path series = writeSeries("1", "-40000", 0, 1000, null); // -40000..-39000
        ImagePlus imp = convertAndOpen(series);
        assertEquals(ImagePlus.GRAY16, imp.getType());
        assertEquals(-40000, imp.getCalibration().getCValue(0), 0);
        assertShowsModalityValues(read(series), imp);
    }

    /** Slope 2 makes the header's span too wide, but these values fit: decided from the values. */
    @Test
    void integerValuesTheHeaderCannotVouchForAreCheckedOneByOne() throws IOException {
        Path series = writeSeries("2", "0", -1000, 1000, "0\\400"); // -2000..2000
        ImagePlus imp = convertAndOpen(series);
        assertEquals(ImagePlus.GRAY16, imp.getType());
        assertEquals(-32768, imp.getCalibration().getCValue(0), 0);
        assertShowsModalityValues(read(series), imp);
    }

    /** Values that are their own 16-bit samples need no calibration, as ImageJ keeps unsigned data. */
    @Test
    void unsignedValuesAre16BitWithoutACalibration() throws IOException {
        Path series = writeSeries("1", "0", 0, 1000, null);
        ImagePlus imp = convertAndOpen(series);
        assertEquals(ImagePlus.GRAY16, imp.getType());
        assertEquals(false, imp.getCalibration().calibrated());
        assertShowsModalityValues(read(series), imp);
    }

    /** A NIfTI image converts too: the DICOM series written as NIfTI gives the same values, 16-bit, in mm. */
    @Test
    void aNiftiImageConvertsToTheSameStack() throws IOException {
        Volume v = read(writeSeries("1", "-1024", 0, 3000, null));
        Path nifti = dir.resolve("ct.nii.gz");
        org.tumorj.nifti.NiftiTestFiles.write(nifti, v.info(), v.slices());
        ImagePlus imp = convertAndOpen(nifti);
        assertEquals(ImagePlus.GRAY16, imp.getType());
        assertEquals(v.info().spacingZ(), imp.getCalibration().pixelDepth, 1e-9);
        assertShowsModalityValues(v, imp);
    }

    private ImagePlus convertAndOpen(Path series) {
        Path out = dir.resolve("out.tif");
        CliRun r = CliRun.of("convert", series.toString(), out.toString());
        assertEquals(0, r.status(), r.err());
        return IJ.openImage(out.toString());
    }

    private static Volume read(Path series) {
        DicomReader reader = DicomReader.standard();
        return reader.readVolume(reader.scan(series, Progress.none()).largest().orElseThrow(), Progress.none());
    }

    /** Every pixel of every slice, through ImageJ's calibration, equals TumorJ's modality value. */
    private static void assertShowsModalityValues(Volume v, ImagePlus imp) {
        assertEquals(v.depth(), imp.getStackSize());
        Calibration cal = imp.getCalibration();
        for (int z = 0; z < v.depth(); z++) {
            ImageProcessor ip = imp.getStack().getProcessor(z + 1);
            float[] expected = v.slice(z);
            for (int i = 0; i < expected.length; i++) {
                double shown = cal.getCValue(ip.getf(i));
                if (shown != expected[i]) {
                    assertEquals(expected[i], shown, 0, "slice " + z + ", pixel " + i);
                }
            }
        }
    }

    /**
     * Three 8 x 8 CT slices with this rescale and window (or none), stored values running from
     * {@code low} to {@code high}.
     */
    private Path writeSeries(String slope, String intercept, int low, int high, String window) throws IOException {
        Path series = dir.resolve("series");
        java.nio.file.Files.createDirectories(series);
        for (int z = 0; z < 3; z++) {
            short[] pixels = new short[64];
            for (int i = 0; i < pixels.length; i++) {
                pixels[i] = (short) (low + (long) (high - low) * ((i + 7 * z) % 64) / 63);
            }
            TestDicomWriter.ctSlice("1.2.826.0.1.3680043.9.13", z + 1, 8, 8, 2.0 * z, pixels, slope, intercept, window)
                    .writeTo(series.resolve("IM" + z), TestDicomWriter.EXPLICIT_LE);
        }
        return series;
    }
}
