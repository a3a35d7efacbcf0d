package org.tumorj.nifti;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tumorj.volume.Volume;
import org.tumorj.volume.VolumeInfo;

/**
 * TumorJ's NIfTI reader against nibabel (Debian python3-nibabel, {@code scripts/nifti-oracle.py}):
 * files nibabel writes (NIfTI-1 and -2, gzip or not, six datatypes, big endian, scaled int16,
 * oblique sform, qform with qfac -1, left-handed voxel axes) give the voxel values nibabel reads
 * and the voxel centres nibabel's affine places, once RAS is turned into LPS.
 */
class NiftiOracleTest {
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    @TempDir static Path dir;
    private static JsonObject oracle;

    @BeforeAll
    static void writeWithNibabel() throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(PYTHON), "/usr/bin/python3 is not installed: apt-get install python3");
        assumeTrue(run(List.of(PYTHON.toString(), "-c", "import nibabel")).exit == 0,
                "python module nibabel is not installed: apt-get install python3-nibabel (scripts/install-test-tools)");
        Result r = run(List.of(PYTHON.toString(), "scripts/nifti-oracle.py", dir.toString()));
        assertEquals(0, r.exit, r.stderr);
        oracle = JsonParser.parseString(r.stdout).getAsJsonObject();
    }

    @Test
    void valuesAndPositionsAreNibabels() throws IOException {
        int checked = 0;
        for (JsonElement c : oracle.getAsJsonArray("cases")) {
            JsonObject o = c.getAsJsonObject();
            String name = o.get("file").getAsString();
            NiftiImage image = NiftiImage.read(dir.resolve(name));
            Volume v = NiftiVolumes.volume(image, "MR");
            VolumeInfo info = v.info();
            for (JsonElement s : o.getAsJsonArray("samples")) {
                JsonObject p = s.getAsJsonObject();
                int i = p.get("i").getAsInt(), j = p.get("j").getAsInt(), k = p.get("k").getAsInt();
                int z = image.geometry().reversed() ? v.depth() - 1 - k : k;
                double expected = p.get("value").getAsDouble();
                assertEquals(expected, v.slice(z)[j * v.width() + i], Math.max(1e-4, 1e-6 * Math.abs(expected)),
                        name + " value at " + i + "," + j + "," + k);
                double[] ras = new double[3];
                for (int a = 0; a < 3; a++) {
                    ras[a] = p.getAsJsonArray("ras").get(a).getAsDouble();
                }
                double[] lps = info.toPatient(i, j, z);
                double[] expectedLps = {-ras[0], -ras[1], ras[2]};
                for (int a = 0; a < 3; a++) {
                    assertEquals(expectedLps[a], lps[a], 1e-3, name + " position (axis " + a + ") of " + i + "," + j + "," + k);
                }
                checked++;
            }
        }
        assertEquals(30, checked, "6 files x 5 voxels");
    }

    @Test
    void theOracleExercisesWhatItClaims() throws IOException {
        assertTrue(NiftiImage.read(dir.resolve("int16-scaled-sform.nii.gz")).header().sclSlope() != 1);
        assertEquals(2, NiftiImage.read(dir.resolve("float32-nifti2-sform-reversed.nii")).header().version());
        assertEquals("qform", NiftiImage.read(dir.resolve("uint8-qform-left-handed.nii")).geometry().source());
        assertTrue(NiftiImage.read(dir.resolve("uint8-qform-left-handed.nii")).geometry().reversed());
        assertTrue(NiftiImage.read(dir.resolve("float32-nifti2-sform-reversed.nii")).geometry().reversed());
        assertEquals(java.nio.ByteOrder.BIG_ENDIAN, NiftiImage.read(dir.resolve("int32-bigendian.nii")).header().order());
    }

    @Test
    void anUnsupportedDatatypeIsRefusedNamingTheFileAndTheType() throws IOException {
        Path file = dir.resolve("int8.nii");
        byte[] bytes = Files.readAllBytes(dir.resolve("float32-nifti2-sform-reversed.nii"));
        bytes[12] = 0; // datatype 256 (int8), little endian
        bytes[13] = 1;
        Files.write(file, bytes);
        IOException e = assertThrows(IOException.class, () -> NiftiImage.read(file));
        assertTrue(e.getMessage().startsWith(file.toString()) && e.getMessage().contains("datatype 256"), e.getMessage());
    }

    @Test
    void aFileThatIsNotNiftiIsRefusedByName() throws IOException {
        Path file = dir.resolve("notes.nii");
        Files.writeString(file, "not an image", StandardCharsets.US_ASCII);
        IOException e = assertThrows(IOException.class, () -> NiftiImage.read(file));
        assertTrue(e.getMessage().startsWith(file.toString()) && e.getMessage().contains("not a NIfTI file"), e.getMessage());
    }

    private record Result(int exit, String stdout, String stderr) {}

    private static Result run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(new ArrayList<>(command)).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(p.waitFor(), out, err);
    }
}
