package org.tumorj.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tumorj.annotation.AnnotationMasks;
import org.tumorj.detect.Finding;
import org.tumorj.detect.FindingSlice;
import org.tumorj.volume.VolumeInfo;

/**
 * TumorJ's SEG and RTSTRUCT of phantom findings read as masks by readers that share no code with
 * TumorJ, each mask compared with the finding's own pixels (Dice >= 0.99 per finding, over all its
 * slices, and the right slices named by SOP Instance UID):
 *
 * <ul>
 *   <li>SEG by <b>dcmjs</b> (npm, pinned in {@code scripts/install-test-tools}; its Cornerstone
 *       adapter is how OHIF loads a SEG; {@code scripts/dcmjs-seg-oracle.js}) and by <b>pydicom</b>
 *       (Debian python3-pydicom; {@code scripts/export-oracle.py});
 *   <li>RTSTRUCT by <b>plastimatch</b> (Debian; {@code plastimatch convert --referenced-ct}, masks
 *       as NIfTI) and <b>dicompyler-core</b> (Debian python3-dicompylercore; its parser and its DVH
 *       code's contour mask), both through {@code scripts/rtstruct-oracle.py}.
 * </ul>
 *
 * A reader that is not installed skips its test with a message naming what to install
 * ({@code scripts/install-test-tools}, run by {@code ./tumorj test}, installs them all).
 */
class InteropReadersTest {
    /** The dcmjs version {@code scripts/install-test-tools} installs; keep the two equal. */
    static final String DCMJS_VERSION = "0.49.4";
    private static final double MIN_DICE = 0.99;

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
    void dcmjsDecodesEachSegmentOntoTheFindingsPixels() throws IOException {
        Path dcmjs = dcmjsModule();
        ExternalTool.Run run = ExternalTool.run(List.of("/usr/bin/env", "DCMJS=" + dcmjs, nodeExecutable(),
                Path.of("scripts/dcmjs-seg-oracle.js").toAbsolutePath().toString(), fixture.folder().toString(),
                seg.toString()));
        assertEquals(0, run.exitCode(), run.output());
        JsonObject out = lastLineJson(run);
        assertEquals(DCMJS_VERSION, out.get("dcmjs").getAsString());
        assertMasksMatch("dcmjs", out.getAsJsonArray("segments").asList(), "label");
    }

    @Test
    void pydicomDecodesEachSegmentOntoTheFindingsPixels() throws IOException {
        ExternalTool.assumePythonModule("pydicom", "python3-pydicom");
        ExternalTool.assumePythonModule("numpy", "python3-numpy");
        ExternalTool.Run run = ExternalTool.run(List.of("/usr/bin/python3", Path.of("scripts/export-oracle.py")
                .toAbsolutePath().toString(), fixture.folder().toString(), seg.toString(), rtstruct.toString()));
        assertEquals(0, run.exitCode(), run.output());
        JsonObject s = lastLineJson(run).getAsJsonObject("seg");
        List<JsonElement> segments = new ArrayList<>();
        for (JsonElement e : s.getAsJsonArray("segments")) {
            JsonObject segment = e.getAsJsonObject().deepCopy();
            JsonObject slices = new JsonObject();
            for (JsonElement f : s.getAsJsonArray("frames")) {
                JsonObject frame = f.getAsJsonObject();
                if (frame.get("segment").getAsInt() == segment.get("number").getAsInt()) {
                    slices.add(frame.get("source").getAsString(), frame.get("indices"));
                }
            }
            segment.add("slices", slices);
            segments.add(segment);
        }
        assertMasksMatch("pydicom", segments, "label");
    }

    @Test
    void plastimatchRasterisesEachRoiOntoTheFindingsPixels() throws IOException {
        ExternalTool.assumeInstalled("/usr/bin/plastimatch", "plastimatch");
        ExternalTool.assumePythonModule("nibabel", "python3-nibabel");
        assertMasksMatch("plastimatch", rtOracle("plastimatch"), "name");
    }

    @Test
    void dicompylerCoreFillsEachRoiOntoTheFindingsPixels() throws IOException {
        ExternalTool.assumePythonModule("dicompylercore", "python3-dicompylercore");
        assertMasksMatch("dicompyler-core", rtOracle("dicompyler"), "name");
    }

    /**
     * The other way: an RT Structure Set written by plastimatch from label maps (one NIfTI mask per
     * finding, plastimatch's own rasterisation of TumorJ's RTSTRUCT, turned back into contours by
     * {@code plastimatch convert --input-prefix --referenced-ct --output-dicom}), imported
     * by TumorJ as annotations: each ROI, filled by pixel centres, covers its finding's pixels
     * (Dice >= 0.99).
     */
    @Test
    void anRtstructWrittenByPlastimatchFromLabelMapsImportsAsTheFindings() throws IOException {
        ExternalTool.assumeInstalled("/usr/bin/plastimatch", "plastimatch");
        Path masks = dir.resolve("plastimatch-masks");
        VolumeInfo info = fixture.volume().info();
        ExternalTool.Run labelMaps = ExternalTool.run(List.of("/usr/bin/plastimatch", "convert", "--input",
                rtstruct.toString(), "--referenced-ct", fixture.folder().toString(), "--output-prefix", masks.toString(),
                "--prefix-format", "nii.gz"));
        assertEquals(0, labelMaps.exitCode(), labelMaps.output());
        Path out = dir.resolve("plastimatch-rtstruct");
        ExternalTool.Run run = ExternalTool.run(List.of("/usr/bin/plastimatch", "convert", "--input-prefix",
                masks.toString(), "--referenced-ct", fixture.folder().toString(), "--output-dicom", out.toString()));
        assertEquals(0, run.exitCode(), run.output());
        Path written;
        try (var files = Files.list(out)) {
            written = files.filter(p -> p.getFileName().toString().startsWith("rtss")).findFirst().orElseThrow();
        }
        List<org.tumorj.annotation.Annotation> read = org.tumorj.annotation.RtStructAnnotations.read(written, info);
        for (Finding f : fixture.findings()) {
            Set<String> voxels = new TreeSet<>();
            for (org.tumorj.annotation.Annotation a : read) {
                if (a.label().startsWith("Finding " + f.id() + " ")) {
                    boolean[] m = AnnotationMasks.fill(a, info.width(), info.height());
                    for (int p = 0; p < m.length; p++) {
                        if (m[p]) {
                            voxels.add(info.sopInstanceUids().get(a.sliceIndex()) + "#" + p);
                        }
                    }
                }
            }
            Set<String> expected = voxels(f, info);
            double dice = dice(expected, voxels);
            assertTrue(dice >= MIN_DICE, String.format("plastimatch's RTSTRUCT: finding %d, Dice %.4f (%d pixels"
                    + " expected, %d read)", f.id(), dice, expected.size(), voxels.size()));
        }
    }

    private static List<JsonElement> rtOracle(String tool) throws IOException {
        ExternalTool.assumePythonModule("pydicom", "python3-pydicom");
        ExternalTool.Run run = ExternalTool.run(List.of("/usr/bin/python3", Path.of("scripts/rtstruct-oracle.py")
                .toAbsolutePath().toString(), tool, fixture.folder().toString(), rtstruct.toString()));
        assertEquals(0, run.exitCode(), run.output());
        return lastLineJson(run).getAsJsonArray("rois").asList();
    }

    /**
     * Region n of the reader (segment or ROI, in the file's order) is finding n: its name says so,
     * it lies on the finding's slices and its pixels overlap the finding's with Dice >= 0.99.
     */
    private static void assertMasksMatch(String reader, List<JsonElement> regions, String nameKey) {
        assertEquals(fixture.findings().size(), regions.size(), reader + ": one region per finding");
        for (int n = 0; n < fixture.findings().size(); n++) {
            Finding finding = fixture.findings().get(n);
            JsonObject region = regions.get(n).getAsJsonObject();
            assertTrue(region.get(nameKey).getAsString().startsWith("Finding " + finding.id() + " "),
                    reader + ": " + region.get(nameKey));
            Set<String> voxels = new TreeSet<>();
            for (Map.Entry<String, JsonElement> slice : region.getAsJsonObject("slices").entrySet()) {
                slice.getValue().getAsJsonArray().forEach(p -> voxels.add(slice.getKey() + "#" + p.getAsInt()));
            }
            Set<String> expected = voxels(finding, fixture.volume().info());
            double dice = dice(expected, voxels);
            assertTrue(dice >= MIN_DICE, String.format("%s: finding %d, Dice %.4f (%d pixels expected, %d read)", reader,
                    finding.id(), dice, expected.size(), voxels.size()));
        }
    }

    /** "SOP Instance UID#pixel index" of every pixel of the finding. */
    static Set<String> voxels(Finding finding, VolumeInfo info) {
        Map<Integer, boolean[]> masks = new TreeMap<>();
        for (FindingSlice s : finding.slices()) {
            s.region().paint(masks.computeIfAbsent(s.z(), z -> new boolean[info.width() * info.height()]), info.width());
        }
        Set<String> out = new TreeSet<>();
        masks.forEach((z, mask) -> {
            for (int p = 0; p < mask.length; p++) {
                if (mask[p]) {
                    out.add(info.sopInstanceUids().get(z) + "#" + p);
                }
            }
        });
        return out;
    }

    static double dice(Set<String> a, Set<String> b) {
        long common = a.stream().filter(b::contains).count();
        return a.isEmpty() && b.isEmpty() ? 1 : 2.0 * common / (a.size() + b.size());
    }

    private static JsonObject lastLineJson(ExternalTool.Run run) {
        return JsonParser.parseString(run.output().lines().reduce((a, b) -> b).orElse("")).getAsJsonObject();
    }

    /** dcmjs as scripts/install-test-tools installs it, or a skip saying how to get it. */
    static Path dcmjsModule() {
        nodeExecutable();
        Path module = Path.of(System.getProperty("user.home"), ".cache", "tumorj", "npm", "dcmjs-" + DCMJS_VERSION,
                "node_modules", "dcmjs");
        assumeTrue(Files.isRegularFile(module.resolve("package.json")), "dcmjs " + DCMJS_VERSION + " is not installed"
                + " in " + module + ": run scripts/install-test-tools (npm install dcmjs@" + DCMJS_VERSION + "); the"
                + " check against dcmjs is skipped");
        return module;
    }

    static String nodeExecutable() {
        for (String candidate : List.of("/usr/bin/node", "/usr/local/bin/node", "/usr/bin/nodejs")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        assumeTrue(false, "node is not installed: apt-get install nodejs npm (or run scripts/install-test-tools); the"
                + " check against dcmjs is skipped");
        return null;
    }
}
