package org.tumorj.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tumorj.util.Progress;
import org.tumorj.volume.Volume;

/**
 * Real scanner files (Siemens mosaic DWI and MR, a Philips enhanced multi-frame MR, a JPEG 2000
 * CSA MIP) from nibabel's DICOM test data, as Debian ships it (provenance and licence per file
 * in {@code test-images/dicom/registry/SOURCES.md}). Each one decodes to the values pydicom gives
 * ({@code expected.json} beside them, from {@code scripts/dicom-oracle.py --folder}) and reads as a
 * series through the public reader, or is refused with an error that names the file and says why.
 * Files shipped gzipped are kept so and read gunzipped. Every file there must have a verdict in
 * {@link #EXPECTED}, so a file added without one fails.
 */
class NibabelRegistryTest {
    private static final Path FOLDER = Path.of("test-images", "dicom", "registry", "nibabel");
    /** File name -> "decodes" or the part of the refusal that says why. */
    private static final Map<String, String> EXPECTED = new TreeMap<>(Map.of(
            "0.dcm", "decodes",
            "1.dcm", "decodes",
            "csa_slice_norm.dcm", "no pixel data", // nibabel's copy keeps the header only; pydicom finds no pixels either
            "decimal_rescale.dcm", "decodes",
            "philips_mprage.dcm.gz", "decodes",
            "siemens_dwi_0.dcm.gz", "decodes",
            "siemens_dwi_1000.dcm.gz", "decodes",
            "slicethickness_empty_string.dcm", "decodes"));

    @Test
    void everyFileHasAVerdict() throws IOException {
        assertEquals(EXPECTED.keySet(), new TreeSet<>(files().keySet()));
        assertEquals(EXPECTED.keySet(), expected().keySet(), "expected.json: regenerate with scripts/dicom-oracle.py --folder");
    }

    @Test
    void eachFileDecodesAsPydicomReadsItOrIsRefusedByName(@TempDir Path tmp) throws IOException {
        JsonObject oracle = JsonParser.parseString(Files.readString(FOLDER.resolve("expected.json"))).getAsJsonObject();
        for (Map.Entry<String, Path> e : files().entrySet()) {
            String name = e.getKey();
            Path file = readable(e.getValue(), tmp);
            JsonObject expected = oracle.getAsJsonObject(name);
            if (EXPECTED.get(name).equals("decodes")) {
                DicomCorpusTest.assertDecodesLike(file, name, expected);
                DicomReader reader = DicomReader.standard();
                DicomScan scan = reader.scan(file, Progress.none());
                assertEquals(1, scan.series().size(), name + ": " + scan.problems());
                Volume v = reader.readVolume(scan.series().get(0), Progress.none());
                assertEquals(expected.getAsJsonArray("shape").get(0).getAsInt(), v.depth(), name + ": slices");
            } else {
                DicomException refused = assertThrows(DicomException.class, () -> PixelDecoder.open(file), name);
                assertTrue(refused.getMessage().contains(file.toString()) && refused.getMessage().contains(EXPECTED.get(name)),
                        refused.getMessage());
                assertTrue(expected.has("oracle_error"), name + ": refused although pydicom decodes it: " + refused.getMessage());
            }
        }
    }

    private static Map<String, Path> files() throws IOException {
        Map<String, Path> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(FOLDER)) {
            list.filter(p -> !p.getFileName().toString().equals("expected.json")).forEach(p -> files.put(p.getFileName().toString(), p));
        }
        return files;
    }

    private static Map<String, ?> expected() throws IOException {
        return new TreeMap<>(JsonParser.parseString(Files.readString(FOLDER.resolve("expected.json"))).getAsJsonObject().asMap());
    }

    /** The file itself, or for a .gz its content in {@code tmp}. */
    private static Path readable(Path file, Path tmp) throws IOException {
        String name = file.getFileName().toString();
        if (!name.endsWith(".gz")) {
            return file;
        }
        Path plain = tmp.resolve(name.substring(0, name.length() - 3));
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file)); OutputStream out = Files.newOutputStream(plain)) {
            in.transferTo(out);
        }
        return plain;
    }
}
