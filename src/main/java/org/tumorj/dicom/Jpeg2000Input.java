package org.tumorj.dicom;

import java.io.EOFException;
import java.io.IOException;
import javax.imageio.stream.ImageInputStreamImpl;

/**
 * A JPEG 2000 frame's bytes for jai-imageio, where reading past the end throws
 * {@link EOFException}. jj2000 expects exactly that of its input, but jai-imageio hands it
 * {@code read()}'s -1, which the packet header reader takes for a byte of ones: a corrupt or
 * truncated codestream then loops forever (found by fuzzing, see docs/robustness.md). With the
 * exception, jj2000's own handling of truncated codestreams applies.
 */
final class Jpeg2000Input extends ImageInputStreamImpl {
    private final byte[] data;

    Jpeg2000Input(byte[] data) {
        this.data = data;
    }

    /**
     * Refuses a codestream whose tile data holds two 0xFF bytes in a row. Bit stuffing makes
     * that impossible in valid packet data (a 0xFF is followed by a byte below 0x90), and jj2000's
     * packet header reader, on meeting it, returns one bits forever (found by fuzzing).
     */
    static void checkPacketData(byte[] frame, java.nio.file.Path file) {
        int start = -1;
        for (int i = 0; i + 1 < frame.length; i++) {
            if ((frame[i] & 0xFF) == 0xFF && (frame[i + 1] & 0xFF) == 0x93) { // SOD: tile data follows
                start = i + 2;
                break;
            }
        }
        for (int i = Math.max(0, start); start >= 0 && i + 1 < frame.length; i++) {
            if (frame[i] == (byte) 0xFF && frame[i + 1] == (byte) 0xFF) {
                throw new DicomException(file, "corrupt JPEG 2000 codestream: two 0xFF bytes in the tile data at byte "
                        + i + " of the frame (not possible in a valid codestream)");
            }
        }
    }

    /**
     * Refuses packed packet headers (PPM in the main header, PPT in a tile-part header): jj2000
     * reads them through a path that, on a truncated or damaged codestream, can loop forever
     * (seen when reading the library, not yet by fuzzing), and the reader promises never to hang.
     * Walks the marker segments by their lengths only, so it costs nothing on real files.
     */
    static void checkNoPackedPacketHeaders(byte[] f, java.nio.file.Path file) {
        if (f.length < 4 || u16(f, 0) != 0xFF4F) {
            return; // no SOC: not a raw codestream; the decoder reports it
        }
        int i = 2;
        while (i + 4 <= f.length) {
            int marker = u16(f, i);
            refusePacked(marker, i, file);
            if (marker == 0xFF93 || marker == 0xFFD9 || (marker & 0xFF00) != 0xFF00) {
                return; // tile data, end of codestream, or not a marker: nothing more to check here
            }
            int length = u16(f, i + 2);
            if (length < 2) {
                return; // damaged segment: the decoder reports it
            }
            if (marker == 0xFF90 && i + 10 <= f.length) { // SOT: check this tile-part's header, then jump
                checkTilePartHeader(f, i + 2 + length, file);
                long psot = u32(f, i + 6);
                if (psot == 0 || i + psot > f.length) {
                    return; // the last tile-part runs to the end
                }
                i += (int) psot;
            } else {
                i += 2 + length;
            }
        }
    }

    private static void checkTilePartHeader(byte[] f, int j, java.nio.file.Path file) {
        while (j + 4 <= f.length) {
            int marker = u16(f, j);
            refusePacked(marker, j, file);
            int length = u16(f, j + 2);
            if (marker == 0xFF93 || (marker & 0xFF00) != 0xFF00 || length < 2) {
                return;
            }
            j += 2 + length;
        }
    }

    private static void refusePacked(int marker, int offset, java.nio.file.Path file) {
        if (marker == 0xFF60 || marker == 0xFF61) {
            throw new DicomException(file, "JPEG 2000 codestream with packed packet headers ("
                    + (marker == 0xFF60 ? "PPM" : "PPT") + " marker at byte " + offset + " of the frame) is not"
                    + " supported, because the decoder can hang on them; re-encode the image without PPM/PPT");
        }
    }

    private static int u16(byte[] f, int i) {
        return ((f[i] & 0xFF) << 8) | (f[i + 1] & 0xFF);
    }

    private static long u32(byte[] f, int i) {
        return ((long) u16(f, i) << 16) | u16(f, i + 2);
    }

    @Override
    public int read() throws IOException {
        checkClosed();
        bitOffset = 0;
        if (streamPos >= data.length) {
            throw new EOFException("JPEG 2000 codestream ends after " + data.length + " bytes");
        }
        return data[(int) streamPos++] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        checkClosed();
        bitOffset = 0;
        if (len == 0) {
            return 0;
        }
        if (streamPos >= data.length) {
            return -1;
        }
        int n = (int) Math.min(len, data.length - streamPos);
        System.arraycopy(data, (int) streamPos, b, off, n);
        streamPos += n;
        return n;
    }

    @Override
    public long length() {
        return data.length;
    }
}
