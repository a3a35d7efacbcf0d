package org.tumorj.dicom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tumorj.util.Progress;
import org.tumorj.volume.Volume;

/** Pixel semantics the corpus lacks, on files written by {@link TestDicomWriter}. */
class PixelSemanticsTest {
    private final DicomReader reader = DicomReader.standard();

    @Test
    void enhancedMultiFrameUsesPerFrameGeometryAndRescale(@TempDir Path dir) throws IOException {
        double[] z = {10, 5, 0};
        List<TestDicomWriter> frames = new java.util.ArrayList<>();
        for (int f = 0; f < 3; f++) {
            frames.add(new TestDicomWriter()
                    .sequence(Tags.PLANE_POSITION_SEQUENCE, List.of(new TestDicomWriter()
                            .text(Tags.IMAGE_POSITION_PATIENT, "DS", "0\\0\\" + z[f])))
                    .sequence(Tags.PIXEL_VALUE_TRANSFORMATION_SEQUENCE, List.of(new TestDicomWriter()
                            .text(Tags.RESCALE_INTERCEPT, "DS", String.valueOf(-100 * f))
                            .text(Tags.RESCALE_SLOPE, "DS", "0.5"))));
        }
        TestDicomWriter shared = new TestDicomWriter()
                .sequence(Tags.PIXEL_MEASURES_SEQUENCE, List.of(new TestDicomWriter()
                        .text(Tags.PIXEL_SPACING, "DS", "0.7\\0.8").text(Tags.SLICE_THICKNESS, "DS", "5")))
                .sequence(Tags.PLANE_ORIENTATION_SEQUENCE, List.of(new TestDicomWriter()
                        .text(Tags.IMAGE_ORIENTATION_PATIENT, "DS", "1\\0\\0\\0\\1\\0")));
        short[] pixels = new short[2 * 2 * 3];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (short) (i * 10);
        }
        Path file = new TestDicomWriter()
                .text(Tags.SOP_INSTANCE_UID, "UI", "1.2.3.4")
                .text(Tags.MODALITY, "CS", "MR")
                .text(Tags.SERIES_INSTANCE_UID, "UI", "1.2.3")
                .text(Tags.NUMBER_OF_FRAMES, "IS", "3")
                .us(Tags.ROWS, 2).us(Tags.COLUMNS, 2)
                .us(Tags.BITS_ALLOCATED, 16).us(Tags.BITS_STORED, 12).us(Tags.HIGH_BIT, 11)
                .us(Tags.PIXEL_REPRESENTATION, 0)
                .sequence(Tags.SHARED_FUNCTIONAL_GROUPS, List.of(shared))
                .sequence(Tags.PER_FRAME_FUNCTIONAL_GROUPS, frames)
                .pixels16(pixels)
                .writeTo(dir.resolve("enhanced.dcm"), TestDicomWriter.EXPLICIT_LE);

        Volume v = reader.readVolume(reader.scan(file, Progress.none()).largest().orElseThrow(), Progress.none());

        assertEquals(3, v.depth());
        assertEquals(5, v.info().spacingZ(), 1e-9);
        assertEquals(0.8, v.info().spacingX(), 1e-9);
        assertEquals(0.7, v.info().spacingY(), 1e-9);
        assertEquals(List.of("1.2.3.4#3", "1.2.3.4#2", "1.2.3.4#1"), v.info().sopInstanceUids());
        // slice 0 is frame 3 (z = 0): stored 80..110, slope 0.5, intercept -200
        assertArrayEquals(new float[] {-160, -155, -150, -145}, v.slice(0));
        assertArrayEquals(new float[] {0, 5, 10, 15}, v.slice(2));
    }

    @Test
    void bitsOutsideBitsStoredAreMaskedAndSignExtended(@TempDir Path dir) throws IOException {
        // BitsStored 12, HighBit 11, signed: 0xF800 carries overlay bits above bit 11 and -2048 below.
        short[] pixels = {(short) 0xF800, (short) 0x07FF, (short) 0x1FFF, 0x0001};
        Path file = TestDicomWriter.ctHeader("1.2.9", 1, 2, 2, 0)
                .us(Tags.BITS_STORED, 12).us(Tags.HIGH_BIT, 11)
                .pixels16(pixels).writeTo(dir.resolve("masked.dcm"), TestDicomWriter.EXPLICIT_LE);
        float[] out = new float[4];
        PixelDecoder.open(file).greyFrame(0, out);
        assertArrayEquals(new float[] {-2048 - 1024, 2047 - 1024, -1 - 1024, 1 - 1024}, out);
    }

    @Test
    void paletteColourIsLookedUp(@TempDir Path dir) throws IOException {
        byte[] red = new byte[512], green = new byte[512], blue = new byte[512];
        ByteBuffer r = ByteBuffer.wrap(red).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer g = ByteBuffer.wrap(green).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer b = ByteBuffer.wrap(blue).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < 256; i++) {
            r.putShort((short) (i << 8));
            g.putShort((short) ((255 - i) << 8));
            b.putShort((short) 0x8000);
        }
        Path file = colourHeader("PALETTE COLOR", 1, 8)
                .us(Tags.RED_PALETTE_DESCRIPTOR, 256, 0, 16).us(Tags.GREEN_PALETTE_DESCRIPTOR, 256, 0, 16)
                .us(Tags.BLUE_PALETTE_DESCRIPTOR, 256, 0, 16)
                .bytes(Tags.RED_PALETTE_DATA, "OW", red).bytes(Tags.GREEN_PALETTE_DATA, "OW", green)
                .bytes(Tags.BLUE_PALETTE_DATA, "OW", blue)
                .bytes(Tags.PIXEL_DATA, "OB", new byte[] {0, 10, (byte) 200, (byte) 255})
                .writeTo(dir.resolve("palette.dcm"), TestDicomWriter.EXPLICIT_LE);
        int[] rgb = PixelDecoder.open(file).colorFrame(0);
        assertArrayEquals(new int[] {0x00FF80, 0x0AF580, 0xC83780, 0xFF0080}, rgb);
        assertTrue(reader.scan(file, Progress.none()).largest().orElseThrow().isColor());
    }

    @Test
    void nativeYbrFull422IsUpsampledAndConverted(@TempDir Path dir) throws IOException {
        // two pixel pairs per row: Y1 Y2 Cb Cr; grey (Cb = Cr = 128) and pure red-ish chroma
        byte[] data = {100, (byte) 200, (byte) 128, (byte) 128, 50, 60, (byte) 128, (byte) 228};
        Path file = colourHeader("YBR_FULL_422", 3, 8)
                .bytes(Tags.PIXEL_DATA, "OB", data).writeTo(dir.resolve("ybr.dcm"), TestDicomWriter.EXPLICIT_LE);
        int[] rgb = PixelDecoder.open(file).colorFrame(0);
        assertEquals(0x646464, rgb[0]);
        assertEquals(0xC8C8C8, rgb[1]);
        assertEquals(Ycc.toRgb(50, 128, 228, false), rgb[2]);
        assertEquals((Ycc.toRgb(50, 128, 228, false) >> 16) & 0xFF, Math.min(255, Math.round(50 + 1.402 * 100)));
    }

    @Test
    void aFileWithoutPreambleOrFileMetaReadsLikeItsPart10Twin(@TempDir Path dir) throws IOException {
        byte[] part10 = Files.readAllBytes(TestImages.file("pydicom/MR_small_implicit.dcm"));
        int groupLength = ByteBuffer.wrap(part10).order(ByteOrder.LITTLE_ENDIAN).getInt(132 + 8);
        Path bare = Files.write(dir.resolve("bare"), Arrays.copyOfRange(part10, 132 + 12 + groupLength, part10.length));
        float[] a = new float[64 * 64], b = new float[64 * 64];
        PixelDecoder.open(bare).greyFrame(0, a);
        PixelDecoder.open(TestImages.file("pydicom/MR_small.dcm")).greyFrame(0, b);
        assertArrayEquals(b, a);
    }

    @Test
    void headerTextLeavesPatientIdentityOutUnlessAsked() {
        Path ct = TestImages.file("pydicom/CT_small.dcm");
        String safe = reader.headerText(ct, false);
        String full = reader.headerText(ct, true);
        assertTrue(safe.contains("(0008,0060) CS Modality: CT"), safe);
        assertTrue(safe.contains("(0028,0010) US Rows: 128"), safe);
        assertFalse(safe.contains("CompressedSamples"), safe);
        assertFalse(safe.contains("1CT1"), safe);
        assertFalse(safe.contains("ABCD1234"), safe);
        assertTrue(full.contains("(0010,0010) PN PatientName: CompressedSamples^CT1"), full);
        assertTrue(full.contains(">(0010,0020) LO PatientID: ABCD1234"), full);
    }

    private static TestDicomWriter colourHeader(String photometric, int samples, int bits) {
        return new TestDicomWriter()
                .text(Tags.SOP_INSTANCE_UID, "UI", "1.2.5.1")
                .text(Tags.MODALITY, "CS", "OT")
                .text(Tags.SERIES_INSTANCE_UID, "UI", "1.2.5")
                .us(Tags.SAMPLES_PER_PIXEL, samples)
                .text(Tags.PHOTOMETRIC_INTERPRETATION, "CS", photometric)
                .us(Tags.PLANAR_CONFIGURATION, 0)
                .us(Tags.ROWS, 2).us(Tags.COLUMNS, 2)
                .us(Tags.BITS_ALLOCATED, bits).us(Tags.BITS_STORED, bits).us(Tags.HIGH_BIT, bits - 1)
                .us(Tags.PIXEL_REPRESENTATION, 0);
    }
}
