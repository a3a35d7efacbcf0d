package org.tumorj.dicom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The product writer, read back by the product reader: meta group, padding, binary VRs, sequences, bit frames. */
class DicomWriterTest {
    @TempDir Path dir;

    private static DicomWriter minimal() {
        return new DicomWriter().string(0x00080016, "UI", "1.2.840.10008.5.1.4.1.1.66.4")
                .string(0x00080018, "UI", "1.2.3");
    }

    @Test
    void metaGroupLengthCountsEveryMetaElementAndTheMetaRepeatsTheSopUids() throws Exception {
        byte[] file = minimal().implementationVersionName("TEST").toBytes();
        assertEquals("DICM", new String(file, 128, 4, java.nio.charset.StandardCharsets.US_ASCII));
        int groupLength = ByteBuffer.wrap(file, 140, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        int dataset = 144 + groupLength; // the first data set element starts right after the meta group
        assertEquals(0x0008, ByteBuffer.wrap(file, dataset, 2).order(ByteOrder.LITTLE_ENDIAN).getShort());
        ParsedFile parsed = DicomParser.parse(write(minimal()), false);
        assertEquals("1.2.3", parsed.meta().string(0x00020003));
        assertEquals(DicomWriter.SEGMENTATION_STORAGE, parsed.meta().string(0x00020002));
        assertEquals(DicomWriter.EXPLICIT_VR_LITTLE_ENDIAN, parsed.meta().string(0x00020010));
    }

    @Test
    void valuesArePaddedToEvenLengthAndBinaryVrsReadBack() throws Exception {
        ParsedFile parsed = DicomParser.parse(write(minimal()
                .string(0x00100010, "PN", "ABC")
                .unsignedLongs(0x00209157, 3, 70000)
                .attributeTags(0x00209165, 0x00200032)
                .integer(0x3006002A, 255, 38, 0)), false);
        DicomDataset d = parsed.dataset();
        assertEquals(4, d.get(0x00100010).value().length, "odd text padded with a space");
        assertEquals("ABC", d.string(0x00100010));
        assertEquals("1.2.3", d.string(0x00080018), "a UID padded with NUL reads back bare");
        ByteBuffer ul = ByteBuffer.wrap(d.get(0x00209157).value()).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(3, ul.getInt());
        assertEquals(70000, ul.getInt());
        ByteBuffer at = ByteBuffer.wrap(d.get(0x00209165).value()).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(0x0020, at.getShort());
        assertEquals(0x0032, at.getShort());
        assertArrayEquals(new double[] {255, 38, 0}, d.doubles(0x3006002A));
    }

    @Test
    void sequencesOfDefinedAndUndefinedLengthNestAndReadBack() throws Exception {
        DicomWriter item = new DicomWriter().string(0x00080100, "SH", "49755003").string(0x00080102, "SH", "SCT");
        ParsedFile parsed = DicomParser.parse(write(minimal()
                .sequence(0x00620002, false, new DicomWriter().sequence(0x00620003, true, item).unsignedShort(0x00620004, 1),
                        new DicomWriter().unsignedShort(0x00620004, 2))), false);
        DicomElement segments = parsed.dataset().get(0x00620002);
        assertEquals(2, segments.items().size());
        DicomDataset first = segments.items().get(0);
        assertEquals("49755003", first.get(0x00620003).items().get(0).string(0x00080100));
        assertEquals(2, segments.items().get(1).integer(0x00620004, -1));
    }

    @Test
    void oddPixelBytesArePaddedAndTooLongShortValuesAreRefused() throws Exception {
        ParsedFile parsed = DicomParser.parse(write(minimal().pixelBytes(new byte[] {1, 2, 3})), false);
        assertEquals(4, parsed.pixels().length(), "3 bytes of pixel data padded with a zero byte");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> minimal().string(0x30060050, "DS", "1".repeat(70000)));
        assertTrue(e.getMessage().contains("(3006,0050)") && e.getMessage().contains("65534"), e.getMessage());
        IllegalStateException noSop = assertThrows(IllegalStateException.class, () -> new DicomWriter().toBytes());
        assertTrue(noSop.getMessage().contains("(0008,0016)"), noSop.getMessage());
    }

    private Path write(DicomWriter w) throws Exception {
        Path file = dir.resolve("f" + System.nanoTime() + ".dcm");
        w.write(file);
        return file;
    }
}
