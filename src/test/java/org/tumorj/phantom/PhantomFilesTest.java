package org.tumorj.phantom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tumorj.annotation.AnnotationSidecar;
import org.tumorj.dicom.DicomWriter;

/** Reads the written files back with a deliberately small, independent explicit-VR parser. */
class PhantomFilesTest {
    @TempDir Path dir;

    @Test
    void ctSliceIsAValidPart10FileWithHounsfieldRescale() throws Exception {
        PhantomStudy s = PhantomGenerator.generate(PhantomConfig.of(PhantomModality.CT, 5, 2).withSize(64).withSlices(6));
        int k = 3;
        Map<Integer, Object[]> e = parse(PhantomStudyWriter.sliceFile(s, k).toBytes());
        assertEquals("1.2.840.10008.1.2.1", text(e, 0x00020010));
        assertEquals(DicomWriter.CT_IMAGE_STORAGE, text(e, 0x00020002));
        assertEquals(text(e, 0x00080018), text(e, 0x00020003), "meta and data set name the same instance");
        assertEquals(s.volume().info().sopInstanceUids().get(k), text(e, 0x00080018));
        assertEquals("CT", text(e, 0x00080060));
        assertEquals("PHANTOM-0002", text(e, 0x00100020));
        assertEquals("-1024", text(e, 0x00281052));
        assertEquals("1", text(e, 0x00281053));
        assertEquals(1, ushort(e, 0x00280103), "signed pixels");
        assertEquals(64, ushort(e, 0x00280010));
        assertEquals(String.valueOf(k + 1), text(e, 0x00200013));
        String[] ipp = text(e, 0x00200032).split("\\\\");
        assertEquals(s.volume().info().toPatient(0, 0, k)[2], Double.parseDouble(ipp[2]), 1e-4);
        assertEquals("1\\0\\0\\0\\1\\0", text(e, 0x00200037));
        byte[] pixels = (byte[]) e.get(0x7FE00010)[1];
        assertEquals(64 * 64 * 2, pixels.length);
        ByteBuffer b = ByteBuffer.wrap(pixels).order(ByteOrder.LITTLE_ENDIAN);
        float[] hu = s.volume().slice(k);
        for (int i = 0; i < hu.length; i++) {
            assertEquals(hu[i], b.getShort() - 1024, "pixel " + i + " as HU");
        }
    }

    @Test
    void mrSliceIsUnsignedWithoutRescale() throws Exception {
        PhantomStudy s = PhantomGenerator.generate(PhantomConfig.of(PhantomModality.MR, 5, 1).withSize(64).withSlices(6));
        Map<Integer, Object[]> e = parse(PhantomStudyWriter.sliceFile(s, 0).toBytes());
        assertEquals(DicomWriter.MR_IMAGE_STORAGE, text(e, 0x00080016));
        assertEquals(0, ushort(e, 0x00280103));
        assertTrue(!e.containsKey(0x00281052) && !e.containsKey(0x00281054), "no HU rescale on MR");
        ByteBuffer b = ByteBuffer.wrap((byte[]) e.get(0x7FE00010)[1]).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(s.volume().slice(0)[0], b.getShort() & 0xFFFF);
    }

    @Test
    void studyFolderHoldsOneFilePerSliceAndTheSidecars() throws Exception {
        PhantomStudy s = PhantomGenerator.generate(PhantomConfig.of(PhantomModality.CT, 5, 1).withSize(64).withSlices(5));
        Path study = PhantomStudyWriter.write(s, dir.resolve(s.studyId()));
        List<String> names;
        try (Stream<Path> files = Files.list(study)) {
            names = files.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertEquals(List.of("IM-0001.dcm", "IM-0002.dcm", "IM-0003.dcm", "IM-0004.dcm", "IM-0005.dcm",
                "RoiSet.zip", "annotations.json", "ground-truth.json"), names);
        assertEquals(s.annotations().size(), AnnotationSidecar.read(study.resolve("annotations.json")).size());
        assertEquals(s.annotations().size(), org.tumorj.annotation.RoiSetZip.read(study.resolve("RoiSet.zip")).size());
        assertEquals(s.groundTruth().lesions().size(), AnswerKey.read(study.resolve("ground-truth.json")).lesions().size());
    }

    /** tag -> {VR, value}; checks order, even lengths and the meta group length on the way. */
    static Map<Integer, Object[]> parse(byte[] file) {
        assertEquals("DICM", new String(file, 128, 4, StandardCharsets.ISO_8859_1));
        ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        b.position(132);
        Map<Integer, Object[]> out = new LinkedHashMap<>();
        int previous = -1;
        int metaEnd = -1;
        while (b.hasRemaining()) {
            int tag = (b.getShort() & 0xFFFF) << 16 | (b.getShort() & 0xFFFF);
            String vr = new String(new byte[] {b.get(), b.get()}, StandardCharsets.ISO_8859_1);
            int length;
            if (List.of("OB", "OW", "SQ", "UN", "UT").contains(vr)) {
                b.getShort();
                length = b.getInt();
            } else {
                length = b.getShort() & 0xFFFF;
            }
            assertEquals(0, length % 2, String.format("even length of (%08X)", tag));
            assertTrue(Integer.compareUnsigned(tag, previous) > 0 || previous == -1, "ascending tags");
            previous = tag;
            byte[] value = new byte[length];
            b.get(value);
            out.put(tag, new Object[] {vr, value});
            if (tag == 0x00020000) {
                metaEnd = b.position() + ByteBuffer.wrap(value).order(ByteOrder.LITTLE_ENDIAN).getInt();
            }
            if (b.position() == metaEnd) {
                previous = -1; // the data set starts its own order after the meta group
            }
        }
        assertTrue(metaEnd > 0, "meta group length present");
        return out;
    }

    static String text(Map<Integer, Object[]> e, int tag) {
        return new String((byte[]) e.get(tag)[1], StandardCharsets.ISO_8859_1).replace("\0", "").trim();
    }

    static int ushort(Map<Integer, Object[]> e, int tag) {
        return ByteBuffer.wrap((byte[]) e.get(tag)[1]).order(ByteOrder.LITTLE_ENDIAN).getShort() & 0xFFFF;
    }
}
