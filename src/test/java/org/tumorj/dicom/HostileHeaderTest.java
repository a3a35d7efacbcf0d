package org.tumorj.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Headers that promise more than the file holds: refused with a DicomException before any pixel
 * buffer is allocated (the cap is {@link PixelFormat#MAX_SAMPLES}), never an exception of
 * another type.
 */
class HostileHeaderTest {
    private static final String RLE = "1.2.840.10008.1.2.5";

    @TempDir Path dir;

    private static TestDicomWriter image(int rows, int columns, int samples, String photometric, int bits) {
        return new TestDicomWriter()
                .text(Tags.SOP_INSTANCE_UID, "UI", "1.2.3.4")
                .text(Tags.SERIES_INSTANCE_UID, "UI", "1.2.3")
                .us(Tags.SAMPLES_PER_PIXEL, samples)
                .text(Tags.PHOTOMETRIC_INTERPRETATION, "CS", photometric)
                .us(Tags.ROWS, rows)
                .us(Tags.COLUMNS, columns)
                .us(Tags.BITS_ALLOCATED, bits)
                .us(Tags.BITS_STORED, bits);
    }

    @Test
    void aCompressedImageDeclaringMoreThanTheSampleCapIsRefused() throws IOException {
        // 40000 x 40000 RLE: a few hundred bytes on disk, 1.6 G samples once decoded
        byte[] frame = new byte[64];
        frame[0] = 1;
        frame[4] = 64;
        TestDicomWriter w = image(40000, 40000, 1, "MONOCHROME2", 8);
        Path file = encapsulated(w, frame).writeTo(dir.resolve("huge.dcm"), RLE);
        DicomException e = assertThrows(DicomException.class, () -> PixelDecoder.open(file));
        assertEquals(file, e.file());
        assertTrue(e.problem().startsWith("image too large: 40000 x 40000 x 1 sample(s) x 1 frame(s) = 1600000000 samples, "
                + "above TumorJ's limit of 268435456 (2^28) per file"), e.problem());
        // the folder scan lists it as a problem and goes on
        DicomScan scan = DicomReader.standard().scan(dir, org.tumorj.util.Progress.none());
        assertEquals(1, scan.problems().size());
    }

    @Test
    void rowsTimesColumnsBeyondIntegerRangeIsRefusedNotOverflowed() throws IOException {
        TestDicomWriter w = image(65535, 65535, 3, "RGB", 8).bytes(Tags.PIXEL_DATA, "OB", new byte[12]);
        Path file = w.writeTo(dir.resolve("overflow.dcm"), TestDicomWriter.EXPLICIT_LE);
        DicomException e = assertThrows(DicomException.class, () -> PixelDecoder.open(file));
        assertTrue(e.problem().startsWith("image too large"), e.problem());
    }

    @Test
    void moreFramesThanThePixelDataCanHoldAreRefusedAtScanTime() throws IOException {
        // 200 million 1x1 frames declared, one byte of pixel data: no per-frame metadata is built
        TestDicomWriter w = image(1, 1, 1, "MONOCHROME2", 8).text(Tags.NUMBER_OF_FRAMES, "IS", "200000000")
                .bytes(Tags.PIXEL_DATA, "OB", new byte[2]);
        Path file = w.writeTo(dir.resolve("frames.dcm"), TestDicomWriter.EXPLICIT_LE);
        DicomScan scan = DicomReader.standard().scan(dir, org.tumorj.util.Progress.none());
        assertEquals(1, scan.problems().size());
        assertEquals(file, scan.problems().get(0).file());
        assertTrue(scan.problems().get(0).problem().startsWith(
                "NumberOfFrames (0028,0008) is 200000000 but the pixel data can hold at most 2 frame(s)"), scan.problems().get(0).problem());
    }

    @Test
    void moreFramesThanEncapsulatedFragmentsCouldHoldAreRefused() throws IOException {
        byte[] frame = new byte[64];
        frame[0] = 1;
        frame[4] = 64;
        TestDicomWriter w = image(1, 1, 1, "MONOCHROME2", 8).text(Tags.NUMBER_OF_FRAMES, "IS", "200000000");
        Path file = encapsulated(w, frame).writeTo(dir.resolve("rle-frames.dcm"), RLE);
        DicomException e = assertThrows(DicomException.class, () -> DicomImage.read(file));
        assertTrue(e.problem().startsWith("NumberOfFrames (0028,0008) is 200000000 but the pixel data can hold at most"), e.problem());
    }

    @Test
    void nativeYbr422WithAnOddWidthIsRefused() throws IOException {
        // 4:2:2 pairs two pixels; an odd row would read past the pixel data
        TestDicomWriter w = image(3, 3, 3, "YBR_FULL_422", 8).bytes(Tags.PIXEL_DATA, "OB", new byte[18]);
        Path file = w.writeTo(dir.resolve("odd422.dcm"), TestDicomWriter.EXPLICIT_LE);
        DicomException e = assertThrows(DicomException.class, () -> PixelDecoder.open(file).colorFrame(0));
        assertTrue(e.problem().contains("even number of columns"), e.problem());
    }

    @Test
    void aPaletteDescriptorWithOneValueIsRefused() throws IOException {
        TestDicomWriter w = palette(image(2, 2, 1, "PALETTE COLOR", 8), new int[] {256}, 256, 256);
        Path file = w.bytes(Tags.PIXEL_DATA, "OB", new byte[4]).writeTo(dir.resolve("palette1.dcm"), TestDicomWriter.EXPLICIT_LE);
        DicomException e = assertThrows(DicomException.class, () -> PixelDecoder.open(file).colorFrame(0));
        assertTrue(e.problem().contains("3 expected"), e.problem());
    }

    @Test
    void palettesOfDifferentLengthsStayWithinTheShortest() throws IOException {
        // red has 256 entries, green and blue 4: index 200 must not run off the short tables
        TestDicomWriter w = palette(image(2, 2, 1, "PALETTE COLOR", 8), new int[] {256, 0, 16}, 4, 4);
        Path file = w.bytes(Tags.PIXEL_DATA, "OB", new byte[] {(byte) 200, 1, 2, 3}).writeTo(dir.resolve("palette2.dcm"),
                TestDicomWriter.EXPLICIT_LE);
        int[] rgb = PixelDecoder.open(file).colorFrame(0);
        assertEquals(4, rgb.length);
    }

    @Test
    void anOrientationWithExtraValuesBesideANormalOneIsRead() throws IOException {
        for (int i = 0; i < 2; i++) {
            image(2, 2, 1, "MONOCHROME2", 8)
                    .text(Tags.IMAGE_POSITION_PATIENT, "DS", "0\\0\\" + i)
                    .text(Tags.IMAGE_ORIENTATION_PATIENT, "DS", i == 1 ? "1\\0\\0\\0\\1\\0\\0" : "1\\0\\0\\0\\1\\0")
                    .bytes(Tags.PIXEL_DATA, "OB", new byte[4]).writeTo(dir.resolve(i + ".dcm"), TestDicomWriter.EXPLICIT_LE);
        }
        DicomScan scan = DicomReader.standard().scan(dir, org.tumorj.util.Progress.none());
        assertEquals(java.util.List.of(), scan.problems());
        assertEquals(2, scan.largest().orElseThrow().summary().slices());
    }

    /** Red descriptor as given, green and blue {entries, 0, 16}; 16-bit tables of the sizes the descriptors say. */
    private static TestDicomWriter palette(TestDicomWriter w, int[] red, int green, int blue) {
        w.us(Tags.RED_PALETTE_DESCRIPTOR, red).us(Tags.GREEN_PALETTE_DESCRIPTOR, green, 0, 16)
                .us(Tags.BLUE_PALETTE_DESCRIPTOR, blue, 0, 16);
        int redEntries = red[0] == 0 ? 65536 : red[0];
        return w.bytes(Tags.RED_PALETTE_DATA, "OW", new byte[2 * redEntries])
                .bytes(Tags.GREEN_PALETTE_DATA, "OW", new byte[2 * green])
                .bytes(Tags.BLUE_PALETTE_DATA, "OW", new byte[2 * blue]);
    }

    /** Encapsulated pixel data: an empty offset table, then one fragment. */
    private static TestDicomWriter encapsulated(TestDicomWriter w, byte[] fragment) {
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        item(b, new byte[0]);
        item(b, fragment);
        b.writeBytes(new byte[] {(byte) 0xFE, (byte) 0xFF, (byte) 0xDD, (byte) 0xE0, 0, 0, 0, 0});
        return w.lying(Tags.PIXEL_DATA, "OB", 0xFFFFFFFFL, b.toByteArray());
    }

    private static void item(java.io.ByteArrayOutputStream b, byte[] value) {
        b.writeBytes(new byte[] {(byte) 0xFE, (byte) 0xFF, 0, (byte) 0xE0});
        int n = value.length;
        b.writeBytes(new byte[] {(byte) n, (byte) (n >> 8), (byte) (n >> 16), (byte) (n >> 24)});
        b.writeBytes(value);
    }
}
