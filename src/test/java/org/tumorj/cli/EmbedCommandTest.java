package org.tumorj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tumorj.backbone.FloatTensor;
import org.tumorj.backbone.ReferenceImagesAccess;
import org.tumorj.backbone.tfjs.JsLiteral;

/** {@code ./tumorj embed} end to end: a PNG in, the TF.js reference embedding out. */
class EmbedCommandTest {
    @TempDir
    Path dir;

    @Test
    void printsTheEmbeddingOfA224PngAsJson() throws Exception {
        FloatTensor img = ReferenceImagesAccess.image("gradient");
        BufferedImage png = new BufferedImage(224, 224, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 224; y++) {
            for (int x = 0; x < 224; x++) {
                int r = Math.round(img.get(0, y, x, 0) * 255);
                int g = Math.round(img.get(0, y, x, 1) * 255);
                int b = Math.round(img.get(0, y, x, 2) * 255);
                png.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        Path file = dir.resolve("gradient.png");
        ImageIO.write(png, "png", file.toFile());

        String out = runCapturingStdout(List.of(file.toString()));
        List<?> values = (List<?>) JsLiteral.parse(out.strip());
        assertEquals(1280, values.size());
        float[] embedding = new float[1280];
        for (int i = 0; i < embedding.length; i++) {
            embedding[i] = ((Number) values.get(i)).floatValue();
        }
        assertTrue(ReferenceImagesAccess.cosineToReference("gradient", embedding) >= 0.9999);
    }

    @Test
    void missingFileIsAUserError() {
        CliException e = assertThrows(CliException.class, () -> new EmbedCommand().run(List.of(dir.resolve("nope.png").toString())));
        assertTrue(e.getMessage().endsWith("nope.png: no such file"), e.getMessage());
    }

    private String runCapturingStdout(List<String> args) throws Exception {
        PrintStream old = System.out;
        String oldCache = System.getProperty("tumorj.cache");
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        System.setProperty("tumorj.cache", dir.resolve("cache").toString());
        try {
            assertEquals(0, new EmbedCommand().run(args));
        } finally {
            System.setOut(old);
            if (oldCache == null) {
                System.clearProperty("tumorj.cache");
            } else {
                System.setProperty("tumorj.cache", oldCache);
            }
        }
        return buf.toString(StandardCharsets.UTF_8);
    }
}
