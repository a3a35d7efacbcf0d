package org.tumorj.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tumorj.util.Progress;

/** Broken and hostile files end in one clear DicomException naming the file and the problem. */
class MalformedInputTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "pydicom/malformed/MR_truncated.dcm|pixel data truncated: the header declares 8192 bytes but only 8130",
        "pydicom/malformed/badVR.dcm|NumberOfFrames (0028,0008) is '1A', not a number",
        "pydicom/malformed/meta_missing_tsyntax.dcm|no TransferSyntaxUID (0002,0010)",
        "pydicom/malformed/rtplan_truncated.dcm|declares 976 bytes but only 711 are left in the file",
        "pydicom/malformed/no_meta.dcm|not a DICOM file",
    })
    void corpusFilesGiveAClearError(String relative, String problem) {
        Path file = TestImages.file(relative);
        DicomException e = assertThrows(DicomException.class, () -> PixelDecoder.open(file));
        assertEquals(file, e.file());
        assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
    }

    /**
     * Issue 13: a 1 MB deflated file took the reader to 2.1 GB of heap before it refused. Inflation
     * now stops where the header's image (here 4 x 4 x 16 bits) plus a 1 MiB margin ends: 100 MB of
     * zeros after the pixel data are never inflated.
     */
    @Test
    void aDeflatedFileCannotExpandPastWhatItsHeaderDeclares(@TempDir Path dir) throws IOException {
        byte[] bomb = TestDicomWriter.ctSlice("1.2.3.5", 1, 4, 4, 0, new short[16])
                .bytes(0x7FE10010, "OB", new byte[100 << 20]).part10Deflated();
        assertTrue(bomb.length < 200_000, "the test file is " + bomb.length + " bytes");
        Path file = Files.write(dir.resolve("bomb.dcm"), bomb);

        DicomException e = assertThrows(DicomException.class, () -> PixelDecoder.open(file));
        assertTrue(e.getMessage().startsWith(file + ": deflated data set expands beyond the "), e.getMessage());
        assertTrue(e.getMessage().contains("4 x 4 x 1 frame(s) x 1 sample(s) x 16 bits"), e.getMessage());
        long bound = Long.parseLong(e.getMessage().replaceAll(".*beyond the (\\d+) bytes.*", "$1"));
        assertTrue(bound < (2 << 20), "bound " + bound);
    }

    @Test
    void aDeflatedFileWithoutPixelDataInItsFirst64MiBIsRefused(@TempDir Path dir) throws IOException {
        Path file = Files.write(dir.resolve("no-pixels.dcm"), new TestDicomWriter()
                .bytes(0x00091010, "OB", new byte[80 << 20]).part10Deflated());
        DicomException e = assertThrows(DicomException.class, () -> PixelDecoder.open(file));
        assertTrue(e.getMessage().contains("no Pixel Data in its first 64 MiB"), e.getMessage());
    }

    @Test
    void aDeflatedImageReadsAsTheSameImageUncompressed(@TempDir Path dir) throws IOException {
        short[] pixels = new short[64 * 48];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (short) (1000 + i % 97);
        }
        TestDicomWriter slice = TestDicomWriter.ctSlice("1.2.3.6", 1, 48, 64, 0, pixels)
                .sequence(0x00081140, List.of(new TestDicomWriter().text(0x00081150, "UI", "1.2.3").text(0x00081155, "UI", "1.2.4")));
        Path deflated = Files.write(dir.resolve("deflated.dcm"), slice.part10Deflated());
        Path plain = slice.writeTo(dir.resolve("plain.dcm"), TestDicomWriter.EXPLICIT_LE);
        float[] a = new float[pixels.length], b = new float[pixels.length];
        PixelDecoder.open(deflated).greyFrame(0, a);
        PixelDecoder.open(plain).greyFrame(0, b);
        assertTrue(java.util.Arrays.equals(a, b));
        assertEquals(1000 - 1024 + 0f, a[0], 1e-3, "rescaled first pixel");
    }

    @Test
    void aDelimiterInsideAJpeg2000FragmentDoesNotEndThePixelData() {
        Path file = TestImages.file("pydicom/malformed/JPEG2000-embedded-sequence-delimiter.dcm");
        // Fragments are found by their lengths, not by scanning, so the frame opens with its SIZ
        // segment; the codestream itself is damaged (GDCM refuses it too) and declares an absurd
        // width: refused when the file is opened, before any frame buffer is sized, not garbage.
        DicomException e = assertThrows(DicomException.class, () -> PixelDecoder.open(file));
        assertEquals(file + ": JPEG 2000 Image Compression frame is 3722445056x1024 but the header says 256x1024",
                e.getMessage());
    }

    /**
     * Issue 13: a Siemens MR written by OsiriX/GDCM carries a JPEG 2000 thumbnail in its Icon Image
     * Sequence; encapsulated Pixel Data inside an item must be skipped by its fragment lengths, not
     * parsed as a data set (which failed with "invalid VR" on the codestream bytes).
     */
    @Test
    void encapsulatedPixelDataInsideAnItemIsSkipped(@TempDir Path dir) throws IOException {
        byte[] codestream = {(byte) 0xFF, 0x4F, (byte) 0xFF, 0x51, 0x00, 0x29, 0x00, 0x00, (byte) 0xFF, (byte) 0xD9};
        TestDicomWriter icon = new TestDicomWriter().us(Tags.SAMPLES_PER_PIXEL, 1)
                .text(Tags.PHOTOMETRIC_INTERPRETATION, "CS", "MONOCHROME2").us(Tags.ROWS, 4).us(Tags.COLUMNS, 4)
                .us(Tags.BITS_ALLOCATED, 8).us(Tags.BITS_STORED, 8).us(Tags.HIGH_BIT, 7).us(Tags.PIXEL_REPRESENTATION, 0)
                .encapsulatedPixels(codestream);
        short[] pixels = {1100, 1200, 1300, 1400};
        Path file = TestDicomWriter.ctHeader("1.2.3.4", 1, 2, 2, 0).sequence(ICON_IMAGE_SEQUENCE, List.of(icon))
                .pixels16(pixels).writeTo(dir.resolve("with-icon.dcm"), TestDicomWriter.EXPLICIT_LE);
        float[] hu = new float[4];
        PixelDecoder.open(file).greyFrame(0, hu);
        assertEquals(1200 - 1024, hu[1], 0, "the main image, not the icon");
    }

    private static final int ICON_IMAGE_SEQUENCE = 0x00880200;

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"0", "-3"})
    void numberOfFramesBelowOneIsAnError(String frames, @TempDir Path dir) throws IOException {
        Path file = TestDicomWriter.ctHeader("1.2.3.4", 1, 2, 2, 0).text(Tags.NUMBER_OF_FRAMES, "IS", frames)
                .pixels16(new short[4]).writeTo(dir.resolve("frames.dcm"), TestDicomWriter.EXPLICIT_LE);
        DicomException e = assertThrows(DicomException.class, () -> PixelDecoder.open(file));
        assertTrue(e.getMessage().contains("NumberOfFrames (0028,0008) is " + frames + "; an image has at least 1 frame"),
                e.getMessage());
    }

    @Test
    void aHeaderWithoutPixelDataIsNotAnImage(@TempDir Path dir) throws IOException {
        Path file = new TestDicomWriter().text(Tags.MODALITY, "CS", "SR").writeTo(dir.resolve("report.dcm"), TestDicomWriter.EXPLICIT_LE);
        DicomException e = assertThrows(DicomException.class, () -> DicomImage.read(file));
        assertTrue(e.getMessage().contains("no pixel data"), e.getMessage());
    }

    @Test
    void anEmptyFileIsNamed(@TempDir Path dir) throws IOException {
        Path file = Files.createFile(dir.resolve("empty.dcm"));
        DicomException e = assertThrows(DicomException.class, () -> DicomImage.read(file));
        assertEquals(file + ": empty file (0 bytes), not a DICOM image", e.getMessage());
    }

    @Test
    void hostileLengthsAllocateNothingAndEndQuickly(@TempDir Path dir) throws IOException {
        Path bigValue = new TestDicomWriter().text(Tags.MODALITY, "CS", "CT")
                .lying(0x00091010, "OB", 0xFFFFFFF0L, new byte[16]).writeTo(dir.resolve("a.dcm"), TestDicomWriter.EXPLICIT_LE);
        Path bigPixels = TestDicomWriter.ctHeader("1.2.3", 1, 4, 4, 0)
                .lying(Tags.PIXEL_DATA, "OW", 0x7FFFFFF0L, new byte[32]).writeTo(dir.resolve("b.dcm"), TestDicomWriter.EXPLICIT_LE);
        Path bigItem = new TestDicomWriter().sequence(0x00081140, List.of()).writeTo(dir.resolve("c.dcm"), TestDicomWriter.EXPLICIT_LE);
        byte[] c = Files.readAllBytes(bigItem);
        // turn the sequence's delimiter into an item of 2 GB
        c[c.length - 8 + 2] = 0x00;
        c[c.length - 8 + 3] = (byte) 0xE0;
        c[c.length - 4] = c[c.length - 3] = c[c.length - 2] = (byte) 0xF0;
        c[c.length - 1] = 0x7F;
        Files.write(bigItem, c);
        for (Path p : List.of(bigValue, bigPixels, bigItem)) {
            DicomException e = assertThrows(DicomException.class, () -> PixelDecoder.open(p));
            assertTrue(e.getMessage().contains("bytes but only"), e.getMessage());
        }
    }

    @Test
    void aFolderOfBrokenFilesListsEachOne() {
        DicomScan scan = DicomReader.standard().scan(TestImages.file("pydicom/malformed"), Progress.none());
        // Only JPEG2000-embedded-sequence-delimiter.dcm has a readable header.
        assertEquals(5, scan.problems().size(), scan.problems().toString());
        assertEquals(1, scan.series().size());
    }

}
