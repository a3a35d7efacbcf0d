package org.tumorj.dicom;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

/**
 * DICOM RLE Lossless (PS3.5 Annex G): a 64-byte header with up to 15 segment offsets, each
 * segment a PackBits run of one byte plane (most significant byte first for each sample).
 */
final class RleDecoder {
    private RleDecoder() {}

    /** Decodes one frame into interleaved raw sample values. */
    static int[] decode(byte[] frame, PixelFormat f, Path file) {
        if (frame.length < 64) {
            throw new DicomException(file, "RLE frame shorter than its 64-byte header");
        }
        ByteBuffer header = ByteBuffer.wrap(frame).order(ByteOrder.LITTLE_ENDIAN);
        int segments = header.getInt(0);
        int bytesPerSample = Math.max(1, f.bitsAllocated() / 8);
        int expected = bytesPerSample * f.samplesPerPixel();
        if (segments != expected) {
            throw new DicomException(file, "RLE frame has " + segments + " segments, " + expected + " expected for "
                    + f.samplesPerPixel() + " sample(s) of " + f.bitsAllocated() + " bits");
        }
        int pixels = f.pixels();
        int[] out = new int[pixels * f.samplesPerPixel()];
        byte[] plane = new byte[pixels];
        for (int s = 0; s < segments; s++) {
            int start = header.getInt(4 + 4 * s);
            int end = s + 1 < segments ? header.getInt(8 + 4 * s) : frame.length;
            if (start < 64 || start > frame.length || end < start || end > frame.length) {
                throw new DicomException(file, "RLE segment " + (s + 1) + " offset " + start + " lies outside the frame");
            }
            unpack(frame, start, end, plane);
            int sample = s / bytesPerSample;
            int shift = 8 * (bytesPerSample - 1 - s % bytesPerSample);
            for (int p = 0; p < pixels; p++) {
                out[p * f.samplesPerPixel() + sample] |= (plane[p] & 0xFF) << shift;
            }
        }
        return out;
    }

    /** PackBits: n >= 0 copies n+1 bytes, n in [-127,-1] repeats the next byte 1-n times, -128 is a no-op. */
    private static void unpack(byte[] in, int pos, int end, byte[] out) {
        int o = 0;
        java.util.Arrays.fill(out, (byte) 0);
        while (pos < end && o < out.length) {
            int n = in[pos++];
            if (n >= 0) {
                int count = Math.min(n + 1, Math.min(end - pos, out.length - o));
                System.arraycopy(in, pos, out, o, count);
                pos += n + 1;
                o += count;
            } else if (n != -128 && pos < end) {
                int count = Math.min(1 - n, out.length - o);
                java.util.Arrays.fill(out, o, o + count, in[pos++]);
                o += count;
            }
        }
    }
}
