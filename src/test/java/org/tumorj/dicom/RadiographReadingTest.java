package org.tumorj.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tumorj.util.Progress;
import org.tumorj.volume.Shutter;
import org.tumorj.volume.Volume;
import org.tumorj.volume.VolumeInfo;

/**
 * Projection radiographs (test-images/dicom/xray, made by scripts/make-xray-fixtures.py) against
 * what pydicom's apply_modality_lut / apply_voi_lut give for the same files (expected.json).
 */
class RadiographReadingTest {
    private static final Path XRAY = TestImages.file("xray");
    private final DicomReader reader = DicomReader.standard();

    private static JsonObject expected(String name) throws IOException {
        return JsonParser.parseString(Files.readString(XRAY.resolve("expected.json"))).getAsJsonObject().getAsJsonObject(name);
    }

    private Volume read(Path file) {
        DicomScan scan = reader.scan(file, Progress.none());
        assertTrue(scan.problems().isEmpty(), () -> scan.problems().toString());
        return reader.readVolume(scan.largest().orElseThrow(), Progress.none());
    }

    @ParameterizedTest
    @ValueSource(strings = {"voi-lut-16bit.dcm", "voi-lut-signed.dcm", "voi-lut-8bit-us.dcm", "voi-lut-8bit-packed.dcm"})
    void voiLutDisplaysWhatPydicomsApplyVoiLutGives(String name) throws IOException {
        JsonObject e = expected(name);
        Volume v = read(XRAY.resolve(name));
        VolumeInfo info = v.info();
        assertNotNull(info.voiLut(), name + ": " + info.warnings());
        assertEquals(e.get("voiBits").getAsInt(), info.voiLut().bits());
        assertFalse(info.invertedForDisplay());
        for (JsonElement s : e.getAsJsonArray("samples")) {
            JsonObject o = s.getAsJsonObject();
            int x = o.get("x").getAsInt(), y = o.get("y").getAsInt();
            float value = v.slice(0)[y * v.width() + x];
            String at = name + " (" + x + "," + y + ")";
            assertEquals(o.get("modality").getAsDouble(), value, 1e-4, at + ": values stay modality values");
            double voi = o.get("voi").getAsDouble();
            assertEquals(voi, info.voiLut().apply(value), 1e-6, at);
            assertEquals(voi, info.presentation(value) * info.voiLut().outputMax(), 1e-3, at);
        }
    }

    @Test
    void signedFirstMappedValueIsReadWithThePixelRepresentation() {
        VolumeInfo info = read(XRAY.resolve("voi-lut-signed.dcm")).info();
        assertEquals(-1000, info.voiLut().firstInput());
        assertEquals("SIGNED", info.voiLut().explanation());
    }

    @Test
    void monochrome1WithInverseIsOneInversionOfThePydicomWindow() throws IOException {
        JsonObject e = expected("mono1-inverse.dcm");
        Volume v = read(XRAY.resolve("mono1-inverse.dcm"));
        VolumeInfo info = v.info();
        assertTrue(info.invertedForDisplay());
        assertNull(info.voiLut());
        JsonArray range = e.getAsJsonArray("windowOutput");
        double lo = range.get(0).getAsDouble(), hi = range.get(1).getAsDouble();
        for (JsonElement s : e.getAsJsonArray("samples")) {
            JsonObject o = s.getAsJsonObject();
            float value = v.slice(0)[o.get("y").getAsInt() * v.width() + o.get("x").getAsInt()];
            double windowed = (o.get("voi").getAsDouble() - lo) / (hi - lo);
            // MONOCHROME1 + INVERSE: low values white, i.e. inverted once, not twice
            assertEquals(1 - windowed, info.presentation(value), 1e-6);
        }
    }

    @Test
    void imagerSpacingIsDividedByTheMagnificationFactor() {
        VolumeInfo info = read(XRAY.resolve("mono1-inverse.dcm")).info();
        assertEquals(0.125, info.spacingX(), 1e-9);
        assertEquals(0.125, info.spacingY(), 1e-9);
        assertTrue(info.warnings().stream().noneMatch(w -> w.contains("detector")), info.warnings()::toString);
    }

    @Test
    void imagerSpacingWithoutMagnificationWarnsOfTheDetectorPlane() {
        VolumeInfo info = read(XRAY.resolve("voi-lut-16bit.dcm")).info();
        assertEquals(0.18, info.spacingX(), 1e-9, "columns");
        assertEquals(0.2, info.spacingY(), 1e-9, "rows");
        assertTrue(info.warnings().stream().anyMatch(w -> w.contains("ImagerPixelSpacing") && w.contains("detector plane")),
                info.warnings()::toString);
    }

    @Test
    void pixelSpacingWinsOverImagerSpacingAndItsCalibrationIsNamed() {
        VolumeInfo info = read(XRAY.resolve("pixel-spacing-both.dcm")).info();
        assertEquals(0.1, info.spacingX(), 1e-9);
        assertEquals(0.1, info.spacingY(), 1e-9);
        assertTrue(info.warnings().stream().anyMatch(w -> w.contains("GEOMETRY")), info.warnings()::toString);
        assertTrue(info.warnings().stream().noneMatch(w -> w.contains("detector plane")), info.warnings()::toString);
    }

    @Test
    void otherVoiLutsAreNamedInAWarning() {
        VolumeInfo info = read(XRAY.resolve("voi-lut-16bit.dcm")).info();
        assertEquals("SOFT", info.voiLut().explanation());
        assertTrue(info.warnings().stream().anyMatch(w -> w.startsWith("2 VOI LUTs") && w.contains("'LINEAR'")),
                info.warnings()::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"shutter-rect-circle.dcm", "shutter-polygon.dcm"})
    void shuttersBecomeZeroBasedPixelShapes(String name) throws IOException {
        JsonObject e = expected(name);
        Shutter shutter = read(XRAY.resolve(name)).info().shutter();
        assertFalse(shutter.isNone());
        if (e.has("rectangle")) {
            assertArrayEquals(e.getAsJsonArray("rectangle"), shutter.rectangle());
            assertArrayEquals(e.getAsJsonArray("circle"), shutter.circle());
        } else {
            assertArrayEquals(e.getAsJsonArray("polygon"), shutter.polygon());
        }
        for (JsonElement p : e.getAsJsonArray("exposed")) {
            JsonArray xy = p.getAsJsonArray();
            assertTrue(shutter.exposes(xy.get(0).getAsInt(), xy.get(1).getAsInt()), name + " exposes " + xy);
        }
        for (JsonElement p : e.getAsJsonArray("shuttered")) {
            JsonArray xy = p.getAsJsonArray();
            assertFalse(shutter.exposes(xy.get(0).getAsInt(), xy.get(1).getAsInt()), name + " hides " + xy);
        }
    }

    @Test
    void aFolderOfRadiographsIsOneTwoDimensionalSeriesPerImageWithoutWarnings() throws IOException {
        DicomScan scan = reader.scan(XRAY.resolve("study"), Progress.none());
        assertEquals(2, scan.series().size(), "PA and lateral share a SeriesInstanceUID but are two studies");
        String uid = expected("study").get("seriesInstanceUID").getAsString();
        for (DicomSeries s : scan.series()) {
            assertEquals(1, s.summary().slices());
            assertEquals(uid, s.summary().seriesInstanceUID());
            VolumeInfo info = reader.readVolume(s, Progress.none()).info();
            assertEquals(List.of(), info.warnings());
            assertEquals(1.0, info.spacingZ());
            assertTrue(info.isProjection());
        }
        for (DicomSeries s : scan.series()) {
            String sop = reader.readVolume(s, Progress.none()).info().sopInstanceUids().get(0);
            assertEquals(s, scan.find(sop).orElseThrow(), "a radiograph is found by its SOPInstanceUID");
        }
        assertEquals(Stream.of("48x64", "64x48").sorted().toList(),
                scan.series().stream().map(s -> s.summary().rows() + "x" + s.summary().columns()).sorted().toList());
        // the whole fixture folder: every radiograph on its own
        try (Stream<Path> files = Files.walk(XRAY)) {
            long dicoms = files.filter(p -> p.toString().endsWith(".dcm")).count();
            assertEquals(dicoms, reader.scan(XRAY, Progress.none()).series().size());
        }
    }

    @Test
    void aLutShorterThanItsDescriptorFallsBackToTheWindowWithAWarning() throws IOException {
        JsonObject e = expected("corrupt-lut.dcm");
        VolumeInfo info = read(XRAY.resolve("corrupt-lut.dcm")).info();
        assertNull(info.voiLut());
        assertEquals(e.get("windowCenter").getAsDouble(), info.windowCenter());
        assertEquals(e.get("windowWidth").getAsDouble(), info.windowWidth());
        assertTrue(info.warnings().stream().anyMatch(w -> w.contains("corrupt") && w.contains("4096 entries")
                && w.contains("window")), info.warnings()::toString);
    }

    @Test
    void moreThanSixteenBitsPerEntryIsACorruptLutNotACrash(@TempDir Path dir) throws IOException {
        TestDicomWriter lut = new TestDicomWriter().us(Tags.LUT_DESCRIPTOR, 4, 0, 20).bytes(Tags.LUT_DATA, "OW", new byte[8]);
        Path file = radiograph("MONOCHROME2").sequence(Tags.VOI_LUT_SEQUENCE, List.of(lut)).pixels16(new short[16])
                .writeTo(dir.resolve("bits20.dcm"), TestDicomWriter.EXPLICIT_LE);
        VolumeInfo info = read(file).info();
        assertNull(info.voiLut());
        assertTrue(info.warnings().stream().anyMatch(w -> w.contains("corrupt") && w.contains("20 bits")), info.warnings()::toString);
    }

    @Test
    void inverseInvertsMonochrome2AndIdentityDoesNotUndoMonochrome1(@TempDir Path dir) throws IOException {
        Path negative = radiograph("MONOCHROME2").text(Tags.PRESENTATION_LUT_SHAPE, "CS", "INVERSE")
                .pixels16(new short[16]).writeTo(dir.resolve("a/negative.dcm"), TestDicomWriter.EXPLICIT_LE);
        Path odd = radiograph("MONOCHROME1").text(Tags.PRESENTATION_LUT_SHAPE, "CS", "IDENTITY")
                .pixels16(new short[16]).writeTo(dir.resolve("b/odd.dcm"), TestDicomWriter.EXPLICIT_LE);
        Path plain = radiograph("MONOCHROME2").text(Tags.PRESENTATION_LUT_SHAPE, "CS", "IDENTITY")
                .pixels16(new short[16]).writeTo(dir.resolve("c/plain.dcm"), TestDicomWriter.EXPLICIT_LE);
        assertTrue(read(negative).info().invertedForDisplay());
        VolumeInfo oddInfo = read(odd).info();
        assertTrue(oddInfo.invertedForDisplay());
        assertTrue(oddInfo.warnings().stream().anyMatch(w -> w.contains("IDENTITY")), oddInfo.warnings()::toString);
        assertFalse(read(plain).info().invertedForDisplay());
    }

    @Test
    void aFramesOwnVoiLutInItsFrameVoiLutSequenceIsUsed(@TempDir Path dir) throws IOException {
        ByteBuffer data = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putShort((short) 0).putShort((short) 100)
                .putShort((short) 200).putShort((short) 4095);
        TestDicomWriter voi = new TestDicomWriter().sequence(Tags.VOI_LUT_SEQUENCE, List.of(new TestDicomWriter()
                .us(Tags.LUT_DESCRIPTOR, 4, 10, 12).bytes(Tags.LUT_DATA, "OW", data.array())));
        TestDicomWriter shared = new TestDicomWriter().sequence(Tags.FRAME_VOI_LUT_SEQUENCE, List.of(voi));
        Path file = radiograph("MONOCHROME2").sequence(Tags.SHARED_FUNCTIONAL_GROUPS, List.of(shared))
                .pixels16(new short[16]).writeTo(dir.resolve("enhanced.dcm"), TestDicomWriter.EXPLICIT_LE);
        VolumeInfo info = read(file).info();
        assertNotNull(info.voiLut(), info.warnings()::toString);
        assertEquals(10, info.voiLut().firstInput());
        assertEquals(200, info.voiLut().apply(12));
        assertEquals(4095, info.voiLut().apply(1000), "beyond the last entry: the last entry");
        assertEquals(0, info.voiLut().apply(-5), "before the first: the first entry");
    }

    @Test
    void aComputedWindowLooksOnlyAtTheExposedField(@TempDir Path dir) throws IOException {
        short[] pixels = new short[16 * 16];
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 16; x++) {
                boolean exposed = x >= 4 && x <= 11 && y >= 4 && y <= 11;
                pixels[y * 16 + x] = (short) (exposed ? 1000 + 14 * (y * 16 + x) / 4 : 4095); // collimated: white
            }
        }
        Path file = radiograph("MONOCHROME2", 16).text(Tags.SHUTTER_SHAPE, "CS", "RECTANGULAR")
                .text(Tags.SHUTTER_LEFT_VERTICAL_EDGE, "IS", "5").text(Tags.SHUTTER_RIGHT_VERTICAL_EDGE, "IS", "12")
                .text(Tags.SHUTTER_UPPER_HORIZONTAL_EDGE, "IS", "5").text(Tags.SHUTTER_LOWER_HORIZONTAL_EDGE, "IS", "12")
                .pixels16(pixels).writeTo(dir.resolve("collimated.dcm"), TestDicomWriter.EXPLICIT_LE);
        VolumeInfo info = read(file).info();
        double top = info.windowCenter() + info.windowWidth() / 2;
        assertTrue(top < 2000, "window reaches " + top + ": it was computed from the shuttered border too");
        assertTrue(info.windowCenter() - info.windowWidth() / 2 >= 1000 - 1);
    }

    /** A 4x4 DX header, 12 bits stored, PixelSpacing given (so no spacing warnings). */
    private static TestDicomWriter radiograph(String photometric) {
        return radiograph(photometric, 4);
    }

    private static TestDicomWriter radiograph(String photometric, int size) {
        return new TestDicomWriter()
                .text(Tags.SOP_INSTANCE_UID, "UI", "2.25.77." + photometric.length())
                .text(Tags.MODALITY, "CS", "DX")
                .text(Tags.SERIES_INSTANCE_UID, "UI", "2.25.77")
                .us(Tags.SAMPLES_PER_PIXEL, 1)
                .text(Tags.PHOTOMETRIC_INTERPRETATION, "CS", photometric)
                .us(Tags.ROWS, size).us(Tags.COLUMNS, size)
                .text(Tags.PIXEL_SPACING, "DS", "0.1\\0.1")
                .us(Tags.BITS_ALLOCATED, 16).us(Tags.BITS_STORED, 12).us(Tags.HIGH_BIT, 11)
                .us(Tags.PIXEL_REPRESENTATION, 0);
    }

    private static void assertArrayEquals(JsonArray expected, double[] actual) {
        assertNotNull(actual);
        assertEquals(expected.size(), actual.length, "values");
        for (int i = 0; i < actual.length; i++) {
            assertEquals(expected.get(i).getAsDouble(), actual[i], 1e-9, "value " + i);
        }
    }
}
