package org.tumorj.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tumorj.annotation.RtStructAnnotations;
import org.tumorj.annotation.SegAnnotations;
import org.tumorj.dicom.DicomException;
import org.tumorj.dicom.DicomReader;
import org.tumorj.dicom.RtStructFile;
import org.tumorj.dicom.SegmentationFile;
import org.tumorj.nifti.NiftiImage;
import org.tumorj.nifti.NiftiVolumes;
import org.tumorj.util.Progress;
import org.tumorj.volume.Volume;
import org.tumorj.volume.VolumeInfo;

/**
 * Public files from other projects' test data, as Debian packages them (provenance and licence per
 * file in {@code test-images/dicom/registry/SOURCES.md} and {@code test-images/nifti/registry/SOURCES.md}):
 * each one either imports, with what the independent reader (nibabel or pydicom, through
 * {@code scripts/registry-oracle.py}) finds in it, or is refused with an error that names the file.
 * Never a crash, never a silently different image. Every file in those folders must be listed in
 * {@link #EXPECTED}, so a file added without a verdict fails.
 */
class RegistryFilesTest {
    private static final Path DICOM = Path.of("test-images", "dicom", "registry");
    private static final Path NIFTI = Path.of("test-images", "nifti", "registry");
    /** File name -> "imports" or the part of the refusal that says why. */
    private static final Map<String, String> EXPECTED = new TreeMap<>(Map.of(
            "liver_1frame.dcm", "imports",
            "liver_expb_1frame.dcm", "imports",
            "rtstruct.dcm", "imports",
            "anatomical.nii", "imports",
            "example_nifti2.nii.gz", "imports",
            "functional.nii", "imports",
            "reoriented_anat_moved.nii", "imports",
            "resampled_anat_moved.nii", "imports",
            "standard.nii.gz", "imports",
            "row_major.dconn.nii", "CIFTI"));
    private static JsonObject oracle;
    private static List<Path> files;

    @BeforeAll
    static void readWithTheOracles() throws IOException {
        try (Stream<Path> a = Files.walk(DICOM); Stream<Path> b = Files.walk(NIFTI)) {
            files = Stream.concat(a, b).filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().endsWith(".md"))
                    .filter(f -> !f.startsWith(DICOM.resolve("nibabel"))) // images, checked by NibabelRegistryTest
                    .sorted().toList();
        }
        ExternalTool.assumePythonModule("pydicom", "python3-pydicom");
        ExternalTool.assumePythonModule("nibabel", "python3-nibabel");
        List<String> command = new ArrayList<>(List.of("/usr/bin/python3",
                Path.of("scripts/registry-oracle.py").toAbsolutePath().toString()));
        files.forEach(f -> command.add(f.toString()));
        ExternalTool.Run run = ExternalTool.run(command);
        assertEquals(0, run.exitCode(), run.output());
        oracle = JsonParser.parseString(run.output().lines().reduce((x, y) -> y).orElse("")).getAsJsonObject();
    }

    @Test
    void everyFileHasAVerdict() {
        assertEquals(EXPECTED.keySet(), new java.util.TreeSet<>(files.stream().map(f -> f.getFileName().toString()).toList()));
    }

    @Test
    void eachFileImportsAsTheOracleReadsItOrIsRefusedByName() throws IOException {
        List<String> report = new ArrayList<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            JsonObject o = oracle.getAsJsonObject(name);
            String outcome;
            try {
                outcome = switch (o.get("kind").getAsString()) {
                    case "nifti", "not-an-image", "error" -> nifti(file, o);
                    case "seg" -> seg(file, o);
                    case "rtstruct" -> rtstruct(file, o);
                    default -> throw new AssertionError(name + ": the oracle read " + o);
                };
            } catch (IOException | DicomException e) {
                assertTrue(e.getMessage().contains(file.toString()), name + ": a refusal must name the file: " + e.getMessage());
                outcome = "refused: " + e.getMessage();
            } catch (RuntimeException e) {
                throw new AssertionError(name + ": crashed instead of importing or refusing", e);
            }
            report.add(name + ": " + outcome);
            String expected = EXPECTED.get(name);
            assertTrue(expected.equals("imports") ? outcome.equals("imports") : outcome.contains(expected),
                    name + ": expected " + expected + ", got " + outcome);
        }
        System.out.println(String.join("\n", report));
    }

    /** First volume: nibabel's values at nibabel's positions (RAS there, LPS here). */
    private static String nifti(Path file, JsonObject o) throws IOException {
        NiftiImage image = NiftiImage.read(file);
        if (!o.get("kind").getAsString().equals("nifti")) {
            fail(file + ": imported although nibabel reads no image in it: " + o);
        }
        Volume v = NiftiVolumes.volume(image, "MR");
        VolumeInfo info = v.info();
        assertEquals(o.getAsJsonArray("shape").get(0).getAsInt(), v.width(), file.toString());
        assertEquals(o.getAsJsonArray("shape").get(1).getAsInt(), v.height(), file.toString());
        assertEquals(o.getAsJsonArray("shape").size() > 2 ? o.getAsJsonArray("shape").get(2).getAsInt() : 1, v.depth(),
                file.toString());
        double sum = 0;
        long nans = 0;
        for (int z = 0; z < v.depth(); z++) {
            for (float value : v.slice(z)) {
                sum += Float.isNaN(value) ? 0 : value;
                nans += Float.isNaN(value) ? 1 : 0;
            }
        }
        assertEquals(o.get("nans").getAsLong(), nans, file + ": NaN voxels");
        double expectedSum = o.get("sum").getAsDouble();
        assertEquals(expectedSum, sum, 1e-5 * Math.max(1, Math.abs(expectedSum)), file + ": sum of the first volume");
        for (JsonElement s : o.getAsJsonArray("samples")) {
            JsonObject p = s.getAsJsonObject();
            int i = p.get("i").getAsInt(), j = p.get("j").getAsInt(), k = p.get("k").getAsInt();
            int z = image.geometry().reversed() ? v.depth() - 1 - k : k;
            double expected = p.get("value").isJsonNull() ? Double.NaN : p.get("value").getAsDouble();
            assertEquals(expected, v.slice(z)[j * v.width() + i], Double.isNaN(expected) ? 0 : Math.max(1e-4, 1e-6 * Math.abs(expected)),
                    file + ": value at " + i + "," + j + "," + k);
            double[] lps = info.toPatient(i, j, z);
            for (int a = 0; a < 3; a++) {
                double ras = p.getAsJsonArray("ras").get(a).getAsDouble();
                assertEquals(a < 2 ? -ras : ras, lps[a], 1e-3, file + ": position (axis " + a + ") of " + i + "," + j + "," + k);
            }
        }
        return "imports";
    }

    /** pydicom's frames: segment, source image and pixels; then as annotations on an unrelated series: refused by name. */
    private static String seg(Path file, JsonObject o) throws IOException {
        SegmentationFile.Contents c = SegmentationFile.read(file);
        var frames = o.getAsJsonArray("frames");
        assertEquals(frames.size(), c.frames().size(), file + ": frames");
        for (int n = 0; n < frames.size(); n++) {
            JsonObject f = frames.get(n).getAsJsonObject();
            SegmentationFile.Frame read = c.frames().get(n);
            assertEquals(f.get("segment").getAsString(), read.segmentLabel(), file + " frame " + (n + 1));
            assertEquals(f.get("source").getAsString(), read.sourceImage(), file + " frame " + (n + 1));
            List<Integer> set = new ArrayList<>();
            for (int p = 0; p < read.mask().length; p++) {
                if (read.mask()[p]) {
                    set.add(p);
                }
            }
            List<Integer> expected = new ArrayList<>();
            f.getAsJsonArray("indices").forEach(e -> expected.add(e.getAsInt()));
            assertEquals(expected, set, file + " frame " + (n + 1) + ": pixels");
        }
        assertRefusedOnAnotherSeries(file, () -> SegAnnotations.read(file, unrelatedSeries()));
        return "imports";
    }

    /** pydicom's contours: ROI name, image and every point; then on an unrelated series: refused by name. */
    private static String rtstruct(Path file, JsonObject o) throws IOException {
        List<RtStructFile.Contour> read = RtStructFile.read(file);
        var contours = o.getAsJsonArray("contours");
        assertEquals(contours.size(), read.size(), file + ": closed planar contours");
        for (int n = 0; n < contours.size(); n++) {
            JsonObject c = contours.get(n).getAsJsonObject();
            assertEquals(c.get("roi").getAsString(), read.get(n).roiName(), file + " contour " + (n + 1));
            assertEquals(c.get("image").getAsString(), read.get(n).referencedSopInstanceUid(), file + " contour " + (n + 1));
            double[] points = new double[c.getAsJsonArray("points").size()];
            for (int i = 0; i < points.length; i++) {
                points[i] = c.getAsJsonArray("points").get(i).getAsDouble();
            }
            assertArrayEquals(points, read.get(n).pointsMm(), 1e-9, file + " contour " + (n + 1));
        }
        assertRefusedOnAnotherSeries(file, () -> RtStructAnnotations.read(file, unrelatedSeries()));
        return "imports";
    }

    private interface Import {
        Object run() throws IOException;
    }

    private static void assertRefusedOnAnotherSeries(Path file, Import attempt) {
        try {
            attempt.run();
            fail(file + ": taken as annotations of a series it does not describe");
        } catch (IOException | DicomException e) {
            assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        }
    }

    /** pydicom's CT_small, which none of the registry objects describes. */
    private static VolumeInfo unrelatedSeries() throws IOException {
        DicomReader reader = DicomReader.standard();
        Path ct = Path.of("test-images", "dicom", "pydicom", "CT_small.dcm");
        return reader.readVolume(reader.scan(ct, Progress.none()).largest().orElseThrow(), Progress.none()).info();
    }
}
