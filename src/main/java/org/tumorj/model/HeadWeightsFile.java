package org.tumorj.model;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The head weights as bytes ({@code head.bin}): little endian throughout.
 * <pre>
 *   4 bytes  magic "TJHD"
 *   int32    file format version (1)
 *   int32    C, feature channels
 *   int32    H, hidden units
 *   float32  W1[C * H]   row-major, W1[c * H + h]
 *   float32  b1[H]
 *   float32  w2[H]
 *   float32  b2
 * </pre>
 * The exact length is implied by C and H, so a truncated or padded file is detected even before
 * its checksum is compared.
 */
public final class HeadWeightsFile {
    static final byte[] MAGIC = "TJHD".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 1;
    private static final int HEADER_BYTES = 16;

    private HeadWeightsFile() {}

    public static byte[] toBytes(HeadWeights w) {
        ByteBuffer buf = ByteBuffer.allocate(Math.toIntExact(HEADER_BYTES + 4 * w.parameterCount()))
                .order(ByteOrder.LITTLE_ENDIAN);
        buf.put(MAGIC).putInt(VERSION).putInt(w.featureChannels()).putInt(w.hiddenUnits());
        buf.asFloatBuffer().put(w.kernel1()).put(w.bias1()).put(w.kernel2()).put(w.bias2());
        return buf.array();
    }

    public static void write(HeadWeights w, OutputStream out) throws IOException {
        out.write(toBytes(w));
    }

    /**
     * Parses {@code bytes}; {@code source} names the file in error messages.
     *
     * @throws IOException naming the file and what is wrong with it
     */
    public static HeadWeights fromBytes(byte[] bytes, String source) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < HEADER_BYTES || !hasMagic(buf)) {
            throw new IOException(source + ": not a TumorJ head weight file (no TJHD header)");
        }
        int version = buf.getInt();
        if (version != VERSION) {
            throw new IOException(source + ": head weight format " + version + " is not supported (this TumorJ reads "
                    + VERSION + "); use a newer TumorJ");
        }
        int c = buf.getInt();
        int h = buf.getInt();
        long expected = HEADER_BYTES + 4 * ((long) c * h + 2L * h + 1);
        if (c < 1 || h < 1 || bytes.length != expected) {
            throw new IOException(source + ": " + bytes.length + " bytes but a " + c + " x " + h + " head needs "
                    + expected + "; the file is truncated or damaged, copy the bundle again");
        }
        return read(buf, c, h);
    }

    private static HeadWeights read(ByteBuffer buf, int c, int h) {
        var floats = buf.slice().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
        float[] k1 = new float[c * h];
        float[] b1 = new float[h];
        float[] k2 = new float[h];
        floats.get(k1).get(b1).get(k2);
        return new HeadWeights(c, h, k1, b1, k2, floats.get());
    }

    private static boolean hasMagic(ByteBuffer buf) {
        byte[] magic = new byte[MAGIC.length];
        buf.get(magic);
        return java.util.Arrays.equals(magic, MAGIC);
    }

}
