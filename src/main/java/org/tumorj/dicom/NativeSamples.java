package org.tumorj.dicom;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Raw sample values of one native (uncompressed) frame, in file order. */
final class NativeSamples {
    private NativeSamples() {}

    static int[] read(ByteBuffer buffer, long pixelOffset, PixelFormat f, int frame, boolean bigEndian) {
        ByteBuffer buf = buffer.duplicate().order(bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        int count = f.pixels() * f.samplesPerPixel();
        int[] out = new int[count];
        if (f.bitsAllocated() == 1) {
            long firstBit = (long) count * frame;
            for (int i = 0; i < count; i++) {
                long bit = firstBit + i;
                int b = buf.get((int) (pixelOffset + (bit >>> 3))) & 0xFF;
                out[i] = (b >>> (int) (bit & 7)) & 1;
            }
            return out;
        }
        int bytes = f.bitsAllocated() / 8;
        int start = (int) (pixelOffset + f.frameBits() / 8 * frame);
        if (f.photometric().endsWith("_422")) {
            return upsample422(buf, start, f);
        }
        for (int i = 0; i < count; i++) {
            int at = start + i * bytes;
            out[i] = switch (bytes) {
                case 1 -> buf.get(at) & 0xFF;
                case 2 -> buf.getShort(at) & 0xFFFF;
                default -> buf.getInt(at);
            };
        }
        return out;
    }

    /** Native 4:2:2 stores Y1 Y2 Cb Cr per pixel pair; expand to full-resolution Y Cb Cr triples. */
    private static int[] upsample422(ByteBuffer buf, int start, PixelFormat f) {
        int w = f.columns(), h = f.rows();
        int[] out = new int[w * h * 3];
        int at = start;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x += 2) {
                int y1 = buf.get(at) & 0xFF, y2 = buf.get(at + 1) & 0xFF;
                int cb = buf.get(at + 2) & 0xFF, cr = buf.get(at + 3) & 0xFF;
                at += 4;
                int p = (y * w + x) * 3;
                out[p] = y1; out[p + 1] = cb; out[p + 2] = cr;
                if (x + 1 < w) {
                    out[p + 3] = y2; out[p + 4] = cb; out[p + 5] = cr;
                }
            }
        }
        return out;
    }
}
