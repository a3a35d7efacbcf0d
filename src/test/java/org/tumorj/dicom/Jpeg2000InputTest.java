package org.tumorj.dicom;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Codestreams the JPEG 2000 decoder could hang on are refused before it sees them. */
class Jpeg2000InputTest {
    private static final Path FILE = Path.of("frame.dcm");

    private static byte[] bytes(int... v) {
        byte[] b = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = (byte) v[i];
        }
        return b;
    }

    @Test
    void packedHeadersInTheMainHeaderAreRefused() {
        byte[] ppm = bytes(0xFF, 0x4F, 0xFF, 0x51, 0x00, 0x04, 0x00, 0x00, 0xFF, 0x60, 0x00, 0x03, 0x00);
        DicomException e = assertThrows(DicomException.class, () -> Jpeg2000Input.checkNoPackedPacketHeaders(ppm, FILE));
        assertTrue(e.getMessage().contains("PPM") && e.getMessage().startsWith(FILE.toString()), e.getMessage());
    }

    @Test
    void packedHeadersInATilePartHeaderAreRefused() {
        // SOC, SOT (Lsot 10, tile 0, Psot 0 = to the end, TPsot 0, TNsot 1), PPT, SOD
        byte[] ppt = bytes(0xFF, 0x4F, 0xFF, 0x90, 0x00, 0x0A, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01,
                0xFF, 0x61, 0x00, 0x03, 0x00, 0xFF, 0x93, 0x12, 0x34);
        DicomException e = assertThrows(DicomException.class, () -> Jpeg2000Input.checkNoPackedPacketHeaders(ppt, FILE));
        assertTrue(e.getMessage().contains("PPT"), e.getMessage());
    }

    @Test
    void ordinaryHeadersAndDamagedLengthsPassToTheDecoder() {
        byte[] plain = bytes(0xFF, 0x4F, 0xFF, 0x51, 0x00, 0x04, 0x00, 0x00, 0xFF, 0x90, 0x00, 0x0A, 0x00, 0x00,
                0x00, 0x00, 0x00, 0x00, 0x00, 0x01, 0xFF, 0x93, 0xFF, 0x60);
        assertDoesNotThrow(() -> Jpeg2000Input.checkNoPackedPacketHeaders(plain, FILE), "0xFF60 in tile data is data");
        byte[] zeroLength = bytes(0xFF, 0x4F, 0xFF, 0x51, 0x00, 0x00, 0xFF, 0x60);
        assertDoesNotThrow(() -> Jpeg2000Input.checkNoPackedPacketHeaders(zeroLength, FILE));
    }
}
