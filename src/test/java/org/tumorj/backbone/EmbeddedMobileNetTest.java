package org.tumorj.backbone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tumorj.backbone.tfjs.TfjsModel;

class EmbeddedMobileNetTest {

    @Test
    void shippedWeightsParseIntoMobileNetV2() throws IOException {
        TfjsModel m = EmbeddedMobileNet.model();
        assertEquals(162, m.layers().size());
        assertEquals(266, m.weights().size());
        assertEquals(java.util.List.of(1L, 1L, 320L, 1280L), java.util.Arrays.stream(m.weights().get("Conv_1/kernel").shape()).boxed().toList());
    }

    @Test
    void checksumMismatchIsAClearError() {
        IOException e = assertThrows(IOException.class, () -> EmbeddedMobileNet.resource(EmbeddedMobileNet.MODEL_FILE, "0".repeat(64)));
        assertTrue(e.getMessage().contains("sha256 is " + EmbeddedMobileNet.MODEL_SHA256) && e.getMessage().contains("reinstall"), e.getMessage());
    }

    @Test
    void missingSavedModelFolderIsAClearError(@TempDir Path dir) {
        IOException e = assertThrows(IOException.class, () -> Backbones.openSavedModel(dir, "image", "features"));
        assertTrue(e.getMessage().contains("no saved_model.pb"), e.getMessage());
    }
}
