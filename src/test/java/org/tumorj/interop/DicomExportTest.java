package org.tumorj.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tumorj.detect.Finding;
import org.tumorj.detect.FindingSlice;
import org.tumorj.dicom.DicomReader;
import org.tumorj.privacy.Deidentifier;
import org.tumorj.util.Progress;
import org.tumorj.volume.Volume;
import org.tumorj.volume.VolumeInfo;

/**
 * SEG and RTSTRUCT of phantom findings, read back three ways: by TumorJ's own reader, by pydicom
 * (Debian python3-pydicom, {@code scripts/export-oracle.py}) and checked by dciodvfy (Debian
 * dicom3tools), the DICOM validator, which must report no error for either IOD.
 *
 * <p>dciodvfy (dicom3tools 1.00~20220618) printed no warning on these files. On the de-identified
 * ones it warns twice, "Missing attribute or value that would be needed to build DICOMDIR - Patient
 * ID" and "- Study ID": the profile empties both (Type 2, so allowed). dcmtk's dcmdump must parse
 * both files to their end without a complaint.
 */
class DicomExportTest {
    @TempDir static Path dir;
    private static ExportFixture fixture;
    private static Path seg;
    private static Path rtstruct;

    @BeforeAll
    static void writeBoth() throws IOException {
        fixture = ExportFixture.write(dir);
        assertTrue(fixture.detections().findings().size() >= 2, "the phantom has lesions to find");
        seg = fixture.writeSeg(dir.resolve("seg.dcm"));
        rtstruct = fixture.writeRtStruct(dir.resolve("rtstruct.dcm"));
    }

    @Test
    void dciodvfyFindsNoErrorInEitherObject() throws IOException {
        ExternalTool.assumeInstalled("/usr/bin/dciodvfy", "dicom3tools");
        for (Path file : List.of(seg, rtstruct)) {
            ExternalTool.Run run = ExternalTool.run(List.of("/usr/bin/dciodvfy", file.toString()));
            List<String> errors = run.output().lines().filter(l -> l.startsWith("Error")).toList();
            assertEquals(List.of(), errors, file.getFileName() + ":\n" + run.output());
            assertTrue(run.output().contains(file == seg ? "Segmentation" : "RTStructureSet"),
                    "dciodvfy checked the IOD it should have:\n" + run.output());
        }
    }

    @Test
    void dcmtkParsesBothToTheEnd() throws IOException {
        ExternalTool.assumeInstalled("/usr/bin/dcmdump", "dcmtk");
        for (Path file : List.of(seg, rtstruct)) {
            ExternalTool.Run run = ExternalTool.run(List.of("/usr/bin/dcmdump", "-E", "+U8", file.toString()));
            assertEquals(0, run.exitCode(), run.output());
            assertFalse(run.output().lines().anyMatch(l -> l.startsWith("E:") || l.startsWith("W:")), run.output());
            assertTrue(run.output().contains("(7fe0,0010)") == (file == seg), "pixel data in the SEG only");
        }
    }

    @Test
    void pydicomReadsOneSegmentPerFindingAndEachFrameFromItsSourceSlice() throws IOException {
        JsonObject s = oracle(fixture.folder(), seg, rtstruct).getAsJsonObject("seg");
        VolumeInfo info = fixture.volume().info();
        assertEquals("SEG", s.get("modality").getAsString());
        assertEquals("BINARY", s.get("segmentation_type").getAsString());
        assertEquals(info.studyInstanceUid(), s.get("study").getAsString());
        assertNotEquals(info.seriesInstanceUid(), s.get("series").getAsString(), "a new series");
        assertEquals(fixture.volume().source().frameOfReferenceUid(), s.get("frame_of_reference").getAsString());
        assertEquals(fixture.study().patientId(), s.get("patient_id").getAsString(), "filed with the patient's study");
        JsonArray segments = s.getAsJsonArray("segments");
        assertEquals(fixture.findings().size(), segments.size());
        for (int n = 0; n < fixture.findings().size(); n++) {
            JsonObject segment = segments.get(n).getAsJsonObject();
            assertTrue(segment.get("label").getAsString().startsWith("Finding " + fixture.findings().get(n).id() + " (score 0."),
                    segment.toString());
            assertEquals("AUTOMATIC", segment.get("algorithm_type").getAsString());
            assertEquals("49755003", segment.get("category").getAsString());
            assertEquals("108369006", segment.get("type").getAsString());
        }
        Map<String, Long> expected = expectedFrames(info);
        Map<String, Long> read = new TreeMap<>();
        for (JsonElement e : s.getAsJsonArray("frames")) {
            JsonObject f = e.getAsJsonObject();
            int z = fixture.volume().sliceIndexOf(f.get("source").getAsString());
            assertTrue(z >= 0, "frame derived from a slice of the series: " + f);
            double[] position = info.toPatient(0, 0, z);
            for (int i = 0; i < 3; i++) {
                assertEquals(position[i], f.getAsJsonArray("position").get(i).getAsDouble(), 1e-3, f.toString());
            }
            read.put(f.get("segment").getAsInt() + "@" + z, f.get("pixels").getAsLong());
        }
        assertEquals(expected, read, "segment@slice -> pixels: exactly the findings' pixels, only where they are");
    }

    @Test
    void pydicomPutsEveryContourPointOnTheFindingOutlineWithinHalfAMillimetre() throws IOException {
        JsonObject r = oracle(fixture.folder(), seg, rtstruct).getAsJsonObject("rtstruct");
        assertEquals("RTSTRUCT", r.get("modality").getAsString());
        assertEquals(fixture.volume().source().frameOfReferenceUid(), r.get("frame_of_reference").getAsString());
        assertEquals(fixture.volume().info().sopInstanceUids(), strings(r.getAsJsonArray("contour_images")));
        JsonArray rois = r.getAsJsonArray("rois");
        assertEquals(fixture.findings().size(), rois.size());
        for (int n = 0; n < fixture.findings().size(); n++) {
            Finding finding = fixture.findings().get(n);
            JsonObject roi = rois.get(n).getAsJsonObject();
            assertEquals(n + 1, roi.get("number").getAsInt());
            assertTrue(roi.get("name").getAsString().startsWith("Finding " + finding.id()), roi.get("name").toString());
            assertEquals("", roi.get("interpreted_type").getAsString(), "a candidate, not a GTV");
            assertEquals(List.of(ScoreColor.rgb(finding.score())[0], ScoreColor.rgb(finding.score())[1], 0),
                    List.of(roi.getAsJsonArray("color").get(0).getAsInt(), roi.getAsJsonArray("color").get(1).getAsInt(),
                            roi.getAsJsonArray("color").get(2).getAsInt()));
            JsonArray contours = roi.getAsJsonArray("contours");
            assertEquals(finding.slices().size(), contours.size(), "one contour per component per slice");
            for (JsonElement e : contours) {
                checkContour(finding, e.getAsJsonObject());
            }
        }
    }

    /** The contour's slice is one the finding spans, and each point is a corner of its outline there. */
    private static void checkContour(Finding finding, JsonObject contour) {
        assertEquals("CLOSED_PLANAR", contour.get("type").getAsString());
        int z = fixture.volume().sliceIndexOf(contour.get("source").getAsString());
        assertTrue(contour.get("off_plane_mm").getAsDouble() < 0.5, contour.toString());
        double dx = contour.getAsJsonArray("spacing").get(0).getAsDouble();
        double dy = contour.getAsJsonArray("spacing").get(1).getAsDouble();
        JsonArray points = contour.getAsJsonArray("pixels");
        assertEquals(points.size(), contour.get("count").getAsInt());
        assertTrue(points.size() >= 4, "a closed outline along pixel edges has at least 4 corners");
        for (JsonElement p : points) {
            // pydicom gives pixel-index coordinates; the outline's corners are half a pixel further
            double x = p.getAsJsonArray().get(0).getAsDouble() + 0.5, y = p.getAsJsonArray().get(1).getAsDouble() + 0.5;
            double nearest = Double.MAX_VALUE;
            for (FindingSlice s : finding.slices()) {
                if (s.z() == z) {
                    for (int i = 0; i < s.contour().size(); i++) {
                        nearest = Math.min(nearest, Math.hypot((x - s.contour().x(i)) * dx, (y - s.contour().y(i)) * dy));
                    }
                }
            }
            assertTrue(nearest < 0.5, "point " + p + " on slice " + z + " is " + nearest + " mm from finding "
                    + finding.id() + "'s outline");
        }
    }

    @Test
    void tumorjReaderDecodesTheSegmentationFramesAndReadsTheStructureSet() throws IOException {
        DicomReader reader = DicomReader.standard();
        Volume frames = reader.readVolume(reader.scan(seg, Progress.none()).largest().orElseThrow(), Progress.none());
        List<Long> expected = new ArrayList<>(expectedFrames(fixture.volume().info()).values());
        List<Long> perFrame = new ArrayList<>(java.util.Collections.nCopies(frames.depth(), 0L));
        for (int k = 0; k < frames.depth(); k++) {
            String uid = frames.info().sopInstanceUids().get(k);
            int frame = Integer.parseInt(uid.substring(uid.indexOf('#') + 1));
            long n = 0;
            for (float v : frames.slice(k)) {
                n += v > 0 ? 1 : 0;
            }
            perFrame.set(frame - 1, n);
        }
        assertEquals(expectedInFrameOrder(), perFrame);
        assertEquals(expected.stream().mapToLong(Long::longValue).sum(), perFrame.stream().mapToLong(Long::longValue).sum());
        String text = reader.headerText(rtstruct, true);
        long contourData = text.lines().filter(l -> l.contains("(3006,0050) DS")).count();
        assertEquals(fixture.findings().stream().mapToLong(f -> f.slices().size()).sum(), contourData);
        assertTrue(text.contains("CLOSED_PLANAR"));
    }

    @Test
    void deidentifiedObjectsCarryNoPatientAndReferenceTheMappedUidsConsistently() throws IOException {
        Deidentifier deidentifier = new Deidentifier("lab secret");
        Volume anonymous = deidentifier.apply(fixture.volume());
        Path anonSeg = dir.resolve("anon/seg.dcm");
        Path anonRt = dir.resolve("anon/rtstruct.dcm");
        SegmentationObject.of(anonymous, fixture.findings(), "ANON", ExportFixture.ALGORITHM).write(anonSeg);
        RtStructureSetObject.of(anonymous, fixture.findings(), "ANON", ExportFixture.ALGORITHM).write(anonRt);
        VolumeInfo original = fixture.volume().info();
        List<String> secrets = new ArrayList<>(List.of(fixture.study().patientId(), "PHANTOM^", "PHACC", "REFERRER",
                "19700101", original.studyInstanceUid(), original.seriesInstanceUid(),
                fixture.volume().source().frameOfReferenceUid()));
        secrets.addAll(original.sopInstanceUids());
        for (Path file : List.of(anonSeg, anonRt)) {
            String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            for (String secret : secrets) {
                assertFalse(bytes.contains(secret), file.getFileName() + " still holds " + secret);
            }
        }
        JsonObject both = oracle(fixture.folder(), anonSeg, anonRt);
        JsonObject s = both.getAsJsonObject("seg");
        JsonObject r = both.getAsJsonObject("rtstruct");
        String study = anonymous.info().studyInstanceUid();
        for (JsonObject o : List.of(s, r)) {
            assertEquals(study, o.get("study").getAsString());
            assertEquals(anonymous.source().frameOfReferenceUid(), o.get("frame_of_reference").getAsString());
            assertEquals("YES", o.get("identity_removed").getAsString());
            assertEquals("", o.get("patient_name").getAsString());
            assertEquals("", o.get("patient_id").getAsString());
        }
        for (JsonElement f : s.getAsJsonArray("frames")) {
            assertTrue(anonymous.sliceIndexOf(f.getAsJsonObject().get("source").getAsString()) >= 0, f.toString());
        }
        assertEquals(anonymous.info().sopInstanceUids(), strings(r.getAsJsonArray("contour_images")));
    }

    @Test
    void refusesWhatNoDerivedObjectCanDescribe() {
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> SegmentationObject.of(fixture.volume(), List.of(), "study-7", ExportFixture.ALGORITHM));
        assertTrue(none.getMessage().startsWith("study-7: no findings"), none.getMessage());
        Volume notFromDicom = new Volume(fixture.volume().info(), fixture.volume().slices());
        IllegalArgumentException unreferenced = assertThrows(IllegalArgumentException.class,
                () -> RtStructureSetObject.of(notFromDicom, fixture.findings(), "study-7", ExportFixture.ALGORITHM));
        assertTrue(unreferenced.getMessage().contains("not read from DICOM"), unreferenced.getMessage());
    }

    /** Pixels per "segment@slice", from the findings themselves. */
    private static Map<String, Long> expectedFrames(VolumeInfo info) {
        Map<String, Long> out = new TreeMap<>();
        for (int n = 0; n < fixture.findings().size(); n++) {
            for (FindingSlice s : fixture.findings().get(n).slices()) {
                out.merge((n + 1) + "@" + s.z(), s.region().pixelCount(), Long::sum);
            }
        }
        return out;
    }

    /** Pixels per frame in the order frames are written: finding by finding, slice by slice. */
    private static List<Long> expectedInFrameOrder() {
        List<Long> out = new ArrayList<>();
        for (Finding f : fixture.findings()) {
            Map<Integer, Long> bySlice = new TreeMap<>();
            f.slices().forEach(s -> bySlice.merge(s.z(), s.region().pixelCount(), Long::sum));
            out.addAll(bySlice.values());
        }
        return out;
    }

    private static List<String> strings(JsonArray array) {
        List<String> out = new ArrayList<>();
        array.forEach(e -> out.add(e.getAsString()));
        return out;
    }

    private static JsonObject oracle(Path source, Path segFile, Path rtFile) throws IOException {
        ExternalTool.assumePythonModule("pydicom", "python3-pydicom");
        ExternalTool.assumePythonModule("numpy", "python3-numpy");
        ExternalTool.Run run = ExternalTool.run(List.of("/usr/bin/python3", Path.of("scripts/export-oracle.py")
                .toAbsolutePath().toString(), source.toString(), segFile.toString(), rtFile.toString()));
        assertEquals(0, run.exitCode(), run.output());
        return JsonParser.parseString(run.output().lines().reduce((a, b) -> b).orElse("")).getAsJsonObject();
    }
}
