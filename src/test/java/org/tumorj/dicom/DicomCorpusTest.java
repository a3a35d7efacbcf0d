package org.tumorj.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every corpus file against the values an independent decoder produced
 * (scripts/dicom-oracle.py: dcmtk, GDCM, pydicom): lossless exactly, lossy within one stored unit
 * on average and a few units per pixel; JPEG-LS and 12-bit JPEG refused with a clear message.
 */
class DicomCorpusTest {

    static Stream<Arguments> corpus() throws IOException {
        JsonObject all = JsonParser.parseString(Files.readString(TestImages.file("expected.json"))).getAsJsonObject();
        return all.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue().getAsJsonObject()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void decodesLikeTheIndependentDecoder(String relative, JsonObject expected) {
        Path file = TestImages.file(relative);
        if (expected.has("refused")) {
            DicomException e = assertThrows(DicomException.class, () -> decodeGrey(file));
            assertTrue(e.getMessage().contains("unsupported transfer syntax") && e.getMessage().contains(expected.get("transferSyntaxUID").getAsString()),
                    e.getMessage());
            return;
        }
        assertDecodesLike(file, relative, expected);
    }

    /** {@code file} decodes to the oracle's shape, statistics and sample values ({@code label} names it in failures). */
    static void assertDecodesLike(Path file, String relative, JsonObject expected) {
        PixelDecoder decoder = PixelDecoder.open(file);
        PixelFormat f = decoder.image().format;
        JsonArray shape = expected.getAsJsonArray("shape");
        assertEquals(shape.get(0).getAsInt(), f.frames(), "frames");
        assertEquals(shape.get(1).getAsInt(), f.rows(), "rows");
        assertEquals(shape.get(2).getAsInt(), f.columns(), "columns");
        double[][] values = expected.get("color").getAsBoolean() ? colorValues(decoder) : greyValues(decoder);
        boolean lossy = expected.get("lossy").getAsBoolean();
        double pixelTolerance = lossy ? 3 : 1e-3 * Math.max(1, Math.abs(expected.get("max").getAsDouble()));
        compareStatistics(expected, values, lossy);
        for (JsonElement s : expected.getAsJsonArray("samples")) {
            JsonObject o = s.getAsJsonObject();
            int frame = o.get("frame").getAsInt(), y = o.get("y").getAsInt(), x = o.get("x").getAsInt();
            int at = y * f.columns() + x;
            if (o.get("value").isJsonArray()) {
                JsonArray rgb = o.getAsJsonArray("value");
                for (int c = 0; c < 3; c++) {
                    assertEquals(rgb.get(c).getAsDouble(), values[frame][at * 3 + c], pixelTolerance,
                            relative + " frame " + frame + " (" + x + "," + y + ") channel " + c);
                }
            } else {
                assertEquals(o.get("value").getAsDouble(), values[frame][at], pixelTolerance,
                        relative + " frame " + frame + " (" + x + "," + y + ")");
            }
        }
    }

    private static void compareStatistics(JsonObject expected, double[][] values, boolean lossy) {
        double min = Double.MAX_VALUE, max = -Double.MAX_VALUE, sum = 0;
        long n = 0;
        for (double[] frame : values) {
            for (double v : frame) {
                min = Math.min(min, v);
                max = Math.max(max, v);
                sum += v;
                n++;
            }
        }
        double mean = sum / n;
        double scale = Math.max(1, Math.abs(expected.get("max").getAsDouble()));
        double tolerance = lossy ? 1.0 : 1e-5 * scale;
        assertEquals(expected.get("mean").getAsDouble(), mean, tolerance, "mean");
        assertEquals(expected.get("min").getAsDouble(), min, lossy ? 4 : 1e-5 * scale, "min");
        assertEquals(expected.get("max").getAsDouble(), max, lossy ? 4 : 1e-5 * scale, "max");
    }

    private static void decodeGrey(Path file) {
        PixelDecoder d = PixelDecoder.open(file);
        d.greyFrame(0, new float[d.image().format.pixels()]);
    }

    private static double[][] greyValues(PixelDecoder d) {
        PixelFormat f = d.image().format;
        double[][] out = new double[f.frames()][f.pixels()];
        float[] frame = new float[f.pixels()];
        for (int i = 0; i < f.frames(); i++) {
            d.greyFrame(i, frame);
            for (int p = 0; p < frame.length; p++) {
                out[i][p] = frame[p];
            }
        }
        return out;
    }

    private static double[][] colorValues(PixelDecoder d) {
        PixelFormat f = d.image().format;
        double[][] out = new double[f.frames()][f.pixels() * 3];
        for (int i = 0; i < f.frames(); i++) {
            int[] rgb = d.colorFrame(i);
            for (int p = 0; p < rgb.length; p++) {
                out[i][3 * p] = (rgb[p] >> 16) & 0xFF;
                out[i][3 * p + 1] = (rgb[p] >> 8) & 0xFF;
                out[i][3 * p + 2] = rgb[p] & 0xFF;
            }
        }
        return out;
    }

}
