package org.tumorj.phantom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tumorj.annotation.AnnotationSidecar;
import org.tumorj.dicom.DicomReader;
import org.tumorj.dicom.DicomScan;
import org.tumorj.dicom.DicomWriter;
import org.tumorj.tools.PhantomsCommand;
import org.tumorj.util.Progress;
import org.tumorj.volume.VoiLut;
import org.tumorj.volume.Volume;
import org.tumorj.volume.VolumeInfo;

/**
 * The radiograph files: read back by TumorJ's own reader, and parsed element by element (with
 * sequences of defined and undefined length) by a small independent parser.
 */
class RadiographFileTest {
    private static final Set<String> LONG_VRS = Set.of("OB", "OW", "OF", "SQ", "UN", "UT");
    @TempDir Path dir;

    @Test
    void everyVariantRoundTripsThroughTheDicomReader() throws Exception {
        for (int n = 1; n <= 8; n++) {
            PhantomStudy s = PhantomGenerator.generate(PhantomConfig.of(PhantomModality.XR, 2026, n).withSize(128));
            Path study = PhantomStudyWriter.write(s, dir.resolve(s.studyId()));
            try (Stream<Path> files = Files.list(study)) {
                assertEquals(List.of("IM-0001.dcm", "RoiSet.zip", "annotations.json", "ground-truth.json"),
                        files.map(p -> p.getFileName().toString()).sorted().toList());
            }
            DicomReader reader = DicomReader.standard();
            DicomScan scan = reader.scan(study.resolve("IM-0001.dcm"), Progress.none());
            assertTrue(scan.problems().isEmpty(), scan.problems().toString());
            Volume read = reader.readVolume(scan.largest().orElseThrow(), Progress.none());
            VolumeInfo want = s.volume().info(), got = read.info();
            assertEquals(1, read.depth());
            assertEquals(want.modality(), got.modality());
            assertEquals(want.invertedForDisplay(), got.invertedForDisplay(), s.studyId() + " MONOCHROME1 flag");
            assertArrayEquals(s.volume().slice(0), read.slice(0), s.studyId() + " pixel values");
            RadiographProtocol p = RadiographProtocol.draw(s.config());
            if (p.pixelSpacingWritten()) {
                assertEquals(want.spacingX(), got.spacingX(), 1e-5);
            } else { // ImagerPixelSpacing, whether or not the reader divides by the magnification
                double imager = p.imagerSpacing(), patient = imager / p.magnification();
                assertTrue(Math.abs(got.spacingX() - imager) < 1e-5 || Math.abs(got.spacingX() - patient) < 1e-4,
                        "spacing " + got.spacingX());
            }
            assertEquals(s.annotations().size(), AnnotationSidecar.read(study.resolve("annotations.json")).size());
            assertEquals(s.groundTruth().lesions().size(), AnswerKey.read(study.resolve("ground-truth.json")).lesions().size());
        }
    }

    @Test
    void headerSaysWhatTheVariantIs() {
        for (int n = 1; n <= 8; n++) {
            PhantomStudy s = PhantomGenerator.generate(PhantomConfig.of(PhantomModality.XR, 2026, n).withSize(96));
            RadiographProtocol p = RadiographProtocol.draw(s.config());
            VolumeInfo info = s.volume().info();
            Map<Integer, Object> e = parseFile(PhantomStudyWriter.sliceFile(s, 0).toBytes());
            boolean dx = p.dicomModality().equals("DX");
            assertEquals(dx ? "1.2.840.10008.5.1.4.1.1.1.1" : "1.2.840.10008.5.1.4.1.1.1", text(e, 0x00080016));
            assertEquals(text(e, 0x00080016), text(e, 0x00020002));
            assertEquals(p.dicomModality(), text(e, 0x00080060));
            assertEquals("CHEST", text(e, 0x00180015));
            assertEquals("PA", text(e, 0x00185101));
            assertEquals(p.monochrome1() ? "MONOCHROME1" : "MONOCHROME2", text(e, 0x00280004));
            assertEquals(p.monochrome1() ? "INVERSE" : "IDENTITY", text(e, 0x20500020));
            assertEquals(p.bitsStored(), ushorts(e, 0x00280101)[0]);
            assertEquals(p.bitsStored() - 1, ushorts(e, 0x00280102)[0]);
            assertTrue(p.bitsStored() >= 12 && p.bitsStored() <= 14);
            assertEquals(p.imagerSpacing(), Double.parseDouble(text(e, 0x00181164).split("\\\\")[0]), 1e-6);
            assertEquals(p.pixelSpacingWritten(), e.containsKey(0x00280030));
            assertEquals(!p.pixelSpacingWritten(), e.containsKey(0x00181114), "magnification factor when PixelSpacing is absent");
            assertFalse(e.containsKey(0x00200032), "a projection has no ImagePositionPatient");
            if (p.voiLut()) {
                assertFalse(e.containsKey(0x00281050), "VOI LUT instead of a window");
                checkLut(e, info.voiLut());
            } else {
                assertFalse(e.containsKey(0x00283010));
                assertEquals(info.windowCenter(), Double.parseDouble(text(e, 0x00281050)), 1e-6);
            }
            assertEquals(p.shutter(), e.containsKey(0x00181600));
            if (p.shutter()) {
                double[] rect = info.shutter().rectangle();
                assertEquals("RECTANGULAR", text(e, 0x00181600));
                assertEquals((int) rect[0] + 1, Integer.parseInt(text(e, 0x00181602)), "DICOM columns count from 1");
                assertEquals((int) rect[3] + 1, Integer.parseInt(text(e, 0x00181608)));
                assertEquals(0xFFFF, ushorts(e, 0x00181622)[0]);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void checkLut(Map<Integer, Object> e, VoiLut lut) {
        List<Map<Integer, Object>> items = (List<Map<Integer, Object>>) e.get(0x00283010);
        assertEquals(1, items.size());
        Map<Integer, Object> item = items.get(0);
        int[] descriptor = ushorts(item, 0x00283002);
        assertArrayEquals(new int[] {lut.table().length, 0, 16}, descriptor);
        int[] data = ushorts(item, 0x00283006);
        assertEquals(lut.table().length, data.length);
        float[] table = lut.table();
        for (int i = 0; i < data.length; i++) {
            assertEquals(table[i], data[i], "LUT entry " + i);
        }
        assertTrue(data[0] < data[data.length / 2] && data[data.length / 2] < data[data.length - 1], "rising sigmoid");
        assertTrue(text(item, 0x00283003).contains("sigmoid"));
    }

    @Test
    void sequencesOfDefinedAndUndefinedLengthParseAlike() {
        for (boolean undefined : new boolean[] {false, true}) {
            DicomWriter item = new DicomWriter().unsignedShorts(0x00283002, 3, 0, 16).words(0x00283006, new short[] {1, 2, (short) 65535});
            byte[] file = new DicomWriter().string(0x00080016, "UI", "1.2.3").string(0x00080018, "UI", "1.2.3.4")
                    .sequence(0x00283010, undefined, item, item).unsignedShort(0x00280010, 7).toBytes();
            Map<Integer, Object> e = parseFile(file);
            @SuppressWarnings("unchecked")
            List<Map<Integer, Object>> items = (List<Map<Integer, Object>>) e.get(0x00283010);
            assertEquals(2, items.size(), "undefined=" + undefined);
            assertArrayEquals(new int[] {1, 2, 65535}, ushorts(items.get(1), 0x00283006));
            assertEquals(7, ushorts(e, 0x00280010)[0], "the element after the sequence is found");
        }
    }

    @Test
    void phantomsCommandWritesRadiographStudies() throws Exception {
        int rc = new PhantomsCommand().run(List.of("--out", dir.toString(), "--modality", "xr", "--count", "2",
                "--seed", "3", "--size", "128"));
        assertEquals(0, rc);
        for (String id : List.of("xr-0001", "xr-0002")) {
            Path study = dir.resolve(id);
            assertTrue(Files.isRegularFile(study.resolve("IM-0001.dcm")), id);
            assertTrue(Files.size(study.resolve("RoiSet.zip")) > 0, id + " RoiSet.zip");
            assertFalse(AnnotationSidecar.read(study.resolve("annotations.json")).isEmpty());
            assertTrue(Set.of("DX", "CR").contains(AnswerKey.read(study.resolve("ground-truth.json")).modality()));
        }
    }

    // --- a small explicit VR little endian parser with sequences -------------------------------

    static Map<Integer, Object> parseFile(byte[] file) {
        assertEquals("DICM", new String(file, 128, 4, StandardCharsets.ISO_8859_1));
        ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        b.position(132);
        return parseDataset(b, file.length);
    }

    /** tag -> byte[] value, or List of item maps for a sequence; stops at {@code end} or an item delimiter. */
    private static Map<Integer, Object> parseDataset(ByteBuffer b, int end) {
        Map<Integer, Object> out = new HashMap<>();
        while (b.position() < end) {
            int tag = readTag(b);
            if (tag == 0xFFFEE00D) {
                assertEquals(0, b.getInt());
                return out;
            }
            String vr = new String(new byte[] {b.get(), b.get()}, StandardCharsets.ISO_8859_1);
            int length;
            if (LONG_VRS.contains(vr)) {
                assertEquals(0, b.getShort(), "reserved bytes");
                length = b.getInt();
            } else {
                length = b.getShort() & 0xFFFF;
            }
            if (vr.equals("SQ")) {
                out.put(tag, parseItems(b, length));
            } else {
                assertEquals(0, length % 2, String.format("even length of (%08X)", tag));
                byte[] value = new byte[length];
                b.get(value);
                out.put(tag, value);
            }
        }
        return out;
    }

    private static List<Map<Integer, Object>> parseItems(ByteBuffer b, int length) {
        List<Map<Integer, Object>> items = new ArrayList<>();
        int end = length == -1 ? Integer.MAX_VALUE : b.position() + length;
        while (b.position() < end) {
            int tag = readTag(b);
            int itemLength = b.getInt();
            if (tag == 0xFFFEE0DD) {
                assertEquals(-1, length, "sequence delimiter only in undefined-length sequences");
                return items;
            }
            assertEquals(0xFFFEE000, tag, "item tag");
            items.add(parseDataset(b, itemLength == -1 ? Integer.MAX_VALUE : b.position() + itemLength));
        }
        assertEquals(end, b.position(), "items fill the defined length exactly");
        return items;
    }

    private static int readTag(ByteBuffer b) {
        return (b.getShort() & 0xFFFF) << 16 | (b.getShort() & 0xFFFF);
    }

    private static String text(Map<Integer, Object> e, int tag) {
        return new String((byte[]) e.get(tag), StandardCharsets.ISO_8859_1).replace("\0", "").trim();
    }

    private static int[] ushorts(Map<Integer, Object> e, int tag) {
        ByteBuffer b = ByteBuffer.wrap((byte[]) e.get(tag)).order(ByteOrder.LITTLE_ENDIAN);
        int[] out = new int[b.remaining() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = b.getShort() & 0xFFFF;
        }
        return out;
    }
}
