package org.tumorj.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tumorj.annotation.Annotation;
import org.tumorj.annotation.AnnotationMasks;
import org.tumorj.annotation.SegAnnotations;
import org.tumorj.detect.ProbabilityMap;
import org.tumorj.detect.ProbabilityMaps;
import org.tumorj.volume.VolumeInfo;

/**
 * {@code --export seg-fractional}: the probability map as a FRACTIONAL Segmentation (PROBABILITY,
 * maximum 255), one segment, one frame per slice. The map is a smooth field on a coarse grid
 * (stride 4, as the detector's maps are), so every value from 0 to 255 occurs and the upsampling
 * is that of {@code heatmap.tif}. dciodvfy finds no error; pydicom and dcmjs's parser read, frame by
 * frame on the right source image, exactly {@code round(255 p)} of the map TumorJ holds; TumorJ's
 * own SEG import reads it back as the pixels at or above half the maximum.
 */
class FractionalSegTest {
    @TempDir static Path dir;
    private static ExportFixture fixture;
    private static ProbabilityMaps maps;
    private static Path seg;

    @BeforeAll
    static void export() throws IOException {
        fixture = ExportFixture.write(dir);
        VolumeInfo info = fixture.volume().info();
        int stride = 4, mw = info.width() / stride, mh = info.height() / stride;
        List<ProbabilityMap> list = new ArrayList<>();
        for (int z = 0; z < info.sopInstanceUids().size(); z++) {
            float[] v = new float[mw * mh];
            for (int j = 0; j < mh; j++) {
                for (int i = 0; i < mw; i++) {
                    // separate bumps (no ring of high values around a low one, which the import would fill)
                    v[j * mw + i] = (float) ((0.5 + 0.5 * Math.sin((i + 2 * z) / 2.3)) * (0.5 + 0.5 * Math.cos(j / 1.9)));
                }
            }
            list.add(new ProbabilityMap(v, mw, mh, stride, stride / 2.0 - 0.5));
        }
        maps = new ProbabilityMaps(list, info.width(), info.height());
        seg = dir.resolve("seg-fractional.dcm");
        SegmentationObject.writeProbability(seg, fixture.volume(), maps, "study", ExportFixture.ALGORITHM);
    }

    @Test
    void dciodvfyFindsNoError() throws IOException {
        ExternalTool.assumeInstalled("/usr/bin/dciodvfy", "dicom3tools");
        ExternalTool.Run run = ExternalTool.run(List.of("/usr/bin/dciodvfy", seg.toString()));
        List<String> errors = run.output().lines().filter(l -> l.startsWith("Error")).toList();
        assertEquals(List.of(), errors, run.output());
        assertTrue(run.output().contains("Segmentation"), "dciodvfy checked the Segmentation IOD:\n" + run.output());
    }

    @Test
    void pydicomReadsTheQuantisedMapFrameByFrame() throws IOException {
        ExternalTool.assumePythonModule("pydicom", "python3-pydicom");
        ExternalTool.assumePythonModule("numpy", "python3-numpy");
        ExternalTool.Run run = ExternalTool.run(List.of("/usr/bin/python3",
                Path.of("scripts/export-oracle.py").toAbsolutePath().toString(), "--fractional", seg.toString()));
        assertEquals(0, run.exitCode(), run.output());
        JsonObject out = lastLineJson(run);
        assertEquals("SEG", out.get("modality").getAsString());
        assertEquals(List.of(8, 8, 7), ints(out.getAsJsonArray("bits")));
        checkContents("pydicom", out);
    }

    @Test
    void dcmjsParsesTheQuantisedMapAndItsCornerstoneAdapterRefusesFractional() throws IOException {
        Path dcmjs = InteropReadersTest.dcmjsModule();
        ExternalTool.Run run = ExternalTool.run(List.of("/usr/bin/env", "DCMJS=" + dcmjs,
                InteropReadersTest.nodeExecutable(), Path.of("scripts/dcmjs-seg-oracle.js").toAbsolutePath().toString(),
                fixture.folder().toString(), seg.toString()));
        assertEquals(0, run.exitCode(), run.output());
        JsonObject out = lastLineJson(run);
        assertEquals(InteropReadersTest.DCMJS_VERSION, out.get("dcmjs").getAsString());
        checkContents("dcmjs", out);
        // what docs/interoperability.md says of OHIF 2's path: update the docs when this changes
        assertEquals("Fractional segmentations are not yet supported", out.get("adapter").getAsString());
    }

    @Test
    void tumorjReadsItBackAsThePixelsAtHalfTheMaximumOrAbove() throws IOException {
        VolumeInfo info = fixture.volume().info();
        List<Annotation> regions = SegAnnotations.read(seg, info);
        int n = info.width() * info.height();
        for (int z = 0; z < maps.depth(); z++) {
            boolean[] expected = new boolean[n];
            float[] p = maps.slice(z);
            for (int i = 0; i < n; i++) {
                expected[i] = SegmentationObject.quantise(p[i]) >= 128;
            }
            boolean[] got = new boolean[n];
            for (Annotation a : regions) {
                assertEquals(SegmentationObject.PROBABILITY_LABEL, a.label());
                if (a.sliceIndex() == z) {
                    boolean[] m = AnnotationMasks.fill(a, info.width(), info.height());
                    for (int i = 0; i < n; i++) {
                        got[i] |= m[i];
                    }
                }
            }
            assertArrayEquals(expected, got, "slice " + z);
        }
    }

    @Test
    void quantisationRoundsAndClamps() {
        assertEquals(0, SegmentationObject.quantise(Float.NaN));
        assertEquals(0, SegmentationObject.quantise(-0.1f));
        assertEquals(0, SegmentationObject.quantise(0.5f / 255 - 1e-4f));
        assertEquals(1, SegmentationObject.quantise(0.5f / 255 + 1e-4f));
        assertEquals(128, SegmentationObject.quantise(0.5f));
        assertEquals(255, SegmentationObject.quantise(1f));
        assertEquals(255, SegmentationObject.quantise(1.5f));
    }

    @Test
    void mapsOfAnotherSizeAreRefused() {
        ProbabilityMaps fewer = new ProbabilityMaps(List.of(maps.map(0)), maps.width(), maps.height());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SegmentationObject.probability(fixture.volume(), fewer, "study", ExportFixture.ALGORITHM));
        assertTrue(e.getMessage().contains("probability maps are"), e.getMessage());
    }

    /**
     * What a reader says of the file: FRACTIONAL / PROBABILITY / 255, one segment, one frame per
     * slice in slice order naming that slice's image, and each value {@code round(255 p)} of the
     * map TumorJ holds (so within half a step of the probability).
     */
    private static void checkContents(String reader, JsonObject out) {
        VolumeInfo info = fixture.volume().info();
        assertEquals("FRACTIONAL", out.get("segmentation_type").getAsString(), reader);
        assertEquals("PROBABILITY", out.get("fractional_type").getAsString(), reader);
        assertEquals(255, out.get("maximum").getAsInt(), reader);
        JsonArray segments = out.getAsJsonArray("segments");
        assertEquals(1, segments.size(), reader);
        assertEquals(SegmentationObject.PROBABILITY_LABEL, segments.get(0).getAsJsonObject().get("label").getAsString());
        JsonArray frames = out.getAsJsonArray("frames");
        assertEquals(maps.depth(), frames.size(), reader + ": a frame for every slice");
        int distinct = 0;
        boolean[] seen = new boolean[256];
        for (int z = 0; z < maps.depth(); z++) {
            JsonObject frame = frames.get(z).getAsJsonObject();
            assertEquals(1, frame.get("segment").getAsInt(), reader);
            assertEquals(info.sopInstanceUids().get(z), frame.get("source").getAsString(), reader + ": frame " + (z + 1));
            List<Integer> values = ints(frame.getAsJsonArray("values"));
            float[] p = maps.slice(z);
            assertEquals(p.length, values.size(), reader);
            for (int i = 0; i < p.length; i++) {
                int v = values.get(i);
                assertEquals(SegmentationObject.quantise(p[i]), v, reader + ": slice " + z + ", pixel " + i);
                assertTrue(Math.abs(v / 255.0 - p[i]) <= 0.5 / 255 + 1e-6, reader + ": " + v + " for " + p[i]);
                if (!seen[v]) {
                    seen[v] = true;
                    distinct++;
                }
            }
        }
        assertTrue(distinct > 200, reader + ": the map spans the range (" + distinct + " distinct values)");
    }

    private static List<Integer> ints(JsonArray array) {
        List<Integer> out = new ArrayList<>(array.size());
        for (JsonElement e : array) {
            out.add(e.getAsInt());
        }
        return out;
    }

    private static JsonObject lastLineJson(ExternalTool.Run run) {
        return JsonParser.parseString(run.output().lines().reduce((a, b) -> b).orElse("")).getAsJsonObject();
    }
}
