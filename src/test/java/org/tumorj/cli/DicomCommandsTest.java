package org.tumorj.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import ij.IJ;
import ij.ImagePlus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tumorj.dicom.DicomReader;
import org.tumorj.util.Progress;
import org.tumorj.volume.Volume;

/** {@code ./tumorj info} and {@code ./tumorj convert} through the real entry point. */
class DicomCommandsTest {
    private static final Path DICOM = Path.of("test-images", "dicom");



    @Test
    void infoPrintsOneJsonObjectPerSeries() {
        CliRun r = CliRun.of("info", DICOM.resolve("pydicom/CT2").toString());
        assertEquals(0, r.status(), r.err());
        JsonArray a = JsonParser.parseString(r.out()).getAsJsonArray();
        assertEquals(1, a.size());
        JsonObject s = a.get(0).getAsJsonObject();
        for (String key : List.of("seriesInstanceUID", "modality", "transferSyntaxUID", "rows", "columns", "slices",
                "bitsAllocated", "bitsStored", "pixelRepresentation", "photometricInterpretation", "rescaleSlope",
                "rescaleIntercept", "windowCenter", "windowWidth", "pixelSpacing", "sliceSpacing", "warnings")) {
            assertTrue(s.has(key), key);
        }
        assertEquals("CT", s.get("modality").getAsString());
        assertEquals(4, s.get("slices").getAsInt());
        assertEquals(1, s.get("pixelRepresentation").getAsInt());
        assertEquals(-1024, s.get("rescaleIntercept").getAsDouble());
        assertEquals(1.25, s.get("sliceSpacing").getAsDouble(), 1e-3);
        assertEquals(0.488281, s.getAsJsonArray("pixelSpacing").get(0).getAsDouble(), 1e-6);
        assertTrue(s.getAsJsonArray("warnings").get(0).getAsString().startsWith("gap"));
    }

    @Test
    void infoOnAMixedFolderListsEverySeriesAndWarnsAboutBrokenFiles() {
        CliRun r = CliRun.of("info", DICOM.resolve("pydicom").toString());
        assertEquals(0, r.status(), r.err());
        JsonArray a = JsonParser.parseString(r.out()).getAsJsonArray();
        // the MR_small variants share one SeriesInstanceUID, so they form one series
        assertTrue(a.size() >= 10, "series: " + a.size());
        assertTrue(r.err().contains("warning: skipped " + DICOM.resolve("pydicom/malformed/badVR.dcm")), r.err());
    }

    @Test
    void anUnreadableFileIsOneErrorLineAndAFailingStatus() {
        Path bad = DICOM.resolve("pydicom/malformed/MR_truncated.dcm");
        CliRun r = CliRun.of("info", bad.toString());
        assertEquals(1, r.status());
        assertEquals("error: " + bad + ": pixel data truncated: the header declares 8192 bytes but only 8130 are left in the file",
                r.err().strip());
        CliRun refused = CliRun.of("convert", DICOM.resolve("pydicom/MR_small_jpeg_ls_lossless.dcm").toString(), "/tmp/never.tif");
        assertEquals(1, refused.status());
        assertTrue(refused.err().startsWith("error: " + DICOM.resolve("pydicom/MR_small_jpeg_ls_lossless.dcm")
                + ": unsupported transfer syntax JPEG-LS Lossless Image Compression (1.2.840.10008.1.2.4.80)"), refused.err());
        assertEquals(1, refused.err().strip().lines().count(), refused.err());
    }

    @Test
    void convertWritesACtStackImageJReadsBackWithTheSameValues(@TempDir Path dir) {
        Path out = dir.resolve("ct.tif");
        CliRun r = CliRun.of("convert", DICOM.resolve("pydicom/CT2").toString(), out.toString());
        assertEquals(0, r.status(), r.err());

        ImagePlus imp = IJ.openImage(out.toString());
        Volume v = DicomReader.standard().readVolume(
                DicomReader.standard().scan(DICOM.resolve("pydicom/CT2"), Progress.none()).largest().orElseThrow(), Progress.none());
        assertEquals(ImagePlus.GRAY16, imp.getType(), "HU fit 16 bits, as ImageJ stores them");
        assertEquals(4, imp.getStackSize());
        for (int z = 0; z < 4; z++) {
            assertArrayEquals(v.slice(z), calibrated(imp, z + 1), "slice " + z);
            assertEquals(v.info().sopInstanceUids().get(z), imp.getStack().getSliceLabel(z + 1));
        }
        assertEquals(1.25, imp.getCalibration().pixelDepth, 1e-3);
        assertEquals("mm", imp.getCalibration().getUnit());
        float min = Float.MAX_VALUE;
        for (float f : calibrated(imp, 1)) {
            min = Math.min(min, f);
        }
        assertEquals(-981, min, 1e-3, "HU (stored values are >= 0)");
    }

    /** A slice's values as ImageJ shows them: through the image's value calibration. */
    private static float[] calibrated(ImagePlus imp, int slice) {
        ij.process.ImageProcessor ip = imp.getStack().getProcessor(slice);
        float[] out = new float[ip.getPixelCount()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) imp.getCalibration().getCValue(ip.getf(i));
        }
        return out;
    }

    @Test
    void convertWritesColourAsRgb(@TempDir Path dir) {
        Path out = dir.resolve("rgb.tif");
        CliRun r = CliRun.of("convert", DICOM.resolve("pydicom/SC_rgb_rle_2frame.dcm").toString(), out.toString());
        assertEquals(0, r.status(), r.err());
        ImagePlus imp = IJ.openImage(out.toString());
        assertEquals(ImagePlus.COLOR_RGB, imp.getType());
        assertEquals(2, imp.getStackSize());
    }

    @Test
    void convertRefusesToGuessBetweenSeries(@TempDir Path dir) throws IOException {
        Files.copy(DICOM.resolve("pydicom/CT_small.dcm"), dir.resolve("a"));
        Files.copy(DICOM.resolve("pydicom/MR_small.dcm"), dir.resolve("b"));
        Path out = dir.resolve("out.tif");
        CliRun r = CliRun.of("convert", dir.toString(), out.toString());
        assertEquals(1, r.status());
        assertTrue(r.err().contains("holds 2 series: 1 = "), r.err());
        assertTrue(r.err().contains("pick one with --series N or --series UID"), r.err());
        assertFalse(Files.exists(out));
        assertEquals(0, CliRun.of("convert", dir.toString(), out.toString(), "--series", "2").status());
        assertTrue(Files.exists(out));
    }
}
