package org.tumorj.dicom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The size a compressed frame declares, read before decoding, so that a header's lie is refused before allocation. */
class CodestreamSizeTest {

    @Test
    void aJpegDeclaresItsSizeInItsFrameHeader() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(37, 21, BufferedImage.TYPE_BYTE_GRAY), "jpeg", out);
        assertArrayEquals(new long[] {37, 21}, CodestreamSize.of(out.toByteArray()).orElseThrow());
    }

    @Test
    void aJpeg2000CodestreamDeclaresItsSizeInSizLessItsOffset() {
        byte[] b = new byte[40];
        int[] header = {0xFF, 0x4F, 0xFF, 0x51, 0, 41, 0, 0};
        for (int i = 0; i < header.length; i++) {
            b[i] = (byte) header[i];
        }
        put32(b, 8, 612); // Xsiz
        put32(b, 12, 530); // Ysiz
        put32(b, 16, 100); // XOsiz
        put32(b, 20, 18); // YOsiz
        assertArrayEquals(new long[] {512, 512}, CodestreamSize.of(b).orElseThrow());
    }

    @Test
    void bytesThatOpenNoKnownCodestreamSayNothing() {
        assertTrue(CodestreamSize.of(new byte[] {1, 2, 3, 4, 5}).isEmpty());
        assertTrue(CodestreamSize.of(new byte[] {(byte) 0xFF, (byte) 0x4F, 0, 0}).isEmpty(), "SOC without SIZ");
    }

    private static void put32(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }
}
